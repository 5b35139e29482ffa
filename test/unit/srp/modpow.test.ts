import { describe, expect, it } from 'vitest';
import { SRP_N } from '../../../src/srp/group.js';
import type { ModPow } from '../../../src/srp/modpow.js';
import { modPow as bigintModPow } from '../../../src/srp/modpow-bigint.js';
import { modPow as nodeModPow } from '../../../src/srp/modpow-node.js';
import { type ByteStream, randomInt, seededRandom } from '../../support/seeded-random.js';

/** Reference: right-to-left square-and-multiply, the textbook definition. */
function naiveModPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  if (modulus === 1n) return 0n;
  let result = 1n;
  let b = ((base % modulus) + modulus) % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

function randomBits(random: ByteStream, bits: number): bigint {
  if (bits === 0) return 0n;
  const bytes = random(Math.ceil(bits / 8));
  const value = BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
  return value & ((1n << BigInt(bits)) - 1n);
}

/** A modulus of exactly `bits` bits, odd or even as asked. */
function randomModulus(random: ByteStream, bits: number, odd: boolean): bigint {
  let m = randomBits(random, bits) | (1n << BigInt(bits - 1));
  m = odd ? m | 1n : m & ~1n;
  return m === 0n ? 1n : m;
}

const implementations: ReadonlyArray<readonly [string, ModPow]> = [
  ['modpow-bigint', bigintModPow],
  ['modpow-node', nodeModPow],
];

describe.each(implementations)('%s', (_name, modPow) => {
  it('computes small textbook examples', () => {
    expect(modPow(4n, 13n, 497n)).toBe(445n);
    expect(modPow(2n, 10n, 1000n)).toBe(24n);
    expect(modPow(3n, 200n, 1n)).toBe(0n);
    expect(modPow(7n, 1n, 13n)).toBe(7n);
  });

  it('handles exponent 0, base 0, base 1, base ≡ −1, base ≥ modulus and negative bases', () => {
    const m = SRP_N;
    expect(modPow(12345n, 0n, m)).toBe(1n);
    expect(modPow(0n, 0n, m)).toBe(1n);
    expect(modPow(5n, 0n, 1n)).toBe(0n);
    expect(modPow(0n, 12345n, m)).toBe(0n);
    expect(modPow(1n, 12345n, m)).toBe(1n);
    expect(modPow(m - 1n, 12345n, m)).toBe(m - 1n);
    expect(modPow(m - 1n, 12346n, m)).toBe(1n);
    expect(modPow(m, 12345n, m)).toBe(0n);
    expect(modPow(2n * m, 7n, m)).toBe(0n);
    expect(modPow(m + 1n, 12345n, m)).toBe(1n);
    expect(modPow(m + 2n, 100n, m)).toBe(naiveModPow(2n, 100n, m));
    expect(modPow(3n * m + 5n, 777n, m)).toBe(naiveModPow(5n, 777n, m));
    expect(modPow(-2n, 3n, m)).toBe(m - 8n);
    expect(modPow(-m - 3n, 5n, m)).toBe(naiveModPow(-3n, 5n, m));
  });

  it('agrees with the naive reference on 400 random inputs (moduli of 1..4096 bits, odd and even)', () => {
    const random = seededRandom(`modpow-random-${_name}`);
    const sizes = [1, 2, 3, 8, 17, 31, 64, 100, 255, 256, 511, 512, 513, 1024, 1536, 2048, 3072, 4096];
    for (let i = 0; i < 400; i++) {
      const bits = sizes[i % sizes.length] ?? 64;
      const modulus = randomModulus(random, bits, i % 4 !== 3);
      const exponentBits = [0, 1, 2, 5, 24, 80, 256, 700, 1024, 3100][randomInt(random, 10)] ?? 8;
      const exponent = randomBits(random, exponentBits);
      const base = randomBits(random, bits + randomInt(random, 16)) - (i % 5 === 0 ? modulus * 3n : 0n);
      expect(modPow(base, exponent, modulus), `case ${i}`).toBe(naiveModPow(base, exponent, modulus));
    }
  });

  it('agrees with the naive reference on SRP-sized work: 3072-bit N, base 2 and random bases', () => {
    const random = seededRandom(`modpow-srp-${_name}`);
    for (let i = 0; i < 12; i++) {
      const exponent = randomBits(random, [1024, 256, 1040, 3072][i % 4] ?? 1024);
      const base = i % 3 === 0 ? 2n : randomBits(random, 3072) % SRP_N;
      expect(modPow(base, exponent, SRP_N), `case ${i}`).toBe(naiveModPow(base, exponent, SRP_N));
    }
  });

  it('returns a result in [0, modulus) for exponents with long runs of zero and one bits', () => {
    const exponents = [(1n << 1024n) - 1n, 1n << 1024n, (1n << 1024n) + 1n, 0b1000001n, (1n << 64n) | 1n];
    for (const exponent of exponents) {
      for (const base of [2n, 3n, SRP_N - 2n]) {
        const result = modPow(base, exponent, SRP_N);
        expect(result).toBe(naiveModPow(base, exponent, SRP_N));
        expect(result >= 0n && result < SRP_N).toBe(true);
      }
    }
  });

  it('throws a RangeError for a non-positive modulus or a negative exponent', () => {
    expect(() => modPow(2n, 3n, 0n)).toThrow(RangeError);
    expect(() => modPow(2n, 3n, -7n)).toThrow(RangeError);
    expect(() => modPow(2n, -1n, 7n)).toThrow(RangeError);
  });
});

describe('modpow-node and modpow-bigint', () => {
  it('agree with each other on 100 random SRP-group inputs', () => {
    const random = seededRandom('modpow-agree');
    for (let i = 0; i < 100; i++) {
      const base = i % 2 === 0 ? 2n : randomBits(random, 3072 + (i % 7));
      const exponent = randomBits(random, 1 + randomInt(random, 1100));
      expect(nodeModPow(base, exponent, SRP_N), `case ${i}`).toBe(bigintModPow(base, exponent, SRP_N));
    }
  });
});
