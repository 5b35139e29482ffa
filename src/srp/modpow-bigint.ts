import type { ModPow } from './modpow.js';
import type { SrpHashes } from './srp-client.js';

/**
 * Window width for an exponent of `bits` bits (the thresholds OpenSSL uses for sliding windows).
 */
function windowBits(bits: number): number {
  if (bits > 671) return 6;
  if (bits > 239) return 5;
  if (bits > 79) return 4;
  if (bits > 23) return 3;
  return 1;
}

/** Left-to-right sliding-window exponentiation with a table of the odd powers base^1, base^3, … */
function slidingWindow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  const bits = exponent.toString(2);
  const width = windowBits(bits.length);
  const odd: bigint[] = [base];
  const square = (base * base) % modulus;
  for (let i = 1; i < 1 << (width - 1); i++) odd.push(((odd[i - 1] as bigint) * square) % modulus);

  let result = 1n;
  let started = false;
  let i = 0;
  while (i < bits.length) {
    if (bits.charCodeAt(i) === 0x30) {
      if (started) result = (result * result) % modulus;
      i++;
      continue;
    }
    // The longest window of at most `width` bits starting at i and ending in a 1.
    let end = Math.min(i + width, bits.length);
    while (bits.charCodeAt(end - 1) === 0x30) end--;
    const digit = Number.parseInt(bits.slice(i, end), 2);
    const power = odd[digit >> 1] as bigint;
    if (started) {
      for (let j = i; j < end; j++) result = (result * result) % modulus;
      result = (result * power) % modulus;
    } else {
      result = power;
      started = true;
    }
    i = end;
  }
  return result;
}

/**
 * 2^exponent with fixed windows: multiplying by 2^digit is a shift, and the shift is folded into the
 * reduction of the window's last squaring, so only the squarings cost.
 */
function powerOfTwo(exponent: bigint, modulus: bigint): bigint {
  const bits = exponent.toString(2);
  const width = 6;
  const head = bits.length % width || width;
  let result = (1n << BigInt(Number.parseInt(bits.slice(0, head), 2))) % modulus;
  for (let i = head; i < bits.length; i += width) {
    for (let j = 1; j < width; j++) result = (result * result) % modulus;
    const digit = Number.parseInt(bits.slice(i, i + width), 2);
    result = ((result * result) << BigInt(digit)) % modulus;
  }
  return result;
}

/**
 * `base^exponent mod modulus` with native `BigInt` and sliding windows (fixed windows of shifts
 * when the base is 2, as for g^a and g^x in SRP). Works in every runtime; on Node prefer
 * `modpow-node.ts`, several times faster.
 *
 * @throws RangeError when `modulus <= 0n` or `exponent < 0n` (see {@link ModPow}).
 * @example
 * ```ts
 * modPow(4n, 13n, 497n); // 445n
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
  if (b === 2n) return powerOfTwo(exponent, modulus);
  return slidingWindow(b, exponent, modulus);
};

/**
 * The hashes this runtime's `#modpow` module offers SRP: none, so SRP uses WebCrypto's (the default of
 * `SrpDeps.hashes`), which browsers, workers, Deno and Bun have natively — nothing to bundle.
 *
 * @example
 * ```ts
 * import { modPow, srpHashes } from '#modpow';
 * const deps: SrpDeps = { modPow, ...(srpHashes ? { hashes: srpHashes } : {}) };
 * ```
 */
export const srpHashes: SrpHashes | undefined = undefined;
