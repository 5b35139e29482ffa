import { describe, expect, it } from 'vitest';
import { OAuthClient, type OAuthClientConfig } from '../../../src/oauth/index.js';
import { clientId, idClaims, issuer, localPool, userPoolId } from '../verify/local-pool.js';
import { acceptAnyIdToken, fetchMock, json, type SeenRequest } from './cognito-fetch.js';

const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const REDIRECT = 'https://app.example.com/callback';
const JWKS_URL = `${issuer}/.well-known/jwks.json`;
const pool = localPool('pool-key');
const stranger = localPool('pool-key'); // same kid, another key: a forged token

/** A token endpoint answering with `idToken`, and the pool's JWKS where aws-jwt-verify looks for it. */
function cognito(idToken: string, jwks: (request: SeenRequest) => Response | Promise<Response>) {
  return fetchMock((request) =>
    request.url.href === JWKS_URL
      ? jwks(request)
      : json(200, {
          id_token: idToken,
          access_token: 'a.b.c',
          refresh_token: 'r',
          expires_in: 3600,
          token_type: 'Bearer',
        }),
  );
}

function client(mock: ReturnType<typeof fetchMock>, config: Partial<OAuthClientConfig> = { userPoolId }) {
  return OAuthClient.create({
    domainPrefix: 'my-app',
    region: 'eu-west-1',
    clientId,
    redirectUris: [REDIRECT],
    fetch: mock.fetch,
    ...config,
  })._unsafeUnwrap();
}

const exchange = (oauth: OAuthClient, nonce = 'n-0nce') =>
  oauth.exchangeCode({ code: 'c0de', codeVerifier: VERIFIER, nonce });

describe('with userPoolId, exchangeCode verifies the ID token with aws-jwt-verify by default', () => {
  it('a token signed by the pool, for this client, with the nonce sent: the tokens (JWKS fetched with the client fetch)', async () => {
    const idToken = pool.sign(idClaims({ nonce: 'n-0nce' }));
    const mock = cognito(idToken, () => json(200, pool.jwks));
    expect((await exchange(client(mock)))._unsafeUnwrap().idToken).toBe(idToken);
    expect(mock.calls.map((call) => call.url.href)).toContain(JWKS_URL);
  });

  it.each([
    ['signed by another key', () => stranger.sign(idClaims({ nonce: 'n-0nce' })), /signature/],
    [
      'issued by another pool (iss)',
      () => pool.sign(idClaims({ nonce: 'n-0nce', iss: `${issuer.slice(0, -5)}Other` })),
      /not issued by this user pool/,
    ],
    [
      'for another app client (aud)',
      () => pool.sign(idClaims({ nonce: 'n-0nce', aud: 'someone-else' })),
      /another app client/,
    ],
    [
      'expired (exp)',
      () => pool.sign(idClaims({ nonce: 'n-0nce' }, Math.floor(Date.now() / 1000) - 7200)),
      /expired/,
    ],
    [
      'an access token (token_use)',
      () => pool.sign(idClaims({ nonce: 'n-0nce', token_use: 'access' })),
      /not an ID token/,
    ],
  ])('a token %s is an invalid_token error naming why, without the token', async (_name, token, why) => {
    const idToken = token();
    const error = (await exchange(client(cognito(idToken, () => json(200, pool.jwks)))))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'OAuth', error: 'invalid_token', retryable: false });
    expect(error.message).toMatch(/failed verification/);
    expect(error.message).toMatch(why);
    expect(error.message).not.toContain(idToken.split('.')[1]);
    expect(JSON.stringify(error)).not.toContain(idToken);
  });

  it('a token that verifies but carries another nonce is nonce_mismatch (compared after verification)', async () => {
    const mock = cognito(pool.sign(idClaims({ nonce: 'other' })), () => json(200, pool.jwks));
    expect((await exchange(client(mock)))._unsafeUnwrapErr()).toMatchObject({
      type: 'OAuth',
      error: 'nonce_mismatch',
    });
    expect(mock.calls.map((call) => call.url.href)).toContain(JWKS_URL);
  });

  it('a JWKS outage is a retryable Network error, and a later exchange succeeds', async () => {
    const idToken = pool.sign(idClaims({ nonce: 'n-0nce' }));
    let down = true;
    const mock = cognito(idToken, () => {
      if (down) throw new TypeError('fetch failed');
      return json(200, pool.jwks);
    });
    const oauth = client(mock);
    const error = (await exchange(oauth))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'Network', retryable: true, message: expect.stringMatching(/JWKS/) });
    expect(error.message).not.toContain(idToken);
    down = false;
    expect((await exchange(oauth))._unsafeUnwrap().idToken).toBe(idToken);
  });

  it('a configured idTokenVerifier wins over userPoolId (no JWKS fetched)', async () => {
    const mock = cognito(stranger.sign(idClaims({ nonce: 'n-0nce' })), () => json(200, pool.jwks));
    const oauth = client(mock, { userPoolId, idTokenVerifier: acceptAnyIdToken });
    expect((await exchange(oauth)).isOk()).toBe(true);
    expect(mock.calls.map((call) => call.url.href)).not.toContain(JWKS_URL);
  });

  it('a userPoolId that is not a pool id is InvalidConfig', () => {
    for (const bad of ['', 'AbC123', 'eu-west-1', 42]) {
      const created = OAuthClient.create({ domain: 'auth.example.com', clientId, userPoolId: bad as never });
      expect(created._unsafeUnwrapErr()).toMatchObject({
        type: 'InvalidConfig',
        message: expect.stringMatching(/userPoolId/),
      });
    }
  });
});

