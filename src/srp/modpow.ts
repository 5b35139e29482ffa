/**
 * Modular exponentiation `base^exponent mod modulus`, the whole cost of SRP. Two implementations
 * share this contract: `modpow-node.ts` (OpenSSL through `node:crypto`) and `modpow-bigint.ts`
 * (native `BigInt`, any runtime); the package picks one by export condition and the SRP code takes
 * it as a dependency. The same module also exports `srpHashes`: node:crypto's hashes on Node, `undefined`
 * elsewhere (SRP then uses WebCrypto's), so one import condition picks all of a runtime's SRP primitives.
 *
 * Contract: `modulus > 0n` and `exponent >= 0n` (otherwise a `RangeError`); any `base`, negative
 * included, is reduced first; the result is in `[0, modulus)` (so `x^0 mod 1` is `0n`).
 *
 * @example
 * ```ts
 * const A = modPow(SRP_G, a, SRP_N);
 * ```
 */
export type ModPow = (base: bigint, exponent: bigint, modulus: bigint) => bigint;
