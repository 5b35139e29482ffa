/**
 * Standard base64 of bytes, in any runtime with `btoa` (Node ≥ 16, browsers, workers).
 *
 * @example
 * ```ts
 * bytesToBase64(new Uint8Array([104, 105])); // 'aGk='
 * ```
 */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** One fatal UTF-8 decoder for every call: `decode` without `stream` keeps no state between calls. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes base64url (or standard base64) to a UTF-8 string; `undefined` when the input is not base64.
 *
 * @example
 * ```ts
 * base64UrlToUtf8('eyJhIjoxfQ'); // '{"a":1}'
 * ```
 */
export function base64UrlToUtf8(input: string): string | undefined {
  if (!/^[A-Za-z0-9_\-+/]*={0,2}$/.test(input)) return undefined;
  const b64 = input.replace(/-/g, '+').replace(/_/g, '/');
  const padded = b64 + '='.repeat((4 - (b64.length % 4)) % 4);
  try {
    const binary = atob(padded);
    // A plain loop: `Uint8Array.from(binary, mapFn)` and a decoder per call made JWT decoding ~8× slower.
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}
