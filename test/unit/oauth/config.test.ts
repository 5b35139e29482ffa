import { describe, expect, it } from 'vitest';
import { cognitoEndpoints, OAuthClient, type OAuthClientConfig } from '../../../src/oauth/index.js';
import { CLIENT_ID, CLIENT_SECRET, fetchMock, json } from './cognito-fetch.js';

const configError = (config: unknown) => {
  const created = OAuthClient.create(config as OAuthClientConfig);
  expect(created.isErr()).toBe(true);
  return created._unsafeUnwrapErr();
};

describe('OAuthClient configuration', () => {
  it('derives the endpoints of a prefix domain from the prefix and region', () => {
    const oauth = OAuthClient.create({ domainPrefix: 'my-app', region: 'eu-west-1', clientId: CLIENT_ID });
    expect(oauth._unsafeUnwrap().endpoints._unsafeUnwrap()).toEqual({
      authorization: 'https://my-app.auth.eu-west-1.amazoncognito.com/oauth2/authorize',
      token: 'https://my-app.auth.eu-west-1.amazoncognito.com/oauth2/token',
      revocation: 'https://my-app.auth.eu-west-1.amazoncognito.com/oauth2/revoke',
      userInfo: 'https://my-app.auth.eu-west-1.amazoncognito.com/oauth2/userInfo',
      logout: 'https://my-app.auth.eu-west-1.amazoncognito.com/logout',
    });
  });

  it('takes a custom domain as an origin, adding https:// when it is left out', () => {
    const bare = OAuthClient.create({ domain: 'auth.example.com', clientId: CLIENT_ID })._unsafeUnwrap();
    const full = OAuthClient.create({
      domain: 'https://auth.example.com/',
      clientId: CLIENT_ID,
    })._unsafeUnwrap();
    expect(bare.endpoints._unsafeUnwrap()).toEqual(cognitoEndpoints('https://auth.example.com'));
    expect(full.endpoints._unsafeUnwrap().token).toBe('https://auth.example.com/oauth2/token');
  });

  it('lets explicit endpoints replace the domain ones (http allowed on loopback only)', () => {
    const oauth = OAuthClient.create({
      domain: 'auth.example.com',
      clientId: CLIENT_ID,
      endpoints: { token: 'http://127.0.0.1:4000/token', userInfo: 'http://localhost:4000/me' },
    })._unsafeUnwrap();
    expect(oauth.endpoints._unsafeUnwrap()).toMatchObject({
      token: 'http://127.0.0.1:4000/token',
      userInfo: 'http://localhost:4000/me',
      revocation: 'https://auth.example.com/oauth2/revoke',
    });
  });

  it('accepts endpoints alone, without a domain, when the token endpoint is among them', () => {
    const oauth = OAuthClient.create({
      clientId: CLIENT_ID,
      endpoints: { token: 'https://idp.example/token' },
    });
    expect(oauth._unsafeUnwrap().endpoints._unsafeUnwrap()).toEqual({ token: 'https://idp.example/token' });
  });

  it.each([
    ['no config object', null, 'config must be an object'],
    ['no clientId', { domain: 'auth.example.com' }, 'clientId'],
    ['an empty secret', { domain: 'auth.example.com', clientId: 'c', clientSecret: '' }, 'clientSecret'],
    [
      'both domain and domainPrefix',
      { domain: 'a.example', domainPrefix: 'a', region: 'eu-west-1', clientId: 'c' },
      'not both',
    ],
    ['an upper-case prefix', { domainPrefix: 'My-App', region: 'eu-west-1', clientId: 'c' }, 'domainPrefix'],
    ['a prefix without region', { domainPrefix: 'my-app', clientId: 'c' }, 'region'],
    ['a plain-http domain', { domain: 'http://auth.example.com', clientId: 'c' }, 'https'],
    ['a domain with a path', { domain: 'https://auth.example.com/oauth2', clientId: 'c' }, 'origin'],
    ['neither domain nor endpoints', { clientId: 'c' }, 'endpoints.token'],
    ['a bad endpoint URL', { clientId: 'c', endpoints: { token: 'not a url' } }, 'endpoints.token'],
    [
      'an unknown endpoint key',
      { domain: 'a.example', clientId: 'c', endpoints: { tokens: 'https://a/t' } },
      'unknown keys',
    ],
    [
      'a redirect URI with a fragment',
      { domain: 'a.example', clientId: 'c', redirectUris: ['https://app/cb#x'] },
      'redirectUris',
    ],
    ['a relative logout URI', { domain: 'a.example', clientId: 'c', logoutUris: ['/bye'] }, 'logoutUris'],
    ['a scope with a space', { domain: 'a.example', clientId: 'c', scopes: ['openid email'] }, 'scopes'],
    ['a negative time-out', { domain: 'a.example', clientId: 'c', timeoutMs: -1 }, 'timeoutMs'],
    ['a fetch that is not a function', { domain: 'a.example', clientId: 'c', fetch: 'nope' }, 'fetch'],
  ])('refuses %s with InvalidConfig', (_name, config, fragment) => {
    const error = configError(config);
    expect(error.type).toBe('InvalidConfig');
    expect(error.message).toContain(fragment);
  });

  it('never puts the client secret into a configuration error', () => {
    const error = configError({
      domain: 'http://auth.example.com',
      clientId: 'c',
      clientSecret: CLIENT_SECRET,
    });
    expect(JSON.stringify(error)).not.toContain(CLIENT_SECRET);
  });

  it('built with new and an invalid config, answers every call with InvalidConfig and sends nothing', async () => {
    const mock = fetchMock(() => json(200, {}));
    const oauth = new OAuthClient({ clientId: '', domain: 'auth.example.com', fetch: mock.fetch });
    const results = await Promise.all([
      oauth.authorizeUrl(),
      oauth.exchangeCode({ code: 'c', codeVerifier: 'v'.repeat(43) }),
      oauth.completeAuthorization('https://app/cb?code=c', {
        state: 's',
        nonce: 'n',
        codeVerifier: 'v'.repeat(43),
        redirectUri: 'https://app/cb',
      }),
      oauth.refresh('r'),
      oauth.revoke('r'),
      oauth.userInfo('a'),
      oauth.clientCredentials(),
    ]);
    expect(results.map((r) => r._unsafeUnwrapErr().type)).toEqual(Array(7).fill('InvalidConfig'));
    expect(oauth.logoutUrl()._unsafeUnwrapErr().type).toBe('InvalidConfig');
    expect(oauth.endpoints._unsafeUnwrapErr().type).toBe('InvalidConfig');
    expect(() => oauth.clearClientCredentials()).not.toThrow();
    expect(mock.calls).toHaveLength(0);
  });
});
