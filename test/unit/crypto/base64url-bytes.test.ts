import { describe, expect, it } from 'vitest';
import { base64UrlToBytes, bytesToBase64Url } from '../../../src/crypto/base64url-bytes.js';

describe('base64url bytes (the sealed-step encoding)', () => {
  it('round-trips every length from 0 to 40 bytes, unpadded', () => {
    for (let n = 0; n <= 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 251) % 256);
      const text = bytesToBase64Url(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(base64UrlToBytes(text)).toEqual(bytes);
    }
  });

  it('refuses a last character with unused bits set, so one byte string has one spelling', () => {
    expect(bytesToBase64Url(new Uint8Array([251, 255]))).toBe('-_8');
    expect(base64UrlToBytes('-_8')).toEqual(new Uint8Array([251, 255]));
    expect(base64UrlToBytes('-_9')).toBeUndefined();
    expect(base64UrlToBytes('AB')).toBeUndefined(); // 'AA' is the canonical spelling of [0]
  });

  it('refuses padding, the standard alphabet, whitespace and impossible lengths', () => {
    for (const text of ['AA==', '+/8', 'AA AA', 'A', 'AAAAA']) expect(base64UrlToBytes(text)).toBeUndefined();
  });
});
