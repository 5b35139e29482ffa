import { createSign, generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';
import type { JsonWebKeySet } from '../verify/jwks-source.js';

/**
 * An RSA key pair standing in for a user pool's signing key: the private half signs minted tokens, the
 * public half is published as {@link SigningKey.jwks} (what `cognito-flow/verify` and aws-jwt-verify read).
 *
 * @example
 * ```ts
 * const key = createSigningKey();
 * const verifier = TokenVerifier.create({ userPoolId, clientId, jwks: key.jwks });
 * ```
 */
export interface SigningKey {
  /** The key id, written into every token's header and into the JWKS. */
  readonly kid: string;
  /** The private key (node:crypto `KeyObject`); never leaves the test process. */
  readonly privateKey: KeyObject;
  /** The public key as a JSON Web Key Set, shaped like a user pool's `/.well-known/jwks.json`. */
  readonly jwks: JsonWebKeySet;
}

/**
 * Generates a fresh 2048-bit RSA signing key (RS256), like the keys Cognito publishes for a user pool.
 * Use a second key to mint tokens that a verifier trusting the first must reject.
 *
 * @example
 * ```ts
 * const stranger = createSigningKey({ kid: 'not-the-pool' });
 * const forged = mintTokens({ key: stranger }); // fails verification against the default key's JWKS
 * ```
 */
export function createSigningKey(options: { readonly kid?: string } = {}): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = options.kid ?? Buffer.from(randomUUID()).toString('base64').slice(0, 43);
  const jwk = publicKey.export({ format: 'jwk' });
  return {
    kid,
    privateKey,
    jwks: { keys: [{ alg: 'RS256', e: jwk.e, kid, kty: 'RSA', n: jwk.n, use: 'sig' }] },
  };
}

let shared: SigningKey | undefined;

/**
 * The process-wide key that {@link mintTokens} and {@link mockCognito} sign with unless given another
 * (generated once, on first use).
 *
 * @example
 * ```ts
 * const verifier = TokenVerifier.create({ userPoolId, clientId, jwks: defaultSigningKey().jwks });
 * ```
 */
export function defaultSigningKey(): SigningKey {
  shared ??= createSigningKey();
  return shared;
}

/**
 * Signs `payload` as a compact RS256 JWS with `key` (header `{ kid, alg: 'RS256' }`, as Cognito writes it).
 *
 * @example
 * ```ts
 * const jwt = signJwt({ sub: 'abc', token_use: 'id' }, defaultSigningKey());
 * ```
 */
export function signJwt(payload: Readonly<Record<string, unknown>>, key: SigningKey): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${encode({ kid: key.kid, alg: 'RS256' })}.${encode(payload)}`;
  const signature = createSign('RSA-SHA256').update(input).sign(key.privateKey).toString('base64url');
  return `${input}.${signature}`;
}
