import { bytesToBase64 } from '../crypto/base64.js';

const toBase64Url = (bytes: Uint8Array): string =>
  bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/**
 * A random, URL-safe string of `bytes` random bytes from `crypto.getRandomValues` (base64url, no padding):
 * 32 bytes give 43 characters, a valid PKCE code verifier (RFC 7636 §4.1) and an unguessable state or nonce.
 *
 * @example
 * ```ts
 * const state = randomUrlSafe(); // e.g. 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'
 * ```
 */
export function randomUrlSafe(bytes = 32): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/**
 * The PKCE S256 code challenge of a code verifier: base64url(SHA-256(verifier)) (RFC 7636 §4.2), with
 * WebCrypto, so it runs in Node, browsers and workers.
 *
 * @example
 * ```ts
 * await codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r-wW1gFWFOEjXk');
 * // 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM' (RFC 7636 appendix B)
 * ```
 */
export async function codeChallengeS256(codeVerifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(codeVerifier));
  return toBase64Url(new Uint8Array(digest));
}

/** RFC 7636 §4.1: 43 to 128 characters from the unreserved set. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

/**
 * Whether `value` is a well-formed PKCE code verifier (43–128 unreserved characters).
 *
 * @example
 * ```ts
 * isCodeVerifier(randomUrlSafe()); // true
 * ```
 */
export function isCodeVerifier(value: unknown): value is string {
  return typeof value === 'string' && VERIFIER.test(value);
}
