import { createDiffieHellman } from 'node:crypto';
import type { ModPow } from './modpow.js';
import { modPow as bigintModPow } from './modpow-bigint.js';

/** OpenSSL refuses Diffie-Hellman moduli outside this range (DH_MIN/OPENSSL_DH_MAX_MODULUS_BITS). */
const MIN_DH_BITS = 512;
const MAX_DH_BITS = 10_000;
const TWO = Buffer.from([2]);

function toBuffer(value: bigint): Buffer {
  const hex = value.toString(16);
  return Buffer.from(hex.length % 2 === 1 ? `0${hex}` : hex, 'hex');
}

function bitLength(value: bigint): number {
  return value.toString(2).length;
}

/**
 * `base^exponent mod modulus` computed by OpenSSL through `node:crypto`, several times faster than
 * `BigInt`. A Diffie-Hellman object over `modulus` holds the exponent as its private key, and
 * `computeSecret(base)` returns `base^exponent mod modulus` (left-padded to the modulus length;
 * leading zeros are harmless since the bytes are read back as an integer).
 *
 * The object is created with generator 2, never with `base`: for SRP's N and g = 2 OpenSSL recognises
 * the RFC 3526 named group and skips its parameter check (about 20 µs), whereas any other generator
 * makes it run a full safe-prime check (about 2 s for 3072 bits). For moduli that are not named
 * groups that check runs on every call (cheap for composites, slow for large primes): this
 * implementation is meant for SRP's group.
 *
 * Cases OpenSSL cannot take fall back to `modpow-bigint.ts`: base ≡ 0, 1 or −1 (answered
 * directly), exponent 0, even moduli, moduli under 512 or over 10 000 bits, and any OpenSSL error.
 *
 * @throws RangeError when `modulus <= 0n` or `exponent < 0n` (see {@link ModPow}).
 * @example
 * ```ts
 * modPow(SRP_G, a, SRP_N); // A
 * ```
 */
export const modPow: ModPow = (base, exponent, modulus) => {
  if (modulus <= 0n) throw new RangeError('modPow needs a positive modulus');
  if (exponent < 0n) throw new RangeError('modPow needs a non-negative exponent');
  if (modulus === 1n) return 0n;
  let b = base % modulus;
  if (b < 0n) b += modulus;
  if (exponent === 0n) return 1n;
  if (b <= 1n) return b;
  // OpenSSL rejects the public value p − 1; (−1)^e is ±1.
  if (b === modulus - 1n) return (exponent & 1n) === 0n ? 1n : b;
  const bits = bitLength(modulus);
  if ((modulus & 1n) === 0n || bits < MIN_DH_BITS || bits > MAX_DH_BITS) {
    return bigintModPow(b, exponent, modulus);
  }
  try {
    const dh = createDiffieHellman(toBuffer(modulus), TWO);
    dh.setPrivateKey(toBuffer(exponent));
    const secret = dh.computeSecret(toBuffer(b));
    return BigInt(`0x${secret.toString('hex')}`);
  } catch {
    return bigintModPow(b, exponent, modulus);
  }
};

/**
 * The hashes this runtime's `#modpow` module offers SRP: node:crypto's (see `hash-node.ts`).
 *
 * @example
 * ```ts
 * import { modPow, srpHashes } from '#modpow';
 * const deps: SrpDeps = { modPow, ...(srpHashes ? { hashes: srpHashes } : {}) };
 * ```
 */
export { nodeSrpHashes as srpHashes } from './hash-node.js';
