import { toBufferSource } from './hash.js';
import { utf8 } from './hex.js';

/** Cognito's HKDF `info`: the UTF-8 of "Caldera Derived Key" (the counter byte 0x01 is HKDF's own). */
export const CALDERA_INFO = utf8('Caldera Derived Key');

/** Length of the derived key in bytes. */
export const SRP_KEY_LENGTH = 16;

/**
 * Cognito's key derivation: HKDF-SHA256 with `salt` = padHex bytes of u, `ikm` = padHex bytes of S,
 * `info` = "Caldera Derived Key", 16 bytes out — i.e. HMAC(HMAC(salt, ikm), info || 0x01)[0..16].
 * Uses WebCrypto's HKDF (RFC 5869), which is exactly that for one output block.
 *
 * @example
 * ```ts
 * const key = await cognitoHkdf(padHexBytes(S), padHexBytes(u)); // 16 bytes
 * ```
 */
export async function cognitoHkdf(ikm: Uint8Array, salt: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  const key = await crypto.subtle.importKey('raw', toBufferSource(ikm), 'HKDF', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: toBufferSource(salt), info: CALDERA_INFO },
    key,
    SRP_KEY_LENGTH * 8,
  );
  return new Uint8Array(bits);
}
