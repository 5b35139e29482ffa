import { err, ok, type Result, ResultAsync } from 'neverthrow';
import { bytesToBase64 } from '../crypto/base64.js';
import { makeError } from '../errors/make-error.js';
import type { SrpAbortedError, SrpAbortReason } from '../errors/types.js';
import { SRP_G, SRP_K, SRP_N } from './group.js';
import { hmacSha256, sha256 } from './hash.js';
import {
  base64ToBytes,
  bigIntToHex,
  bytesToBigInt,
  concatBytes,
  hexToBigInt,
  padHexBytes,
  utf8,
} from './hex.js';
import { cognitoHkdf } from './hkdf.js';
import type { ModPow } from './modpow.js';

/**
 * A source of cryptographically secure random bytes.
 *
 * @example
 * ```ts
 * const randomBytes: RandomBytes = (length) => crypto.getRandomValues(new Uint8Array(length));
 * ```
 */
export type RandomBytes = (length: number) => Uint8Array;

/**
 * What the SRP computations depend on: modular exponentiation (OpenSSL on Node, `BigInt`
 * elsewhere) and, optionally, randomness (default: `crypto.getRandomValues`). Inject fixed bytes
 * in tests.
 *
 * @example
 * ```ts
 * import { modPow } from './modpow-node.js';
 * const deps: SrpDeps = { modPow };
 * ```
 */
export interface SrpDeps {
  readonly modPow: ModPow;
  readonly randomBytes?: RandomBytes;
  /** The hashes (default: WebCrypto's, see `hash.ts`; on Node the `#modpow` module gives node:crypto's). */
  readonly hashes?: SrpHashes;
}

/**
 * SHA-256, HMAC-SHA256 and Cognito's HKDF, as SRP needs them. The default is WebCrypto (`hash.ts`,
 * `hkdf.ts`: nothing to bundle); on Node the `#modpow` module supplies node:crypto's synchronous ones,
 * which cost a fifth of WebCrypto's CPU per sign-in there.
 *
 * @example
 * ```ts
 * const hashes: SrpHashes = { sha256, hmacSha256, hkdf: cognitoHkdf };
 * ```
 */
export interface SrpHashes {
  sha256(data: Uint8Array): Promise<Uint8Array>;
  hmacSha256(key: Uint8Array, data: Uint8Array): Promise<Uint8Array>;
  /** Cognito's HKDF: 16 bytes from `ikm` (padHex bytes of S) and `salt` (padHex bytes of u). */
  hkdf(ikm: Uint8Array, salt: Uint8Array): Promise<Uint8Array>;
}

/**
 * The client's ephemeral SRP values for one exchange. `a` is secret; `srpA` is what Cognito
 * wants as `SRP_A` (lower-case hex of A without padding).
 *
 * @example
 * ```ts
 * const secret: SrpSecret = startSrp({ modPow });
 * const authParameters = { USERNAME: 'alice', SRP_A: secret.srpA };
 * ```
 */
export interface SrpSecret {
  readonly a: bigint;
  readonly A: bigint;
  readonly srpA: string;
}

/**
 * Everything {@link computePasswordClaim} needs. For device SRP (`DEVICE_PASSWORD_VERIFIER`),
 * `poolName` is the device group key, `userIdForSrp` the device key and `password` the device password.
 *
 * @example
 * ```ts
 * const input: PasswordClaimInput = {
 *   poolName: userPoolId.split('_')[1], userIdForSrp: params.USER_ID_FOR_SRP, password, secret,
 *   srpB: params.SRP_B, salt: params.SALT, secretBlock: params.SECRET_BLOCK,
 *   timestamp: formatSrpTimestamp(new Date()),
 * };
 * ```
 */
export interface PasswordClaimInput {
  /** The part of the user pool id after '_' (for device SRP: the device group key). */
  readonly poolName: string;
  /** USER_ID_FOR_SRP from the challenge (for device SRP: the device key). */
  readonly userIdForSrp: string;
  /** The user's password (for device SRP: the device password). */
  readonly password: string;
  readonly secret: SrpSecret;
  /** SRP_B from the challenge, hex. */
  readonly srpB: string;
  /** SALT from the challenge, hex. */
  readonly salt: string;
  /** SECRET_BLOCK from the challenge, base64; sent back unchanged as PASSWORD_CLAIM_SECRET_BLOCK. */
  readonly secretBlock: string;
  /** TIMESTAMP as sent, from `formatSrpTimestamp`. */
  readonly timestamp: string;
}

