/**
 * Unpadded base64url of bytes (RFC 4648 §5), as compact tokens use it.
 *
 * @example
 * ```ts
 * bytesToBase64Url(new Uint8Array([251, 255])); // '-_8'
 * ```
 */
export function bytesToBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Decodes canonical unpadded base64url to bytes; `undefined` for anything else — other alphabets,
 * padding, an impossible length, or a last character with unused bits set (so that one byte string has
 * exactly one spelling and a sealed value cannot be altered without failing).
 *
 * @example
 * ```ts
 * base64UrlToBytes('-_8'); // Uint8Array [251, 255]
 * base64UrlToBytes('-_9'); // undefined: not the canonical spelling
 * ```
 */
export function base64UrlToBytes(input: string): Uint8Array | undefined {
  if (!BASE64URL.test(input) || input.length % 4 === 1) return undefined;
  const b64 = input.replace(/-/g, '+').replace(/_/g, '/');
  let binary: string;
  try {
    binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytesToBase64Url(bytes) === input ? bytes : undefined;
}
