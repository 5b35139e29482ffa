/** Builds an unsigned-looking JWT (fake signature) with the given payload, for decoding tests. */
export function fakeJwt(payload: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ alg: 'RS256', kid: 'test' })}.${encode(payload)}.c2lnbmF0dXJl`;
}

/** A Cognito-shaped ID token for `username` in `userPoolId`. */
export function fakeIdToken(
  username: string,
  options: { userPoolId?: string; sub?: string; exp?: number; extra?: Record<string, unknown> } = {},
): string {
  const userPoolId = options.userPoolId ?? 'us-east-1_AbC123';
  const region = userPoolId.split('_')[0];
  const now = Math.floor(Date.now() / 1000);
  return fakeJwt({
    sub: options.sub ?? `sub-${username}`,
    iss: `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`,
    aud: 'client1',
    token_use: 'id',
    'cognito:username': username,
    iat: now,
    exp: options.exp ?? now + 3600,
    auth_time: now,
    ...options.extra,
  });
}

/** A Cognito-shaped access token for `username`. */
export function fakeAccessToken(
  username: string,
  options: { userPoolId?: string; sub?: string } = {},
): string {
  const userPoolId = options.userPoolId ?? 'us-east-1_AbC123';
  const region = userPoolId.split('_')[0];
  const now = Math.floor(Date.now() / 1000);
  return fakeJwt({
    sub: options.sub ?? `sub-${username}`,
    iss: `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`,
    client_id: 'client1',
    token_use: 'access',
    username,
    scope: 'aws.cognito.signin.user.admin',
    iat: now,
    exp: now + 3600,
  });
}