/**
 * The answer to `PASSWORD_VERIFIER`: `signature` is PASSWORD_CLAIM_SIGNATURE (base64); `key` is
 * the 16-byte HKDF key it was computed with.
 *
 * @example
 * ```ts
 * const responses = { PASSWORD_CLAIM_SIGNATURE: claim.signature, PASSWORD_CLAIM_SECRET_BLOCK: secretBlock, TIMESTAMP: timestamp };
 * ```
 */
export interface PasswordClaim {
  readonly signature: string;
  readonly key: Uint8Array;
}

/** Length of the random `a` in bytes, as AWS's clients use. */
const SMALL_A_BYTES = 128;
/** Attempts at drawing a usable `a` before concluding the injected dependencies are broken. */
const MAX_SECRET_ATTEMPTS = 64;

/**
 * Default {@link RandomBytes}: WebCrypto's `crypto.getRandomValues` (Node ≥ 20, browsers, workers).
 *
 * @example
 * ```ts
 * defaultRandomBytes(16).length; // 16
 * ```
 */
export const defaultRandomBytes: RandomBytes = (length) => {
  const bytes = new Uint8Array(length);
  // getRandomValues fills at most 65 536 bytes per call.
  for (let i = 0; i < length; i += 65_536) crypto.getRandomValues(bytes.subarray(i, i + 65_536));
  return bytes;
};

function abort(reason: SrpAbortReason, message: string): SrpAbortedError {
  return makeError('SrpAborted', message, {}, { reason });
}

/**
 * Starts an SRP exchange: a = 128 random bytes mod N, A = g^a mod N (drawn again in the
 * impossible case that A ≡ 0 or a ≡ 0).
 *
 * @throws Error only when the injected `randomBytes`/`modPow` cannot produce a usable secret in 64
 * attempts (broken dependencies, never with real ones).
 * @example
 * ```ts
 * const secret = startSrp({ modPow });
 * // InitiateAuth with AuthParameters.SRP_A = secret.srpA
 * ```
 */
export function startSrp(deps: SrpDeps): SrpSecret {
  const randomBytes = deps.randomBytes ?? defaultRandomBytes;
  for (let attempt = 0; attempt < MAX_SECRET_ATTEMPTS; attempt++) {
    const a = bytesToBigInt(randomBytes(SMALL_A_BYTES)) % SRP_N;
    if (a === 0n) continue;
    const A = deps.modPow(SRP_G, a, SRP_N);
    if (A % SRP_N === 0n) continue;
    return { a, A, srpA: bigIntToHex(A) };
  }
  throw new Error('startSrp: randomBytes/modPow produced no usable SRP secret');
}

/**
 * u = H(padHex(A) || padHex(B)), the scrambling parameter.
 *
 * @example
 * ```ts
 * const u = await computeU(secret.A, B);
 * ```
 */
export async function computeU(A: bigint, B: bigint, hashes?: SrpHashes): Promise<bigint> {
  const hash = hashes?.sha256 ?? sha256;
  return bytesToBigInt(await hash(concatBytes(padHexBytes(A), padHexBytes(B))));
}

/**
 * Aborts on u = 0 (SRP-6a: the password would not enter the session key).
 *
 * @example
 * ```ts
 * checkU(0n); // err({ type: 'SrpAborted', reason: 'U_IS_ZERO', … })
 * ```
 */
export function checkU(u: bigint): Result<bigint, SrpAbortedError> {
  return u === 0n ? err(abort('U_IS_ZERO', 'SRP aborted: u = H(A, B) is zero')) : ok(u);
}

/**
 * Aborts on B ≡ 0 (mod N) (SRP-6a: a server, or someone in between, could force the session key).
 *
 * @example
 * ```ts
 * checkB(SRP_N); // err({ type: 'SrpAborted', reason: 'B_IS_ZERO_MOD_N', … })
 * ```
 */
export function checkB(B: bigint): Result<bigint, SrpAbortedError> {
  return B % SRP_N === 0n ? err(abort('B_IS_ZERO_MOD_N', 'SRP aborted: SRP_B mod N is zero')) : ok(B);
}

