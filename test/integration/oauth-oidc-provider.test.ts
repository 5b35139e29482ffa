import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { JwtRsaVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  discoverEndpoints,
  type IdTokenVerifier,
  OAuthClient,
  type OAuthClientConfig,
  type OAuthEndpoints,
} from '../../src/oauth/index.js';
import { decodeJwt } from '../../src/tokens/jwt.js';
import { unwrap } from '../support/unwrap.js';

/**
 * A real OAuth 2.0 / OpenID Connect server (oidc-provider, an OpenID-certified implementation) runs
 * in-process on loopback as a stand-in for a Cognito user-pool domain. It needs no moto. Its paths
 * differ from Cognito's, so the client reads them from its discovery document. What it cannot show
 * about Cognito is listed in docs/oauth.md and covered by unit tests with Cognito-shaped answers.
 */

const CLIENT_ID = 'cognito-like-app-client';
// Not alphanumeric on purpose: proves the HTTP Basic credentials are form-encoded as RFC 6749 §2.3.1 says.
const CLIENT_SECRET = 'secret with spaces+plus/slash:colon%percent';
const REDIRECT = 'https://app.example.com/callback';
const ACCOUNT = 'alice';

/** The few parts of oidc-provider's API this test uses (the package ships no types). */
interface Interaction {
  readonly params: Record<string, string | undefined>;
}
interface OidcProvider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails(req: IncomingMessage, res: ServerResponse): Promise<Interaction>;
  interactionFinished(
    req: IncomingMessage,
    res: ServerResponse,
    result: Record<string, unknown>,
    options?: { mergeWithLastSubmission?: boolean },
  ): Promise<void>;
  Grant: new (init: {
    accountId: string;
    clientId: string;
  }) => {
    addOIDCScope(scope: string): void;
    save(): Promise<string>;
  };
}
type ProviderConstructor = new (issuer: string, configuration: Record<string, unknown>) => OidcProvider;

let server: Server;
let issuer: string;
let endpoints: Partial<OAuthEndpoints>;
/** Requests the stand-in received, by "METHOD path". */
const received: string[] = [];
const tokenRequests = () => received.filter((r) => r === 'POST /token').length;

async function startStandIn(): Promise<void> {
  // A non-literal specifier: oidc-provider has no type declarations, and this keeps tsc from asking for them.
  const moduleName = 'oidc-provider';
  const { default: Provider } = (await import(moduleName)) as { default: ProviderConstructor };
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [REDIRECT],
        grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
        scope: 'openid email profile orders/read orders/write',
      },
    ],
    scopes: ['openid', 'offline_access', 'email', 'profile', 'orders/read', 'orders/write', 'orders/admin'],
    claims: { email: ['email', 'email_verified'], profile: ['name'] },
    jwks: {
      keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'stand-in-key', alg: 'RS256', use: 'sig' }],
    },
    cookies: { keys: ['stand-in-cookie-signing-key'] },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      revocation: {
        enabled: true,
        allowedPolicy: async (_ctx: unknown, client: { clientId: string }, token: { clientId: string }) =>
          token.clientId === client.clientId,
      },
      userinfo: { enabled: true },
    },
    pkce: { required: () => true },
    // Like Cognito: a refresh token for every code grant, not rotated on refresh.
    issueRefreshToken: async () => true,
    rotateRefreshToken: () => false,
    findAccount: async (_ctx: unknown, accountId: string) => ({
      accountId,
      claims: async () => ({
        sub: accountId,
        email: 'alice@example.com',
        email_verified: true,
        name: 'Alice',
      }),
    }),
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      ClientCredentials: 600,
      IdToken: 3600,
      RefreshToken: 86_400,
      Interaction: 600,
      Session: 3600,
      Grant: 86_400,
    },
  });
  const handle = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    received.push(`${req.method} ${req.url?.split('?')[0]}`);
    if (!req.url?.startsWith('/interaction/')) {
      handle(req, res);
      return;
    }
    // A headless "user": signs in as alice and consents to every scope asked for, or cancels when the
    // sign-in was started with login_hint=cancel.
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      if (details.params.login_hint === 'cancel') {
        await provider.interactionFinished(req, res, {
          error: 'access_denied',
          error_description: 'The user cancelled the sign-in',
        });
        return;
      }
      const grant = new provider.Grant({ accountId: ACCOUNT, clientId: CLIENT_ID });
      grant.addOIDCScope(details.params.scope ?? 'openid');
      const grantId = await grant.save();
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: ACCOUNT }, consent: { grantId } },
        { mergeWithLastSubmission: false },
      );
    })().catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  endpoints = unwrap(await discoverEndpoints(issuer));
}

/**
 * Follows the browser's redirects from the authorize URL (keeping cookies, as a browser does) until the
 * server sends it to the app's redirect URI; returns that URL.
 */
