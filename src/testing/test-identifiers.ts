import { createHash, randomBytes, randomUUID } from 'node:crypto';

/**
 * The user pool id tokens are minted for when none is given.
 *
 * @example
 * ```ts
 * TokenVerifier.create({ userPoolId: TEST_USER_POOL_ID, clientId: TEST_CLIENT_ID, jwks: minted.jwks });
 * ```
 */
export const TEST_USER_POOL_ID = 'us-east-1_TestPool1';

/**
 * The app client id tokens are minted for when none is given.
 *
 * @example
 * ```ts
 * mintTokens().claims.id.aud === TEST_CLIENT_ID; // true
 * ```
 */
export const TEST_CLIENT_ID = 'testclient1234567890abcdef';

/** A stable UUID for `seed` (the same user always gets the same `sub`), shaped like Cognito's. */
export function stableUuid(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** A fresh random UUID (jti, origin_jti, event ids). */
export function freshUuid(): string {
  return randomUUID();
}

/** An opaque, session-like string of `bytes` random bytes (Cognito's sessions are long base64 blobs). */
export function opaqueString(bytes: number): string {
  return `AYABe${randomBytes(bytes).toString('base64')}`;
}

/** The region part of a user pool or identity pool id (`eu-west-1_AbC` / `eu-west-1:uuid`), or us-east-1. */
export function regionOf(poolId: string): string {
  const match = /^([a-z]{2}(?:-[a-z]+)+-\d+)[_:]/.exec(poolId);
  return match?.[1] ?? 'us-east-1';
}
