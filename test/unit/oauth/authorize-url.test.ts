import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { codeChallengeS256, OAuthClient, type OAuthClientConfig } from '../../../src/oauth/index.js';
import { CLIENT_ID, DOMAIN, REDIRECT } from './cognito-fetch.js';

const base: OAuthClientConfig = {
  domainPrefix: 'my-app',
  region: 'eu-west-1',
  clientId: CLIENT_ID,
  redirectUris: [REDIRECT, 'myapp://callback'],
  scopes: ['openid', 'email', 'profile'],
};
const client = (config: Partial<OAuthClientConfig> = {}) =>
  OAuthClient.create({ ...base, ...config })._unsafeUnwrap();

describe('authorizeUrl', () => {
  it('builds a code + PKCE S256 URL on the domain with the configured defaults', async () => {
    const started = (await client().authorizeUrl())._unsafeUnwrap();
    const url = new URL(started.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${DOMAIN}/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT,
      scope: 'openid email profile',
      state: started.state,
      nonce: started.nonce,
      code_challenge: createHash('sha256').update(started.codeVerifier).digest('base64url'),
      code_challenge_method: 'S256',
    });
    expect(started.redirectUri).toBe(REDIRECT);
  });

  it('generates a fresh 43-character verifier, state and nonce for every sign-in', async () => {
    const oauth = client();
    const runs = await Promise.all([oauth.authorizeUrl(), oauth.authorizeUrl(), oauth.authorizeUrl()]);
    const values = runs.flatMap((run) => {
      const { state, nonce, codeVerifier } = run._unsafeUnwrap();
      return [state, nonce, codeVerifier];
    });
    expect(new Set(values).size).toBe(9);
    for (const value of values) expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('computes the RFC 7636 appendix B challenge with WebCrypto', async () => {
    expect(await codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('uses the state, nonce, scopes and redirect URI it is given', async () => {
    const started = (
      await client().authorizeUrl({
        state: 'my-state',
        nonce: 'my-nonce',
        scopes: ['openid', 'orders/read'],
        redirectUri: 'myapp://callback',
      })
    )._unsafeUnwrap();
    const params = new URL(started.url).searchParams;
    expect([
      params.get('state'),
      params.get('nonce'),
      params.get('scope'),
      params.get('redirect_uri'),
    ]).toEqual(['my-state', 'my-nonce', 'openid orders/read', 'myapp://callback']);
    expect([started.state, started.nonce, started.redirectUri]).toEqual([
      'my-state',
      'my-nonce',
      'myapp://callback',
    ]);
  });

  it('sends identity_provider to go straight to a federated IdP', async () => {
    const started = (await client().authorizeUrl({ identityProvider: 'Google' }))._unsafeUnwrap();
    expect(new URL(started.url).searchParams.get('identity_provider')).toBe('Google');
  });

  it('sends idp_identifier to pick an IdP by one of its identifiers', async () => {
    const started = (await client().authorizeUrl({ idpIdentifier: 'example.com' }))._unsafeUnwrap();
    const params = new URL(started.url).searchParams;
    expect(params.get('idp_identifier')).toBe('example.com');
    expect(params.has('identity_provider')).toBe(false);
  });

  it('adds extra parameters such as lang', async () => {
    const started = (await client().authorizeUrl({ extraParameters: { lang: 'fr' } }))._unsafeUnwrap();
    expect(new URL(started.url).searchParams.get('lang')).toBe('fr');
  });

  it('leaves scope out when the scope list is empty (Cognito then grants all the client allows)', async () => {
    const started = (await client().authorizeUrl({ scopes: [] }))._unsafeUnwrap();
    expect(new URL(started.url).searchParams.has('scope')).toBe(false);
  });

  it('builds the URL on a custom domain', async () => {
    const oauth = OAuthClient.create({
      domain: 'auth.example.com',
      clientId: CLIENT_ID,
      redirectUris: [REDIRECT],
    })._unsafeUnwrap();
    const started = (await oauth.authorizeUrl())._unsafeUnwrap();
    expect(started.url.startsWith('https://auth.example.com/oauth2/authorize?')).toBe(true);
  });

  it.each([
    ['an unregistered redirect URI', { redirectUri: 'https://evil.example/cb' }, 'not one of the configured'],
    ['a relative redirect URI', { redirectUri: '/callback' }, 'absolute'],
    [
      'both identityProvider and idpIdentifier',
      { identityProvider: 'Google', idpIdentifier: 'x.com' },
      'not both',
    ],
    ['an empty state', { state: '' }, 'state'],
    ['a scope with a space', { scopes: ['openid email'] }, 'scopes'],
    [
      'extra parameters that replace a PKCE one',
      { extraParameters: { code_challenge: 'x' } },
      'code_challenge',
    ],
    ['extra parameters that are not strings', { extraParameters: { lang: 1 } }, 'strings'],
  ])('refuses %s with InvalidParameter', async (_name, input, fragment) => {
    const error = (await client().authorizeUrl(input as never))._unsafeUnwrapErr();
    expect(error.type).toBe('InvalidParameter');
    expect(error.message).toContain(fragment);
  });

  it('asks for a redirect URI when none is configured or given', async () => {
    const error = (await client({ redirectUris: [] }).authorizeUrl())._unsafeUnwrapErr();
    expect(error).toMatchObject({
      type: 'InvalidParameter',
      message: expect.stringContaining('redirectUri is required'),
    });
  });

  it('accepts any well-formed redirect URI when none is configured', async () => {
    const started = await client({ redirectUris: [] }).authorizeUrl({
      redirectUri: 'https://other.example/cb',
    });
    expect(started._unsafeUnwrap().redirectUri).toBe('https://other.example/cb');
  });

  it('refuses to build a URL without an authorization endpoint', async () => {
    const oauth = OAuthClient.create({
      clientId: CLIENT_ID,
      endpoints: { token: 'https://idp.example/token' },
    })._unsafeUnwrap();
    const error = (await oauth.authorizeUrl({ redirectUri: REDIRECT }))._unsafeUnwrapErr();
    expect(error).toMatchObject({
      type: 'InvalidParameter',
      message: expect.stringContaining('authorization endpoint'),
    });
  });
});

describe('logoutUrl', () => {
  it('builds Cognito /logout with client_id and the first registered sign-out URL', () => {
    const url = new URL(
      client({ logoutUris: ['https://app.example.com/', 'https://app.example.com/bye'] })
        .logoutUrl()
        ._unsafeUnwrap(),
    );
    expect(`${url.origin}${url.pathname}`).toBe(`${DOMAIN}/logout`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: CLIENT_ID,
      logout_uri: 'https://app.example.com/',
    });
  });

  it('uses a registered sign-out URL it is given', () => {
    const oauth = client({ logoutUris: ['https://app.example.com/', 'https://app.example.com/bye'] });
    const url = new URL(oauth.logoutUrl({ logoutUri: 'https://app.example.com/bye' })._unsafeUnwrap());
    expect(url.searchParams.get('logout_uri')).toBe('https://app.example.com/bye');
  });

  it('refuses an unregistered sign-out URL, or none at all, with InvalidParameter', () => {
    const oauth = client({ logoutUris: ['https://app.example.com/'] });
    expect(oauth.logoutUrl({ logoutUri: 'https://evil.example/' })._unsafeUnwrapErr().type).toBe(
      'InvalidParameter',
    );
    expect(client().logoutUrl()._unsafeUnwrapErr().message).toContain('logoutUri is required');
  });

  it('refuses to build a URL without a logout endpoint', () => {
    const oauth = OAuthClient.create({
      clientId: CLIENT_ID,
      endpoints: { token: 'https://idp.example/token' },
    });
    const error = oauth
      ._unsafeUnwrap()
      .logoutUrl({ logoutUri: 'https://app.example.com/' })
      ._unsafeUnwrapErr();
    expect(error.message).toContain('logout endpoint');
  });
});
