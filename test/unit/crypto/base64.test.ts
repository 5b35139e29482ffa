import { randomBytes, randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base64UrlToUtf8, bytesToBase64 } from '../../../src/crypto/base64.js';

describe('bytesToBase64', () => {
  it('encodes the documented example', () => {
    expect(bytesToBase64(new Uint8Array([104, 105]))).toBe('aGk=');
  });

  it('encodes an empty array as the empty string', () => {
    expect(bytesToBase64(new Uint8Array())).toBe('');
  });

  it('matches Buffer base64 for every length 0..70 and all byte values', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(bytesToBase64(all)).toBe(Buffer.from(all).toString('base64'));
    for (let length = 0; length <= 70; length++) {
      const bytes = new Uint8Array(randomBytes(length));
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  it('handles inputs larger than its 32 KiB chunk size', () => {
    for (const length of [0x8000 - 1, 0x8000, 0x8000 + 1, 100_000]) {
      const bytes = new Uint8Array(randomBytes(length));
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  it('encodes only the bytes of a subarray view', () => {
    const backing = new Uint8Array([1, 2, 3, 4, 5, 6]);
    expect(bytesToBase64(backing.subarray(2, 4))).toBe(Buffer.from([3, 4]).toString('base64'));
  });
});

describe('base64UrlToUtf8', () => {
  it('decodes the documented example', () => {
    expect(base64UrlToUtf8('eyJhIjoxfQ')).toBe('{"a":1}');
  });

  it('decodes base64url without padding and standard base64 with padding', () => {
    expect(base64UrlToUtf8('YQ')).toBe('a');
    expect(base64UrlToUtf8('YQ==')).toBe('a');
    expect(base64UrlToUtf8('YWI')).toBe('ab');
    expect(base64UrlToUtf8('YWI=')).toBe('ab');
    expect(base64UrlToUtf8('YWJj')).toBe('abc');
  });

  it('decodes the url-safe and the standard alphabets to the same text', () => {
    const text = '??>>~~ÿ';
    const url = Buffer.from(text).toString('base64url');
    const std = Buffer.from(text).toString('base64');
    expect(url).not.toBe(std.replace(/=+$/, ''));
    expect(base64UrlToUtf8(url)).toBe(text);
    expect(base64UrlToUtf8(std)).toBe(text);
  });

  it('round-trips random unicode text encoded by Buffer', () => {
    const pieces = ['a', 'Z', '0', 'é', '中', '🔑', '"', '\\', '\n', '\u0000', '~', '?'];
    for (let i = 0; i < 200; i++) {
      let text = '';
      const length = randomInt(40);
      for (let j = 0; j < length; j++) text += pieces[randomInt(pieces.length)] ?? '';
      expect(base64UrlToUtf8(Buffer.from(text).toString('base64url'))).toBe(text);
    }
  });

  it('decodes the empty string to the empty string', () => {
    expect(base64UrlToUtf8('')).toBe('');
  });

  it.each([
    ['characters outside both alphabets', 'ab*cd'],
    ['a space', 'YW Jj'],
    ['a leading space', ' YWJj'],
    ['a newline', 'YWJj\n'],
    ['a dot (JWT separator)', 'YW.Jj'],
    ['padding in the middle', 'YQ==YQ=='],
    ['three padding characters', 'YQ==='],
    ['only padding', '=='],
    ['an impossible length (4n+1)', 'YWJjZ'],
    ['a single character', 'Y'],
    ['non-ASCII letters', 'YWJjé'],
    ['bytes that are not UTF-8 (0xff)', Buffer.from([0xff]).toString('base64url')],
    ['a truncated UTF-8 sequence', Buffer.from([0xe4, 0xb8]).toString('base64url')],
    ['an overlong UTF-8 encoding', Buffer.from([0xc0, 0xaf]).toString('base64url')],
  ])('returns undefined for %s', (_label, input) => {
    expect(base64UrlToUtf8(input)).toBeUndefined();
  });

  it('does not throw on very long invalid input', () => {
    expect(base64UrlToUtf8(`${'A'.repeat(100_001)}`)).toBeUndefined();
  });
});
