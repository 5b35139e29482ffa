import { constants, createPublicKey, publicEncrypt } from 'node:crypto';
import type { ModPow } from './modpow.js';
import { modPow as bigintModPow } from './modpow-bigint.js';

/**
 * Moduli OpenSSL's raw RSA public operation takes with an exponent of any size: at least 512 bits
 * (smaller keys are refused on some builds), at most 3072 (OPENSSL_RSA_SMALL_MODULUS_BITS: above it
 * OpenSSL limits the public exponent to 64 bits). SRP's group is exactly 3072 bits.
 */
const MIN_RSA_BITS = 512;
const MAX_RSA_BITS = 3072;

function toBuffer(value: bigint, length?: number): Buffer {
  const hex = value.toString(16);
  const width = length === undefined ? hex.length + (hex.length % 2) : length * 2;
  return Buffer.from(hex.padStart(width, '0'), 'hex');
}

function bitLength(value: bigint): number {
  return value.toString(2).length;
}

/** The last modulus seen, encoded once: SRP uses a single modulus for the life of the process. */
let lastModulus = { value: 0n, jwkN: '', bytes: 0 };

function encodedModulus(modulus: bigint): { readonly jwkN: string; readonly bytes: number } {
  if (lastModulus.value !== modulus) {
    const buffer = toBuffer(modulus);
    lastModulus = { value: modulus, jwkN: buffer.toString('base64url'), bytes: buffer.length };
  }
  return lastModulus;
}

/**
 * `base^exponent mod modulus` for an odd exponent `1 < exponent < modulus` and `0 < base < modulus`,
 * as OpenSSL's RSA public operation without padding: a public key (n = modulus, e = exponent)
 * "encrypts" the base. No primality or subgroup check runs on either side, which is why this path is
 * equally fast on every Node line (the Diffie-Hellman object used before re-checked the prime for
 * 1.4 s on Node 24 and refused half the bases on Node 22).
 */
function rsaPublicModPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  const { jwkN, bytes } = encodedModulus(modulus);
  const key = createPublicKey({
    key: { kty: 'RSA', n: jwkN, e: toBuffer(exponent).toString('base64url') },
    format: 'jwk',
  });
  const result = publicEncrypt({ key, padding: constants.RSA_NO_PADDING }, toBuffer(base, bytes));
  return BigInt(`0x${result.toString('hex')}`);
}

/**
 * `base^exponent mod modulus` computed by OpenSSL through `node:crypto`: about 2.5 ms for SRP's
 * 3072-bit modulus and a 1024-bit exponent on Node 20, 22 and 24 alike, several times faster than
 * `BigInt`. OpenSSL's RSA public operation does the work (see `rsaPublicModPow`); an even exponent
 * is computed as `base^(exponent−1)·base`, so OpenSSL only ever sees an odd public exponent.
 *
 * Like the `BigInt` path, and like the peers' JavaScript big-number code, this is not constant-time
 * (OpenSSL treats a public exponent as public); SRP's secrets here are a client's own ephemeral `a`
 * and the password hash `x`, which never meet an attacker-timed loop.
 *
 * Cases OpenSSL cannot take fall back to `modpow-bigint.ts`: base ≡ 0, 1 or −1 and exponents 0 or 1
 * (answered directly), even moduli, moduli under 512 or over 3072 bits, exponents ≥ the modulus, and
 * any OpenSSL error.
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
  if (b <= 1n || exponent === 1n) return b;
  if (b === modulus - 1n) return (exponent & 1n) === 0n ? 1n : b;
  const bits = bitLength(modulus);
  if ((modulus & 1n) === 0n || bits < MIN_RSA_BITS || bits > MAX_RSA_BITS || exponent >= modulus) {
    return bigintModPow(b, exponent, modulus);
  }
  const even = (exponent & 1n) === 0n;
  try {
    if (!even) return rsaPublicModPow(b, exponent, modulus);
    // exponent ≥ 2 here, so exponent − 1 ≥ 1 is odd; exponent − 1 = 1 is the base itself.
    const odd = exponent === 2n ? b : rsaPublicModPow(b, exponent - 1n, modulus);
    return (odd * b) % modulus;
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