async function browse(url: string): Promise<string> {
  const jar = new Map<string, string>();
  let next = url;
  for (let hop = 0; hop < 10; hop += 1) {
    if (next.startsWith(REDIRECT)) return next;
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(next, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    for (const set of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = set.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const expired = attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === '') jar.delete(name);
      else jar.set(name, value);
    }
    const location = response.headers.get('location');
    if (!location)
      throw new Error(`No redirect from ${next}: HTTP ${response.status} ${await response.text()}`);
    next = new URL(location, next).toString();
  }
  throw new Error('Too many redirects');
}

/**
 * The stand-in is not a Cognito pool, so `userPoolId` cannot name it: its ID tokens are verified by
 * aws-jwt-verify's `JwtRsaVerifier` against its issuer and JWKS (signature, iss, aud, exp). Its JWKS is
 * read with `fetch`: aws-jwt-verify's own fetcher takes only https URLs, and the stand-in is on http.
 */
function standInVerifier(audience = CLIENT_ID): IdTokenVerifier {
  const fetcher = { fetch: async (uri: string) => (await fetch(uri)).arrayBuffer() };
  const verifier = JwtRsaVerifier.create(
    { issuer, audience, jwksUri: `${issuer}/jwks` },
    { jwksCache: new SimpleJwksCache({ fetcher }) },
  );
  return {
    verifyIdToken: (token) =>
      verifier.verify(token).then(
        () => ({ isErr: () => false }),
        (error: Error) => ({ isErr: () => true, error: { type: error.name, message: error.message } }),
      ),
  };
}

function client(secret = CLIENT_SECRET, config: Partial<OAuthClientConfig> = {}) {
  return unwrap(
    OAuthClient.create({
      clientId: CLIENT_ID,
      clientSecret: secret,
      endpoints,
      redirectUris: [REDIRECT],
      scopes: ['openid', 'email', 'profile'],
      timeoutMs: 5000,
      idTokenVerifier: standInVerifier(),
      ...config,
    }),
  );
}

/** Signs alice in headlessly; returns the started request and the redirect back to the app. */
async function signIn(oauth = client()) {
  const started = unwrap(await oauth.authorizeUrl());
  return { started, callback: await browse(started.url) };
}

