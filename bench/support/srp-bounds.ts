/**
 * Lower bounds for one SRP sign-in on Node: the two 3072-bit modexps (g^a and S = base^(a + u·x)) with
 * inputs precomputed and nothing else, through each primitive node:crypto offers. A runtime's bound is
 * the fastest of those that work there, so every Node line is compared with what it can do best.
 */
import { constants, createDiffieHellman, createPublicKey, publicEncrypt } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { SRP_G, SRP_K, SRP_N } from '../../src/srp/group.js';
import { hexToBigInt } from '../../src/srp/hex.js';
import { modPow as bigintModPow } from '../../src/srp/modpow-bigint.js';
import { computeU, computeX } from '../../src/srp/srp-client.js';
import type { SignIn } from './srp-sign-ins.js';
import { vector } from './srp-sign-ins.js';

/** A primitive that computed both modexps correctly on this runtime. */
export interface Bound {
  readonly name: string;
  readonly run: SignIn;
  readonly expected: string;
}

/** Creating a Diffie-Hellman object slower than this means OpenSSL re-checks the prime (Node 24). */
const SLOW_DH_MS = 100;

const toBuffer = (value: bigint, bytes = 0) => {
  const hex = value.toString(16);
  return Buffer.from(hex.padStart(Math.max(bytes * 2, hex.length + (hex.length % 2)), '0'), 'hex');
};
const hexOf = (bytes: Buffer) => BigInt(`0x${bytes.toString('hex')}`).toString(16);

async function inputs() {
  const params = vector.ChallengeParameters;
  const a = hexToBigInt(vector.smallA_hex) ?? 0n;
  const B = hexToBigInt(params.SRP_B) ?? 0n;
  const u = await computeU(hexToBigInt(vector.SRP_A_hex) ?? 0n, B);
  const x = await computeX(
    hexToBigInt(params.SALT) ?? 0n,
    vector.poolName,
    params.USER_ID_FOR_SRP,
    vector.password,
  );
  const base = (((B - SRP_K * bigintModPow(SRP_G, x, SRP_N)) % SRP_N) + SRP_N) % SRP_N;
  const exponent = a + u * x;
  const expected = `${bigintModPow(SRP_G, a, SRP_N).toString(16)}:${bigintModPow(base, exponent, SRP_N).toString(16)}`;
  return { a, base, exponent, expected };
}

/**
 * OpenSSL's RSA public operation without padding: n = N, e = the exponent, keys imported before timing.
 * An even exponent e is done as base^(e−1)·base, as `modpow-node.ts` does (the vector's a is even).
 */
function rsaBound(a: bigint, base: bigint, exponent: bigint): SignIn {
  const n = toBuffer(SRP_N).toString('base64url');
  const power = (value: bigint, e: bigint) => {
    const odd = (e & 1n) === 1n ? e : e - 1n;
    const key = createPublicKey({
      key: { kty: 'RSA', n, e: toBuffer(odd).toString('base64url') },
      format: 'jwk',
    });
    const input = toBuffer(value, 384);
    return () => {
      const result = BigInt(
        `0x${publicEncrypt({ key, padding: constants.RSA_NO_PADDING }, input).toString('hex')}`,
      );
      return odd === e ? result : (result * value) % SRP_N;
    };
  };
  const A = power(SRP_G, a);
  const S = power(base, exponent);
  return async () => `${A().toString(16)}:${S().toString(16)}`;
}

/** A Diffie-Hellman object over N with a chosen private key (fast on Node 20 only). */
function diffieHellmanBound(a: bigint, base: bigint, exponent: bigint): SignIn {
  const prime = toBuffer(SRP_N);
  const generator = toBuffer(SRP_G);
  return async () => {
    const dh = createDiffieHellman(prime, generator);
    dh.setPrivateKey(toBuffer(a));
    const A = dh.generateKeys();
    dh.setPrivateKey(toBuffer(exponent));
    const S = dh.computeSecret(toBuffer(base));
    return `${hexOf(A)}:${hexOf(S)}`;
  };
}

/** What was left out, and why: printed under the table. */
export const skippedBounds: string[] = [];

/**
 * The primitives that reproduce both modexps on this Node, each checked once before it is timed.
 *
 * @example
 * ```ts
 * const bounds = await nodeBounds(); // [{ name: 'RSA public op', … }, …]
 * ```
 */
export async function nodeBounds(): Promise<Bound[]> {
  const { a, base, exponent, expected } = await inputs();
  const bounds: Bound[] = [];
  const candidates: Array<[string, () => SignIn]> = [
    ['RSA public op', () => rsaBound(a, base, exponent)],
    ['Diffie-Hellman object', () => diffieHellmanBound(a, base, exponent)],
  ];
  for (const [name, make] of candidates) {
    try {
      const run = make();
      const started = performance.now();
      const output = await run();
      const ms = performance.now() - started;
      if (output !== expected) skippedBounds.push(`${name}: wrong result`);
      else if (ms > SLOW_DH_MS)
        skippedBounds.push(`${name}: ${ms.toFixed(0)} ms per sign-in (OpenSSL checks the prime)`);
      else bounds.push({ name, run, expected });
    } catch (error) {
      skippedBounds.push(`${name}: ${(error as Error).message}`);
    }
  }
  return bounds;
}
