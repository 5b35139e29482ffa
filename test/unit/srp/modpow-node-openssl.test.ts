import { beforeEach, describe, expect, it, vi } from 'vitest';

// Wrap node:crypto's createDiffieHellman in a spy to see which inputs go to OpenSSL.
const dh = vi.hoisted(() => ({ failNext: false, calls: [] as Array<{ prime: Buffer; generator: Buffer }> }));
vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:crypto')>();
  return {
    ...original,
    createDiffieHellman: (prime: Buffer, generator: Buffer) => {
      dh.calls.push({ prime, generator });
      if (dh.failNext) {
        dh.failNext = false;
        throw new Error('simulated OpenSSL failure');
      }
      return original.createDiffieHellman(prime, generator);
    },
  };
});

const { modPow } = await import('../../../src/srp/modpow-node.js');
const { modPow: bigintModPow } = await import('../../../src/srp/modpow-bigint.js');
const { SRP_N } = await import('../../../src/srp/group.js');

const EXPONENT = (1n << 1023n) + 12345n;
const BASE = (1n << 3000n) + 987654321n;

describe('modpow-node: what goes to OpenSSL', () => {
  beforeEach(() => {
    dh.calls.length = 0;
    dh.failNext = false;
  });

  it('uses one Diffie-Hellman object over the modulus with generator 2 (never the base as generator)', () => {
    expect(modPow(BASE, EXPONENT, SRP_N)).toBe(bigintModPow(BASE, EXPONENT, SRP_N));
    expect(dh.calls).toHaveLength(1);
    expect(dh.calls[0]?.prime.toString('hex')).toBe(SRP_N.toString(16));
    expect([...(dh.calls[0]?.generator ?? [])]).toEqual([2]);
  });

  it('computes g^a for SRP through OpenSSL too', () => {
    expect(modPow(2n, EXPONENT, SRP_N)).toBe(bigintModPow(2n, EXPONENT, SRP_N));
    expect(dh.calls).toHaveLength(1);
  });

  it.each([
    ['exponent 0', BASE, 0n, SRP_N],
    ['base 0', 0n, EXPONENT, SRP_N],
    ['base ≡ 0 (base = modulus)', SRP_N, EXPONENT, SRP_N],
    ['base 1', 1n, EXPONENT, SRP_N],
    ['base ≡ −1', SRP_N - 1n, EXPONENT, SRP_N],
    ['an even modulus', BASE, EXPONENT, SRP_N + 1n],
    ['a modulus under 512 bits', 3n, EXPONENT, (1n << 500n) + 1n],
    ['modulus 1', BASE, EXPONENT, 1n],
  ])('answers %s without OpenSSL, correctly', (_case, base, exponent, modulus) => {
    expect(modPow(base, exponent, modulus)).toBe(bigintModPow(base, exponent, modulus));
    expect(dh.calls).toHaveLength(0);
  });

  it('reduces a base ≥ modulus before handing it to OpenSSL', () => {
    expect(modPow(BASE + 5n * SRP_N, EXPONENT, SRP_N)).toBe(bigintModPow(BASE, EXPONENT, SRP_N));
    expect(dh.calls).toHaveLength(1);
  });

  it('falls back to BigInt when OpenSSL fails', () => {
    dh.failNext = true;
    expect(modPow(BASE, EXPONENT, SRP_N)).toBe(bigintModPow(BASE, EXPONENT, SRP_N));
    expect(dh.calls).toHaveLength(1);
  });

  it('keeps leading zero bytes of the result (results far below the modulus)', () => {
    // 3^e mod N for tiny e has hundreds of leading zero bytes in OpenSSL's padded output.
    expect(modPow(3n, 5n, SRP_N)).toBe(243n);
    expect(modPow(1n << 2000n, 1n, SRP_N)).toBe(1n << 2000n);
    expect(dh.calls).toHaveLength(2);
  });
});