/**
 * The private key x = H(padHex(salt) || H(poolName + userId + ':' + password)) (strings UTF-8).
 * For device verifiers `poolName` is the device group key and `userId` the device key.
 *
 * @example
 * ```ts
 * const x = await computeX(salt, 'AbCdEfGhI', userIdForSrp, password);
 * ```
 */
export async function computeX(
  salt: bigint,
  poolName: string,
  userId: string,
  password: string,
  hashes?: SrpHashes,
): Promise<bigint> {
  const hash = hashes?.sha256 ?? sha256;
  const inner = await hash(utf8(`${poolName}${userId}:${password}`));
  // Cognito hashes the hex digest's bytes, i.e. the 32 raw bytes.
  return bytesToBigInt(await hash(concatBytes(padHexBytes(salt), inner)));
}

interface ParsedChallenge {
  readonly B: bigint;
  readonly salt: bigint;
  readonly secretBlock: Uint8Array;
}

function parseChallenge(input: PasswordClaimInput): Result<ParsedChallenge, SrpAbortedError> {
  const B = hexToBigInt(input.srpB);
  if (B === undefined) return err(abort('MALFORMED_PARAMETER', 'SRP_B is not a hexadecimal number'));
  const salt = hexToBigInt(input.salt);
  if (salt === undefined) return err(abort('MALFORMED_PARAMETER', 'SALT is not a hexadecimal number'));
  const secretBlock = base64ToBytes(input.secretBlock);
  if (secretBlock === undefined) return err(abort('MALFORMED_PARAMETER', 'SECRET_BLOCK is not base64'));
  return ok({ B, salt, secretBlock });
}

/**
 * Answers Cognito's `PASSWORD_VERIFIER` (or `DEVICE_PASSWORD_VERIFIER`): checks B and u, computes
 * S = (B − k·g^x)^(a + u·x) mod N, the HKDF key, and the signature
 * HMAC(key, poolName || userIdForSrp || SECRET_BLOCK bytes || TIMESTAMP) in base64.
 *
 * Fails with `SrpAborted` (`B_IS_ZERO_MOD_N`, `U_IS_ZERO`, `MALFORMED_PARAMETER`); messages
 * never contain the password, the secret block or any SRP value. Does not throw; the promise
 * rejects only on programming or environment errors (WebCrypto unavailable, a `secret` not made by
 * {@link startSrp}, a `modPow` that throws).
 *
 * @example
 * ```ts
 * const claim = await computePasswordClaim({ modPow }, {
 *   poolName: 'AbCdEfGhI', userIdForSrp: params.USER_ID_FOR_SRP, password, secret,
 *   srpB: params.SRP_B, salt: params.SALT, secretBlock: params.SECRET_BLOCK, timestamp,
 * });
 * if (claim.isOk()) claim.value.signature; // PASSWORD_CLAIM_SIGNATURE
 * ```
 */
export function computePasswordClaim(
  deps: SrpDeps,
  input: PasswordClaimInput,
): ResultAsync<PasswordClaim, SrpAbortedError> {
  return new ResultAsync(claim(deps, input));
}

async function claim(
  deps: SrpDeps,
  input: PasswordClaimInput,
): Promise<Result<PasswordClaim, SrpAbortedError>> {
  const parsed = parseChallenge(input).andThen(({ B, salt, secretBlock }) =>
    checkB(B).map(() => ({ B, salt, secretBlock })),
  );
  if (parsed.isErr()) return err(parsed.error);
  const { B, salt, secretBlock } = parsed.value;
  const { a, A } = input.secret;

  const [uValue, x] = await Promise.all([
    computeU(A, B, deps.hashes),
    computeX(salt, input.poolName, input.userIdForSrp, input.password, deps.hashes),
  ]);
  const u = checkU(uValue);
  if (u.isErr()) return err(u.error);

  const gx = deps.modPow(SRP_G, x, SRP_N);
  const base = (((B - SRP_K * gx) % SRP_N) + SRP_N) % SRP_N;
  const S = deps.modPow(base, a + u.value * x, SRP_N);

  const key = await (deps.hashes?.hkdf ?? cognitoHkdf)(padHexBytes(S), padHexBytes(u.value));
  const message = concatBytes(
    utf8(input.poolName),
    utf8(input.userIdForSrp),
    secretBlock,
    utf8(input.timestamp),
  );
  const signature = bytesToBase64(await (deps.hashes?.hmacSha256 ?? hmacSha256)(key, message));
  return ok({ signature, key });
}
