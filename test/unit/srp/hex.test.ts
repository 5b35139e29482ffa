import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  bigIntToHex,
  bytesToBigInt,
  bytesToHex,
  concatBytes,
  hexToBigInt,
  hexToBytes,
  padHex,
  padHexBytes,
  utf8,
} from '../../../src/srp/hex.js';
import { AuthenticationHelper, BigInteger } from '../../support/cognito-oracle.js';
import { randomInt, randomText, seededRandom } from '../../support/seeded-random.js';
import { toByteArray } from '../../support/srp-server.js';

describe('padHex', () => {
  it.each([
    [0n, '00'],
    [0x7n, '07'],
    [0x8n, '08'],
    [0x14n, '14'],
    [0x7fn, '7f'],
    [0x80n, '0080'],
    [0xecn, '00ec'],
    [0xabcn, '0abc'],
    [0x8abcn, '008abc'],
    [0x7abcn, '7abc'],
    [0xffffn, '00ffff'],
  ])('pads %s to %s (odd length → 0, high bit → 00)', (value, expected) => {
    expect(padHex(value)).toBe(expected);
  });

  it("matches amazon-cognito-identity-js's padHex and Java's toByteArray for 500 random values", () => {
    const helper = new AuthenticationHelper('pool');
    const random = seededRandom('padHex');
    for (let i = 0; i < 500; i++) {
      const bytes = random(1 + randomInt(random, 400));
      // Force some values with a zero top byte and some with the top bit set.
      if (i % 3 === 0) bytes[0] = 0;
      if (i % 3 === 1) bytes[0] = (bytes[0] ?? 0) | 0x80;
      const value = bytesToBigInt(bytes);
      const expected = helper.padHex(new BigInteger(value.toString(16), 16));
      expect(padHex(value)).toBe(expected);
      expect(padHex(value)).toBe(toByteArray(value).toString('hex'));
    }
  });

  it('throws a RangeError for a negative value', () => {
    expect(() => padHex(-1n)).toThrow(RangeError);
  });

  it('padHexBytes returns the bytes of padHex', () => {
    expect([...padHexBytes(0xecn)]).toEqual([0x00, 0xec]);
    expect([...padHexBytes(0xabcn)]).toEqual([0x0a, 0xbc]);
  });
});

describe('bigIntToHex', () => {
  it('is lower-case hex without padding', () => {
    expect(bigIntToHex(255n)).toBe('ff');
    expect(bigIntToHex(0xabcn)).toBe('abc');
    expect(bigIntToHex(0n)).toBe('0');
  });

  it('throws a RangeError for a negative value', () => {
    expect(() => bigIntToHex(-5n)).toThrow(RangeError);
  });
});

describe('hexToBigInt', () => {
  it.each([
    ['00ff', 255n],
    ['FF', 255n],
    ['aBc', 0xabcn],
    ['0', 0n],
  ])('parses %s', (hex, expected) => {
    expect(hexToBigInt(hex)).toBe(expected);
  });

  it.each(['', '0x10', ' 12', '12 ', 'g', '-1', '1_0', '+1', '１'])('rejects %j', (hex) => {
    expect(hexToBigInt(hex)).toBeUndefined();
  });
});

describe('hexToBytes / bytesToHex / bytesToBigInt', () => {
  it('round-trip random bytes and agree with Buffer', () => {
    for (let length = 0; length <= 64; length++) {
      const bytes = new Uint8Array(randomBytes(length));
      const hex = bytesToHex(bytes);
      expect(hex).toBe(Buffer.from(bytes).toString('hex'));
      expect(hexToBytes(hex)).toEqual(bytes);
      expect(hexToBytes(hex.toUpperCase())).toEqual(bytes);
      expect(bytesToBigInt(bytes)).toBe(length === 0 ? 0n : BigInt(`0x${hex}`));
    }
  });

  it('bytesToBigInt reads big-endian, leading zeros included', () => {
    expect(bytesToBigInt(new Uint8Array([1, 0]))).toBe(256n);
    expect(bytesToBigInt(new Uint8Array([0, 0, 1]))).toBe(1n);
    expect(bytesToBigInt(new Uint8Array())).toBe(0n);
  });

  it.each(['abc', 'zz', '0x00', 'a b '])('hexToBytes rejects %j', (hex) => {
    expect(hexToBytes(hex)).toBeUndefined();
  });
});

describe('base64ToBytes', () => {
  it('agrees with Buffer for every length 0..80, padded and unpadded', () => {
    for (let length = 0; length <= 80; length++) {
      const bytes = new Uint8Array(randomBytes(length));
      const padded = Buffer.from(bytes).toString('base64');
      expect(base64ToBytes(padded)).toEqual(bytes);
      expect(base64ToBytes(padded.replace(/=+$/, ''))).toEqual(bytes);
    }
  });

  it('accepts the URL-safe alphabet as Buffer does (AWS’s client decodes SECRET_BLOCK with Buffer)', () => {
    for (let length = 1; length <= 40; length++) {
      const bytes = new Uint8Array(randomBytes(length));
      const url = Buffer.from(bytes).toString('base64url');
      expect(base64ToBytes(url)).toEqual(bytes);
      expect(base64ToBytes(url)).toEqual(new Uint8Array(Buffer.from(url, 'base64')));
    }
  });

  it.each(['a', 'ab=', 'abc==', 'a===', 'ab c', 'ab\nc', 'ab.!', '====', 'abcd=', 'ab=c', 'é'])(
    'rejects %j',
    (input) => {
      expect(base64ToBytes(input)).toBeUndefined();
    },
  );
});

describe('utf8', () => {
  it('matches Buffer.from(text, "utf8") for random unicode, lone surrogates included', () => {
    const random = seededRandom('utf8');
    for (let i = 0; i < 200; i++) {
      const text = randomText(random, randomInt(random, 30));
      expect(Buffer.from(utf8(text))).toEqual(Buffer.from(text, 'utf8'));
    }
  });
});

describe('concatBytes', () => {
  it('concatenates in order, empty parts included', () => {
    const out = concatBytes(new Uint8Array([1]), new Uint8Array(), new Uint8Array([2, 3]));
    expect([...out]).toEqual([1, 2, 3]);
    expect(concatBytes().length).toBe(0);
  });
});
