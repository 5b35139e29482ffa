import type { ResolvedStepKey } from './step-keys.js';

/** Each key's imported WebCrypto key, imported once (non-extractable). */
const imported = new WeakMap<ResolvedStepKey, Promise<CryptoKey>>();

/**
 * The AES-256-GCM `CryptoKey` of a step key, through WebCrypto (`crypto.subtle`, present in Node ≥ 20,
 * browsers, Deno, Bun and workerd). Imported on first use and kept.
 *
 * @example
 * ```ts
 * const key = await aesKey(stepKey);
 * ```
 */
export function aesKey(key: ResolvedStepKey): Promise<CryptoKey> {
  let promise = imported.get(key);
  if (!promise) {
    // `raw` is copied into an ArrayBuffer-backed view: WebCrypto's types want exactly that.
    promise = crypto.subtle.importKey('raw', new Uint8Array(key.raw), { name: 'AES-GCM' }, false, [
      'encrypt',
      'decrypt',
    ]);
    imported.set(key, promise);
    // A failed import is not cached, so a transient failure does not stick.
    promise.catch(() => imported.delete(key));
  }
  return promise;
}
