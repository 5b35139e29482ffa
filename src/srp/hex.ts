/**
 * Encodings the SRP maths needs: non-negative bigint ↔ hex ↔ bytes, Cognito's `padHex`, strict
 * parsing of the hex and base64 values a challenge carries, UTF-8 and byte concatenation.
 * Runtime-neutral: no `node:` imports, no `Buffer`.
 */

const HEX_PATTERN = /^[0-9a-fA-F]+$/;
const BASE64_PATTERN = /^[A-Za-z0-9+/_-]*={0,2}$/;
const encoder = new TextEncoder();
const BYTE_HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * Lower-case hex of a non-negative bigint, without leading zeros (`0n` → `'0'`). This is how
 * Cognito expects `SRP_A`.
 *
 * @example
 * ```ts
 * bigIntToHex(255n); // 'ff'
 * ```
 */
export function bigIntToHex(value: bigint): string {
  if (value < 0n) throw new RangeError('bigIntToHex expects a non-negative value');
  return value.toString(16);
}

/**
 * Parses a hex string (either case, no `0x`, no whitespace, leading zeros allowed) to a bigint;
 * `undefined` when it is empty or not hex.
 *
 * @example
 * ```ts
 * hexToBigInt('00ff'); // 255n
 * hexToBigInt('xyz'); // undefined
 * ```
 */
export function hexToBigInt(hex: string): bigint | undefined {
  if (typeof hex !== 'string' || !HEX_PATTERN.test(hex)) return undefined;
  return BigInt(`0x${hex}`);
}

/**
 * Cognito's `padHex`: the hex of the shortest two's-complement encoding of a non-negative integer
 * (like Java's `BigInteger.toByteArray()`): odd length gets a leading `'0'`, and a first nibble ≥ 8
 * gets a leading `'00'` so the value cannot read as negative.
 *
 * @example
 * ```ts
 * padHex(0x14n); // '14'
 * padHex(0xecn); // '00ec'
 * padHex(0xabcn); // '0abc'
 * padHex(0n); // '00'
 * ```
 */
export function padHex(value: bigint): string {
  let hex = bigIntToHex(value);
  if (hex.length % 2 === 1) hex = `0${hex}`;
  const first = hex.charCodeAt(0);
  // '8'..'9' or 'a'..'f': the most significant bit is set.
  if ((first >= 0x38 && first <= 0x39) || first >= 0x61) hex = `00${hex}`;
  return hex;
}

/**
 * Bytes of {@link padHex}: what Cognito hashes for A, B, u, S, the salt and the verifier.
 *
 * @example
 * ```ts
 * padHexBytes(0xecn); // Uint8Array [0x00, 0xec]
 * ```
 */
export function padHexBytes(value: bigint): Uint8Array<ArrayBuffer> {
  return evenHexToBytes(padHex(value));
}

/**
 * Bytes of a hex string; `undefined` when it is not hex or has an odd length.
 *
 * @example
 * ```ts
 * hexToBytes('00ff'); // Uint8Array [0, 255]
 * hexToBytes('abc'); // undefined
 * ```
 */
export function hexToBytes(hex: string): Uint8Array<ArrayBuffer> | undefined {
  if (typeof hex !== 'string' || hex.length % 2 === 1 || (hex.length > 0 && !HEX_PATTERN.test(hex))) {
    return undefined;
  }
  return evenHexToBytes(hex);
}

/** Value of one hex digit's char code (input already validated). */
function nibble(code: number): number {
  // '0'..'9' → 0..9, 'A'..'F' → 10..15, 'a'..'f' → 10..15
  return code <= 0x39 ? code - 0x30 : (code | 0x20) - 0x57;
}

function evenHexToBytes(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = (nibble(hex.charCodeAt(2 * i)) << 4) | nibble(hex.charCodeAt(2 * i + 1));
  }
  return bytes;
}

/**
 * Lower-case hex of bytes, two characters per byte.
 *
 * @example
 * ```ts
 * bytesToHex(new Uint8Array([0, 255])); // '00ff'
 * ```
 */
export function bytesToHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += BYTE_HEX[byte];
  return hex;
}

/**
 * The unsigned big-endian integer of bytes (empty → `0n`).
 *
 * @example
 * ```ts
 * bytesToBigInt(new Uint8Array([1, 0])); // 256n
 * ```
 */
export function bytesToBigInt(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${bytesToHex(bytes)}`);
}

/**
 * Decodes base64 strictly (padding optional, no whitespace); `undefined` when the input is not base64.
 * Both alphabets are accepted (`+`/`/` and the URL-safe `-`/`_`), as Node's `Buffer` — and so AWS's
 * own client — accept them. `SECRET_BLOCK` is parsed with it.
 *
 * @example
 * ```ts
 * base64ToBytes('aGk='); // Uint8Array [104, 105]
 * base64ToBytes('a'); // undefined
 * ```
 */
export function base64ToBytes(input: string): Uint8Array<ArrayBuffer> | undefined {
  if (typeof input !== 'string' || !BASE64_PATTERN.test(input)) return undefined;
  const unpadded = input.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  if (unpadded.length % 4 === 1) return undefined;
  if (input.length !== unpadded.length && input.length % 4 !== 0) return undefined;
  try {
    const binary = atob(unpadded + '='.repeat((4 - (unpadded.length % 4)) % 4));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return undefined;
  }
}

/**
 * UTF-8 bytes of a string (lone surrogates become U+FFFD, as with `Buffer.from(s, 'utf8')`).
 *
 * @example
 * ```ts
 * utf8('é'); // Uint8Array [0xc3, 0xa9]
 * ```
 */
export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(text);
}

/**
 * Concatenates byte arrays into a new one.
 *
 * @example
 * ```ts
 * concatBytes(new Uint8Array([1]), new Uint8Array([2, 3])); // Uint8Array [1, 2, 3]
 * ```
 */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
