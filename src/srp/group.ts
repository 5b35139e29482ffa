import { sha256 } from './hash.js';
import { bytesToBigInt, concatBytes, padHexBytes } from './hex.js';

/**
 * The 3072-bit SRP group prime N of RFC 5054 (appendix A; the same prime as RFC 3526 group 15),
 * as upper-case hex. Cognito uses this group for USER_SRP_AUTH and device SRP.
 *
 * @example
 * ```ts
 * SRP_N_HEX.length; // 768
 * ```
 */
export const SRP_N_HEX =
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
  'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
  'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
  '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
  'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
  '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
  'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
  'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF';

/**
 * The group prime N as a bigint.
 *
 * @example
 * ```ts
 * SRP_N.toString(2).length; // 3072
 * ```
 */
export const SRP_N: bigint = BigInt(`0x${SRP_N_HEX}`);

/**
 * The group generator g = 2.
 *
 * @example
 * ```ts
 * modPow(SRP_G, a, SRP_N); // A
 * ```
 */
export const SRP_G = 2n;

/**
 * The SRP-6a multiplier k = H(padHex(N) || padHex(g)) as Cognito computes it, precomputed so that
 * nothing has to be hashed at load time ({@link computeSrpK} recomputes it; the tests check both agree).
 *
 * @example
 * ```ts
 * SRP_K_HEX; // '538282c4…'
 * ```
 */
export const SRP_K_HEX = '538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6';

/**
 * k as a bigint.
 *
 * @example
 * ```ts
 * const base = (B - ((SRP_K * gx) % SRP_N) + SRP_N) % SRP_N;
 * ```
 */
export const SRP_K: bigint = BigInt(`0x${SRP_K_HEX}`);

/**
 * Computes k = H(padHex(N) || padHex(g)) from the group; equals {@link SRP_K}.
 *
 * @example
 * ```ts
 * (await computeSrpK()) === SRP_K; // true
 * ```
 */
export async function computeSrpK(n: bigint = SRP_N, g: bigint = SRP_G): Promise<bigint> {
  return bytesToBigInt(await sha256(concatBytes(padHexBytes(n), padHexBytes(g))));
}
