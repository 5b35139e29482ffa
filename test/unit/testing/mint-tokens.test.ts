import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { decodeJwt } from 'cognito-flow';
import { createSigningKey, mintTokens, TEST_CLIENT_ID, TEST_USER_POOL_ID } from 'cognito-flow/testing';
import { TokenVerifier } from 'cognito-flow/verify';
import { describe, expect, it } from 'vitest';

const userPoolId = 'eu-west-1_AbC123';
const clientId = 'web-client';

function verifierFor(jwks = mintTokens().jwks, client = clientId) {
  return TokenVerifier.create({ userPoolId, clientId: client, jwks })._unsafeUnwrap();
}

describe('mintTokens', () => {
  it('mints tokens that cognito-flow/verify accepts, with Cognito claims', async () => {
    const issuedAt = Date.now() - 5_000;
    const tokens = mintTokens({
      userPoolId,
      clientId,
      username: 'alice',
      claims: { email: 'alice@example.com' },
      groups: ['admin'],
      scopes: ['aws.cognito.signin.user.admin', 'orders/read'],
      issuedAt,
      expiresIn: 900,
    });
    const verifier = verifierFor(tokens.jwks);
    const id = (await verifier.verifyIdToken(tokens.idToken))._unsafeUnwrap();
    const access = (
      await verifier.verifyAccessToken(tokens.accessToken, { scopes: 'orders/read' })
    )._unsafeUnwrap();

    const iat = Math.floor(issuedAt / 1000);
    expect(id).toMatchObject({
      iss: `https://cognito-idp.eu-west-1.amazonaws.com/${userPoolId}`,
      aud: clientId,
      token_use: 'id',
      'cognito:username': 'alice',
      'cognito:groups': ['admin'],
      email: 'alice@example.com',
      iat,
      auth_time: iat,
      exp: iat + 900,
    });
    expect(access).toMatchObject({
      client_id: clientId,
      token_use: 'access',
      username: 'alice',
      exp: iat + 900,
    });
    expect(id.sub).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(access.sub).toBe(id.sub);
    expect(tokens.claims.id.origin_jti).toBe(tokens.claims.access.origin_jti);
    expect(tokens.claims.id.jti).not.toBe(tokens.claims.access.jti);
  });

  it('signs RS256 with the kid of its JWKS, and the same user keeps the same sub', () => {
    const first = mintTokens({ userPoolId, username: 'bob' });
    const second = mintTokens({ userPoolId, username: 'bob' });
    const header = decodeJwt(first.idToken)._unsafeUnwrap().header;
    expect(header).toEqual({ kid: first.jwks.keys[0]?.kid, alg: 'RS256' });
    expect(first.jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB' });
    expect(second.claims.id.sub).toBe(first.claims.id.sub);
    expect(second.idToken).not.toBe(first.idToken);
  });

  it('gives a Cognito AuthenticationResult and an opaque five-part refresh token', () => {
    const tokens = mintTokens();
    expect(tokens.authenticationResult).toEqual({
      AccessToken: tokens.accessToken,
      IdToken: tokens.idToken,
      RefreshToken: tokens.refreshToken,
      ExpiresIn: 3600,
      TokenType: 'Bearer',
    });
    expect(tokens.refreshToken.split('.')).toHaveLength(5);
    expect(tokens.claims.id).toMatchObject({
      iss: expect.stringContaining(TEST_USER_POOL_ID),
      aud: TEST_CLIENT_ID,
    });
  });

  it('expired tokens fail verification as expired', async () => {
    const tokens = mintTokens({ userPoolId, clientId, issuedAt: Date.now() - 2 * 3600_000, expiresIn: 3600 });
    const result = await verifierFor(tokens.jwks).verifyIdToken(tokens.idToken);
    expect(result._unsafeUnwrapErr()).toMatchObject({ type: 'InvalidToken', reason: 'expired' });
  });

  it('tokens for another app client fail verification on the audience', async () => {
    const tokens = mintTokens({ userPoolId, clientId: 'other-client' });
    const verifier = verifierFor(tokens.jwks);
    expect((await verifier.verifyIdToken(tokens.idToken))._unsafeUnwrapErr().reason).toBe('audience');
    expect((await verifier.verifyAccessToken(tokens.accessToken))._unsafeUnwrapErr().reason).toBe('audience');
  });

  it('tokens of another pool or signed by another key are refused', async () => {
    const verifier = verifierFor();
    const otherPool = mintTokens({ userPoolId: 'eu-west-1_Other1', clientId });
    expect((await verifier.verifyIdToken(otherPool.idToken))._unsafeUnwrapErr().reason).toBe('issuer');
    const forged = mintTokens({ userPoolId, clientId, key: createSigningKey({ kid: 'stranger' }) });
    expect((await verifier.verifyIdToken(forged.idToken)).isErr()).toBe(true);
  });

  it('aws-jwt-verify accepts them through cacheJwks, with no network', async () => {
    const tokens = mintTokens({ userPoolId, clientId });
    const verifier = CognitoJwtVerifier.create({ userPoolId, clientId, tokenUse: 'access' });
    verifier.cacheJwks(tokens.jwks as Parameters<typeof verifier.cacheJwks>[0]);
    await expect(verifier.verify(tokens.accessToken)).resolves.toMatchObject({ client_id: clientId });
  });
});