beforeAll(startStandIn, 30_000);
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('OAuth 2.0 against a real OpenID Connect server on loopback (oidc-provider stand-in)', () => {
  it('reads the endpoints from the discovery document', () => {
    expect(endpoints).toEqual({
      authorization: `${issuer}/auth`,
      token: `${issuer}/token`,
      revocation: `${issuer}/token/revocation`,
      userInfo: `${issuer}/me`,
      logout: `${issuer}/session/end`,
    });
  });

  it('signs in with authorization code + PKCE and a client secret, checking state and nonce', async () => {
    const oauth = client();
    const { started, callback } = await signIn(oauth);
    const redirect = new URL(callback);
    expect(redirect.searchParams.get('state')).toBe(started.state);
    const tokens = unwrap(await oauth.completeAuthorization(callback, started));
    const id = unwrap(decodeJwt(tokens.idToken)).payload;
    expect(id).toMatchObject({ sub: ACCOUNT, aud: CLIENT_ID, iss: issuer, nonce: started.nonce });
    expect(tokens.refreshToken).toEqual(expect.any(String));
    expect(tokens.tokenType).toBe('Bearer');
    expect(tokens.expiresAt).toBeGreaterThan(Date.now() + 3_500_000);
  });

  it('refuses an ID token its verifier rejects (here: issued to another audience) with invalid_token', async () => {
    const oauth = client(CLIENT_SECRET, { idTokenVerifier: standInVerifier('another-app-client') });
    const { started, callback } = await signIn(oauth);
    const error = (await oauth.completeAuthorization(callback, started))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'OAuth', error: 'invalid_token' });
    expect(error.message).toMatch(/failed verification .*Audience not allowed/);
  });

  it('without userPoolId or idTokenVerifier, refuses the exchange before calling the token endpoint', async () => {
    const oauth = client(CLIENT_SECRET, { idTokenVerifier: undefined });
    const { started, callback } = await signIn(oauth);
    const before = tokenRequests();
    const error = (await oauth.completeAuthorization(callback, started))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'InvalidConfig', message: expect.stringMatching(/userPoolId/) });
    expect(tokenRequests()).toBe(before);
  });

  it('refuses a reused code with invalid_grant', async () => {
    const oauth = client();
    const { started, callback } = await signIn(oauth);
    unwrap(await oauth.completeAuthorization(callback, started));
    const again = (await oauth.completeAuthorization(callback, started))._unsafeUnwrapErr();
    expect(again).toMatchObject({ type: 'OAuth', error: 'invalid_grant', status: 400 });
  });

  it('refuses a code with another PKCE verifier with invalid_grant', async () => {
    const oauth = client();
    const { started, callback } = await signIn(oauth);
    const other = unwrap(await oauth.authorizeUrl()).codeVerifier;
    const error = (
      await oauth.completeAuthorization(callback, { ...started, codeVerifier: other })
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'OAuth', error: 'invalid_grant' });
  });

  it('refuses a wrong client secret with invalid_client, and never shows either secret', async () => {
    const { started, callback } = await signIn();
    const error = (
      await client('wrong-secret-value').completeAuthorization(callback, started)
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'OAuth', error: 'invalid_client', status: 401 });
    const printed = JSON.stringify(error) + error.message;
    expect(printed).not.toContain('wrong-secret-value');
    expect(printed).not.toContain(CLIENT_SECRET);
  });

  it('reports a tampered state as state_mismatch without sending the code', async () => {
    const oauth = client();
    const { started, callback } = await signIn(oauth);
    const tampered = new URL(callback);
    tampered.searchParams.set('state', 'forged-state');
    const before = tokenRequests();
    const error = (await oauth.completeAuthorization(tampered.toString(), started))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'OAuth', error: 'state_mismatch' });
    expect(tokenRequests()).toBe(before);
  });

  it('reports a sign-in the user cancelled as access_denied from the redirect', async () => {
    const oauth = client();
    const started = unwrap(await oauth.authorizeUrl({ extraParameters: { login_hint: 'cancel' } }));
    const callback = await browse(started.url);
    const error = (await oauth.completeAuthorization(callback, started))._unsafeUnwrapErr();
    expect(error).toMatchObject({
      type: 'OAuth',
      error: 'access_denied',
      description: 'The user cancelled the sign-in',
    });
  });

  it('refreshes with the refresh token, keeping it (no rotation)', async () => {
    const oauth = client();
    const { started, callback } = await signIn(oauth);
    const tokens = unwrap(await oauth.completeAuthorization(callback, started));
    const fresh = unwrap(await oauth.refresh(tokens.refreshToken ?? ''));
    expect(fresh.accessToken).not.toBe(tokens.accessToken);
    expect(fresh.refreshToken).toBe(tokens.refreshToken);
    expect(unwrap(decodeJwt(fresh.idToken)).payload.sub).toBe(ACCOUNT);
  });

  it('reads userInfo with the access token', async () => {
    const oauth = client();
    const { started, callback } = await signIn(oauth);
    const tokens = unwrap(await oauth.completeAuthorization(callback, started));
    expect(unwrap(await oauth.userInfo(tokens.accessToken))).toMatchObject({
      sub: ACCOUNT,
      email: 'alice@example.com',
      email_verified: true,
      name: 'Alice',
    });
  });

  it('revokes the refresh token: it no longer refreshes, and its access token no longer reads userInfo', async () => {
    const oauth = client();
    const { started, callback } = await signIn(oauth);
    const tokens = unwrap(await oauth.completeAuthorization(callback, started));
    unwrap(await oauth.revoke(tokens.refreshToken ?? ''));
    expect((await oauth.refresh(tokens.refreshToken ?? ''))._unsafeUnwrapErr()).toMatchObject({
      type: 'OAuth',
      error: 'invalid_grant',
    });
    expect((await oauth.userInfo(tokens.accessToken))._unsafeUnwrapErr()).toMatchObject({
      type: 'OAuth',
      error: 'invalid_token',
      status: 401,
    });
  });

  it('gets a client-credentials token with the secret; 1,000 concurrent callers cost 1 token request', async () => {
    const oauth = client();
    const before = tokenRequests();
    const results = await Promise.all(
      Array.from({ length: 1000 }, () =>
        oauth.clientCredentials({ scopes: ['orders/read', 'orders/write'] }),
      ),
    );
    expect(tokenRequests() - before).toBe(1);
    const tokens = new Set(results.map((r) => unwrap(r).accessToken));
    expect(tokens.size).toBe(1);
    expect(unwrap(results[0] ?? (await oauth.clientCredentials())).scopes).toEqual([
      'orders/read',
      'orders/write',
    ]);
    // Cached: another round, in any scope order, costs nothing.
    unwrap(await oauth.clientCredentials({ scopes: ['orders/write', 'orders/read'] }));
    expect(tokenRequests() - before).toBe(1);
  });

  it('refuses client credentials with a wrong secret (invalid_client) or a scope the client lacks (invalid_scope)', async () => {
    const wrong = (
      await client('wrong-secret-value').clientCredentials({ scopes: ['orders/read'] })
    )._unsafeUnwrapErr();
    const scope = (await client().clientCredentials({ scopes: ['orders/admin'] }))._unsafeUnwrapErr();
    expect(wrong).toMatchObject({ type: 'OAuth', error: 'invalid_client' });
    expect(scope).toMatchObject({ type: 'OAuth', error: 'invalid_scope' });
  });
});