describe('without userPoolId or idTokenVerifier, a code exchange is refused before any request', () => {
  it('exchangeCode and completeAuthorization: InvalidConfig naming both, zero requests', async () => {
    const mock = cognito(pool.sign(idClaims({ nonce: 'n-0nce' })), () => json(200, pool.jwks));
    const oauth = client(mock, {});
    const exchanged = (await exchange(oauth))._unsafeUnwrapErr();
    const completed = (
      await oauth.completeAuthorization(`${REDIRECT}?code=c0de&state=s-1`, {
        state: 's-1',
        nonce: 'n-0nce',
        codeVerifier: VERIFIER,
        redirectUri: REDIRECT,
      })
    )._unsafeUnwrapErr();
    for (const error of [exchanged, completed]) {
      expect(error).toMatchObject({ type: 'InvalidConfig', retryable: false });
      expect(error.message).toMatch(/userPoolId/);
      expect(error.message).toMatch(/idTokenVerifier/);
    }
    expect(mock.calls).toHaveLength(0);
  });

  it('client credentials, refresh, revoke and userInfo still work without them', async () => {
    const mock = fetchMock((request) =>
      request.url.pathname === '/oauth2/userInfo'
        ? json(200, { sub: 'sub-alice' })
        : request.url.pathname === '/oauth2/revoke'
          ? new Response('', { status: 200 })
          : json(200, { access_token: 'a.b.c', id_token: 'x.y.z', expires_in: 3600, token_type: 'Bearer' }),
    );
    const oauth = OAuthClient.create({
      domainPrefix: 'my-app',
      region: 'eu-west-1',
      clientId,
      clientSecret: 'client-secret-0123456789abcdefghij',
      fetch: mock.fetch,
    })._unsafeUnwrap();
    expect((await oauth.clientCredentials({ scopes: ['orders/read'] })).isOk()).toBe(true);
    expect((await oauth.userInfo('a.b.c')).isOk()).toBe(true);
    expect((await oauth.revoke('r')).isOk()).toBe(true);
    expect((await oauth.refresh('refresh-token-opaque-0123456789')).isOk()).toBe(true);
    expect(mock.calls).toHaveLength(4);
  });
});
