import { beforeEach, describe, expect, it, vi } from 'vitest';

// Wrap node:crypto's key import and RSA public operation in spies to see what goes to OpenSSL.
const openssl = vi.hoisted(() => ({
  failNext: false,
  keys: [] as Array<{ n: bigint; e: bigint }>,
  encryptions: 0,
  diffieHellman: 0,
}));
vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:crypto')>();
  const fromBase64url = (text: string) => BigInt(`0x${Buffer.from(text, 'base64url').toString('hex')}`);
  return {
    ...original,
    createPublicKey: (input: { key: { n: string; e: string } }) => {
      openssl.keys.push({ n: fromBase64url(input.key.n), e: fromBase64url(input.key.e) });
      return original.createPublicKey(input as Parameters<typeof original.createPublicKey>[0]);
    },
    publicEncrypt: (...args: Parameters<typeof original.publicEncrypt>) => {
      openssl.encryptions++;
      if (openssl.failNext) {
        openssl.failNext = false;
        throw new Error('simulated OpenSSL failure');
      }
      return original.publicEncrypt(...args);
    },
    createDiffieHellman: (...args: Parameters<typeof original.createDiffieHellman>) => {
      openssl.diffieHellman++;
      return original.createDiffieHellman(...args);
    },
  };
});

const { modPow } = await import('../../../src/srp/modpow-node.js');
const { modPow: bigintModPow } = await import('../../../src/srp/modpow-bigint.js');
const { SRP_N } = await import('../../../src/srp/group.js');
const { randomInt, seededRandom } = await import('../../support/seeded-random.js');

const EXPONENT = (1n << 1023n) + 12345n;
const BASE = (1n << 3000n) + 987654321n;

/** Euler's criterion: SRP's N is a safe prime, so half the bases lie outside the order-q subgroup. */
const inSubgroup = (base: bigint) => bigintModPow(base, (SRP_N - 1n) / 2n, SRP_N) === 1n;

describe('modpow-node: what goes to OpenSSL', () => {
  beforeEach(() => {
    openssl.keys.length = 0;
    openssl.encryptions = 0;
    openssl.diffieHellman = 0;
    openssl.failNext = false;
  });

  it('is one RSA public operation: n = the modulus, e = the exponent; no Diffie-Hellman object (slow on Node 24)', () => {
    expect(modPow(BASE, EXPONENT, SRP_N)).toBe(bigintModPow(BASE, EXPONENT, SRP_N));
    expect(openssl.keys).toEqual([{ n: SRP_N, e: EXPONENT }]);
    expect(openssl.encryptions).toBe(1);
    expect(openssl.diffieHellman).toBe(0);
  });

  it('computes g^a for SRP through OpenSSL too', () => {
    expect(modPow(2n, EXPONENT, SRP_N)).toBe(bigintModPow(2n, EXPONENT, SRP_N));
    expect(openssl.encryptions).toBe(1);
  });

  it('gives OpenSSL only odd exponents: an even one is base^(e−1)·base', () => {
    const even = EXPONENT + 1n;
    expect(modPow(BASE, even, SRP_N)).toBe(bigintModPow(BASE, even, SRP_N));
    expect(openssl.keys.map((k) => k.e)).toEqual([EXPONENT]);
    expect(modPow(BASE, 2n, SRP_N)).toBe((BASE * BASE) % SRP_N);
  });

  it('is right for bases outside the prime-order subgroup (Node 22 refused them as Diffie-Hellman keys)', () => {
    const outside = [3n, 5n, BASE, SRP_N - 2n].filter((base) => !inSubgroup(base));
    expect(outside.length).toBeGreaterThan(0);
    for (const base of outside)
      expect(modPow(base, EXPONENT, SRP_N)).toBe(bigintModPow(base, EXPONENT, SRP_N));
    expect(openssl.encryptions).toBe(outside.length);
  });

  it('is right for exponents longer than 1024 bits (a + u·x), up to one bit under the modulus', () => {
    for (const exponent of [(1n << 1100n) + 3n, (1n << 2047n) - 1n, SRP_N - 2n]) {
      expect(modPow(BASE, exponent, SRP_N)).toBe(bigintModPow(BASE, exponent, SRP_N));
    }
    expect(openssl.encryptions).toBe(3);
  });

  it('agrees with BigInt on 24 seeded random bases and exponents of every length, odd and even', () => {
    const random = seededRandom('modpow-node-rsa');
    for (let i = 0; i < 24; i++) {
      const base = BigInt(`0x${Buffer.from(random(384)).toString('hex')}`);
      const bits = randomInt(random, 3070) + 2;
      const exponent =
        BigInt(`0x${Buffer.from(random(Math.ceil(bits / 8))).toString('hex')}`) >>
        BigInt((8 - (bits % 8)) % 8);
      expect(modPow(base, exponent, SRP_N), `case ${i}`).toBe(bigintModPow(base, exponent, SRP_N));
    }
  });

  it.each([
    ['exponent 0', BASE, 0n, SRP_N],
    ['exponent 1', BASE, 1n, SRP_N],
    ['base 0', 0n, EXPONENT, SRP_N],
    ['base ≡ 0 (base = modulus)', SRP_N, EXPONENT, SRP_N],
    ['base 1', 1n, EXPONENT, SRP_N],
    ['base ≡ −1', SRP_N - 1n, EXPONENT, SRP_N],
    ['an exponent ≥ the modulus (OpenSSL: "bad e value")', BASE, SRP_N + 2n, SRP_N],
    ['an even modulus', BASE, EXPONENT, SRP_N + 1n],
    ['a modulus under 512 bits', 3n, EXPONENT, (1n << 500n) + 1n],
    ['a modulus over 3072 bits (OpenSSL caps e at 64 bits there)', 3n, EXPONENT, (1n << 3100n) + 1n],
    ['modulus 1', BASE, EXPONENT, 1n],
  ])('answers %s without OpenSSL, correctly', (_case, base, exponent, modulus) => {
    expect(modPow(base, exponent, modulus)).toBe(bigintModPow(base, exponent, modulus));
    expect(openssl.encryptions).toBe(0);
  });

  it('reduces a base ≥ modulus before handing it to OpenSSL', () => {
    expect(modPow(BASE + 5n * SRP_N, EXPONENT, SRP_N)).toBe(bigintModPow(BASE, EXPONENT, SRP_N));
    expect(openssl.encryptions).toBe(1);
  });

  it('falls back to BigInt when OpenSSL fails', () => {
    openssl.failNext = true;
    expect(modPow(BASE, EXPONENT, SRP_N)).toBe(bigintModPow(BASE, EXPONENT, SRP_N));
    expect(openssl.encryptions).toBe(1);
  });

  it('keeps leading zero bytes of the result (results far below the modulus)', () => {
    // 3^5 and (2^1000)^3 mod N have hundreds of leading zero bytes in OpenSSL's padded output.
    expect(modPow(3n, 5n, SRP_N)).toBe(243n);
    expect(modPow(1n << 1000n, 3n, SRP_N)).toBe(1n << 3000n);
    expect(openssl.encryptions).toBe(2);
  });
});
