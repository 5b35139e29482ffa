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
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
