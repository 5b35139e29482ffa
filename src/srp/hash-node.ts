/**
 * SRP's hashes from node:crypto, for Node: synchronous OpenSSL calls, about a fifth of WebCrypto's CPU per
 * sign-in there (WebCrypto's key imports and thread-pool round trips cost more than the hashing). Reached
 * only through the `#modpow` module on Node, so no browser bundle sees `node:crypto`.
 */
import { createHash, createHmac, hkdfSync } from 'node:crypto';
import { CALDERA_INFO, SRP_KEY_LENGTH } from './hkdf.js';
import type { SrpHashes } from './srp-client.js';

/**
 * SHA-256, HMAC-SHA256 and Cognito's HKDF on node:crypto; the same bytes as the WebCrypto defaults.
 *
 * @example
 * ```ts
 * const claim = await computePasswordClaim({ modPow, hashes: nodeSrpHashes }, input);
 * ```
 */
export const nodeSrpHashes: SrpHashes = {
  sha256: async (data) => new Uint8Array(createHash('sha256').update(data).digest()),
  hmacSha256: async (key, data) => new Uint8Array(createHmac('sha256', key).update(data).digest()),
  hkdf: async (ikm, salt) => new Uint8Array(hkdfSync('sha256', ikm, salt, CALDERA_INFO, SRP_KEY_LENGTH)),
};
