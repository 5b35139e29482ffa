import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';

export const userPoolId = 'eu-west-1_L0cal';
export const issuer = `https://cognito-idp.eu-west-1.amazonaws.com/${userPoolId}`;
export const clientId = 'web-client';

/** A local "user pool": an RSA key pair, its JWKS, and a signer for Cognito-shaped tokens. */
export function localPool(kid = 'local-key-1') {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = {
    ...(publicKey.export({ format: 'jwk' }) as Record<string, string>),
    kid,
    alg: 'RS256',
    use: 'sig',
  };
  return {
    kid,
    privateKey,
    jwks: { keys: [jwk] },
    sign: (payload: Record<string, unknown>, header = {}) =>
      sign(privateKey, { alg: 'RS256', kid, ...header }, payload),
  };
}

export function sign(
  key: KeyObject,
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode(header)}.${encode(payload)}`;
  const signature = createSign('RSA-SHA256').update(input).sign(key).toString('base64url');
  return `${input}.${signature}`;
}

/** Claims of an ID token issued now (seconds), with overrides. */
export function idClaims(overrides: Record<string, unknown> = {}, now = Math.floor(Date.now() / 1000)) {
  return {
    sub: 'sub-alice',
    iss: issuer,
    aud: clientId,
    token_use: 'id',
    'cognito:username': 'alice',
    email: 'alice@example.com',
    iat: now,
    auth_time: now,
    exp: now + 3600,
    ...overrides,
  };
}

/** Claims of an access token issued now (seconds), with overrides. */
export function accessClaims(overrides: Record<string, unknown> = {}, now = Math.floor(Date.now() / 1000)) {
  return {
    sub: 'sub-alice',
    iss: issuer,
    client_id: clientId,
    token_use: 'access',
    username: 'alice',
    scope: 'aws.cognito.signin.user.admin orders/read',
    iat: now,
    exp: now + 3600,
    ...overrides,
  };
}
