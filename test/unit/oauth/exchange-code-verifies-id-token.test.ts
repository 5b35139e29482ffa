import { describe, expect, it } from 'vitest';
import { OAuthClient } from '../../../src/oauth/index.js';
import { TokenVerifier } from '../../../src/verify/index.js';
import { clientId, idClaims, localPool, userPoolId } from '../verify/local-pool.js';
import { fetchMock, json } from './cognito-fetch.js';

const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const REDIRECT = 'https://app.example.com/callback';
const pool = localPool('pool-key');
const stranger = localPool('pool-key'); // same kid, another key: a forged token
const tokenVerifier = TokenVerifier.create({ userPoolId, clientId, jwks: pool.jwks })._unsafeUnwrap();

function exchange(idToken: string, nonce = 'n-0nce') {
  const mock = fetchMock(() =>
    json(200, {
      id_token: idToken,
      access_token: 'a.b.c',
      refresh_token: 'r',
      expires_in: 3600,
      token_type: 'Bearer',
    }),
  );
  const oauth = OAuthClient.create({
    domainPrefix: 'my-app',
    region: 'eu-west-1',
    clientId,
    redirectUris: [REDIRECT],
    fetch: mock.fetch,
    idTokenVerifier: tokenVerifier,
  })._unsafeUnwrap();
  return oauth.exchangeCode({ code: 'c0de', codeVerifier: VERIFIER, nonce });
}

describe('exchangeCode verifies the ID token with the configured idTokenVerifier', () => {
  it('a token signed by the pool, for this client, unexpired, with the nonce sent: the tokens', async () => {
    const idToken = pool.sign(idClaims({ nonce: 'n-0nce' }));
    expect((await exchange(idToken))._unsafeUnwrap().idToken).toBe(idToken);
  });

  it.each([
    [
      'signed by another key (regression: only the nonce was compared)',
      () => stranger.sign(idClaims({ nonce: 'n-0nce' })),
    ],
    [
      'issued by another pool (iss)',
      () =>
        pool.sign(
          idClaims({ nonce: 'n-0nce', iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Other' }),
        ),
    ],
    ['for another app client (aud)', () => pool.sign(idClaims({ nonce: 'n-0nce', aud: 'someone-else' }))],
    ['expired (exp)', () => pool.sign(idClaims({ nonce: 'n-0nce' }, Math.floor(Date.now() / 1000) - 7200))],
  ])('a token %s is an OAuth invalid_token error', async (_name, token) => {
    const error = (await exchange(token()))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'OAuth', error: 'invalid_token' });
    expect(error.message).toMatch(/failed verification/);
  });

  it('a verified token with another nonce is still nonce_mismatch', async () => {
    const error = (await exchange(pool.sign(idClaims({ nonce: 'other' }))))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'OAuth', error: 'nonce_mismatch' });
  });

  it('an idTokenVerifier without verifyIdToken is InvalidConfig', () => {
    const created = OAuthClient.create({
      domainPrefix: 'my-app',
      region: 'eu-west-1',
      clientId,
      idTokenVerifier: {} as never,
    });
    expect(created._unsafeUnwrapErr()).toMatchObject({
      type: 'InvalidConfig',
      message: expect.stringMatching(/idTokenVerifier/),
    });
  });
});
