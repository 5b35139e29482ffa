/**
 * SHA-256 and HMAC-SHA256 for SRP, from WebCrypto (`crypto.subtle`: browsers, workers, Deno, Bun, Node).
 * These are SRP's default hashes: nothing is bundled for them, which is what lets `cognito-flow/browser`
 * sign in with SRP in under 15 kB gzip. On Node the `#modpow` module supplies node:crypto's instead
 * (`hash-node.ts`): WebCrypto's key imports and thread-pool round trips cost there about five times the
 * CPU of the hashing itself.
 */

/** SHA-256's block size: HMAC pads shorter keys with zeros to it. */
const SHA256_BLOCK_BYTES = 64;

/**
 * The bytes as an `ArrayBuffer`-backed view, copying only when the view sits on a `SharedArrayBuffer`
 * (which WebCrypto refuses).
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
  return new Uint8Array(await crypto.subtle.digest('SHA-256', toBufferSource(data)));
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
  // WebCrypto refuses an empty HMAC key; HMAC pads a short key with zeros, so a block of zeros is the same key.
  const raw = key.length === 0 ? new Uint8Array(SHA256_BLOCK_BYTES) : toBufferSource(key);
  const hmacKey = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  return new Uint8Array(await crypto.subtle.sign('HMAC', hmacKey, toBufferSource(data)));
}
