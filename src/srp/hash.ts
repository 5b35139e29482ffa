/**
 * SHA-256 and HMAC-SHA256 for SRP, from @noble/hashes (audited, synchronous, no `node:` imports, the
 * same in Node, browsers and workers). WebCrypto's per-call overhead (key import, promise round trips)
 * cost more than the hashing itself across the six hashes of one sign-in.
 */
import { hmac } from '@noble/hashes/hmac';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2';

/**
 * The bytes as an `ArrayBuffer`-backed view, copying only when the view sits on a `SharedArrayBuffer`.
 *
 * @example
 * ```ts
 * await crypto.subtle.digest('SHA-256', toBufferSource(bytes));
 * ```
 */
export function toBufferSource(data: Uint8Array): Uint8Array<ArrayBuffer> {
  return data.buffer instanceof ArrayBuffer ? (data as Uint8Array<ArrayBuffer>) : new Uint8Array(data);
}

/**
 * SHA-256 of bytes.
 *
 * @example
 * ```ts
 * const digest = await sha256(new TextEncoder().encode('abc')); // 32 bytes, ba7816bf…
 * ```
 */
export async function sha256(data: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return toBufferSource(nobleSha256(data));
}

/**
 * HMAC-SHA256 of `data` under `key` (any length, including empty).
 *
 * @example
 * ```ts
 * const mac = await hmacSha256(key, message); // 32 bytes
 * ```
 */
export async function hmacSha256(key: Uint8Array, data: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return toBufferSource(hmac(nobleSha256, key, data));
}
