/**
 * A server-side Cognito SRP verifier for tests: the other half of the exchange, written
 * independently of src/srp (node:crypto hashing and HKDF, its own padding, N from OpenSSL's RFC 3526
 * group 15) so that a client bug cannot hide behind a shared helper. Only the modular
 * exponentiation is shared (`modpow-node`, itself tested against a naive reference).
 */
import {
  createDiffieHellmanGroup,
  createHash,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { modPow } from '../../src/srp/modpow-node.js';

/** RFC 5054's 3072-bit N is RFC 3526's group 15 ("modp15"); g = 2. */
export const SERVER_N = BigInt(`0x${createDiffieHellmanGroup('modp15').getPrime('hex')}`);
export const SERVER_G = 2n;

/** Java `BigInteger.toByteArray()` of a non-negative integer: big-endian, with a 0x00 sign byte when needed. */
export function toByteArray(value: bigint): Buffer {
  const hex = value.toString(16);
  const bytes = Buffer.from(hex.length % 2 === 0 ? hex : `0${hex}`, 'hex');
  return (bytes[0] ?? 0) >= 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes;
}

const H = (...parts: Uint8Array[]): Buffer => createHash('sha256').update(Buffer.concat(parts)).digest();
const toBigInt = (bytes: Uint8Array): bigint => BigInt(`0x${Buffer.from(bytes).toString('hex') || '0'}`);

/** k = H(N || g) over toByteArray encodings. */
export const SERVER_K = toBigInt(H(toByteArray(SERVER_N), toByteArray(SERVER_G)));

/** x = H(salt || H(poolName + userId + ':' + password)). */
export function serverX(saltHex: string, poolName: string, userId: string, password: string): bigint {
  const inner = H(Buffer.from(`${poolName}${userId}:${password}`, 'utf8'));
  return toBigInt(H(toByteArray(BigInt(`0x${saltHex}`)), inner));
}

/** v = g^x mod N for a user (or a device: poolName = device group key, userId = device key). */
export function serverVerifier(saltHex: string, poolName: string, userId: string, password: string): bigint {
  return modPow(SERVER_G, serverX(saltHex, poolName, userId, password), SERVER_N);
}

/** What the client sends back in RespondToAuthChallenge(PASSWORD_VERIFIER). */
export interface SrpClaim {
  readonly srpA: string;
  readonly signature: string;
  readonly timestamp: string;
  readonly secretBlock: string;
}

/** One server-side SRP session: the challenge it issued and a verifier of the client's answer. */
export interface SrpServer {
  /** SALT of the challenge (hex). */
  readonly salt: string;
  /** SRP_B of the challenge (hex, unpadded like Cognito's). */
  readonly srpB: string;
  /** SECRET_BLOCK of the challenge (base64 of random bytes). */
  readonly secretBlock: string;
  /** The password verifier v. */
  readonly verifier: bigint;
  /** The 16-byte session key the server derives for this client A, or undefined when A is unsafe. */
  key(srpA: string): Buffer | undefined;
  /** True when the claim proves knowledge of the password for this challenge. */
  verify(claim: SrpClaim): Promise<boolean>;
}

/** Randomness for the server (salt, b, secret block); inject a seeded source for reproducible cases. */
export type ServerRandom = (length: number) => Uint8Array;

interface SrpServerBase {
  readonly poolName: string;
  readonly userIdForSrp: string;
  readonly randomBytes?: ServerRandom;
}

/** A server for a user with this password (it makes its own random 16-byte salt). */
export interface SrpServerOptions extends SrpServerBase {
  readonly password: string;
}

/** A server that only knows the stored salt and verifier (as for a confirmed device). */
export interface SrpServerFromVerifierOptions extends SrpServerBase {
  readonly salt: string;
  readonly verifier: bigint;
}

/**
 * Creates a server session for a user: salt, verifier v, b, B = (k·v + g^b) mod N and a secret block.
 *
 * @example
 * const server = createSrpServer({ poolName: 'AbC', userIdForSrp: 'sub', password: 'pw' });
 * await server.verify({ srpA, signature, timestamp, secretBlock: server.secretBlock }); // true
 */
export function createSrpServer(options: SrpServerOptions): SrpServer {
  const random = options.randomBytes ?? randomBytes;
  const salt = Buffer.from(random(16)).toString('hex');
  const verifier = serverVerifier(salt, options.poolName, options.userIdForSrp, options.password);
  return createSrpServerFromVerifier({ ...options, salt, verifier, randomBytes: random });
}

/**
 * Creates a server session from a stored salt (hex) and verifier, e.g. a device's
 * DeviceSecretVerifierConfig.
 *
 * @example
 * const server = createSrpServerFromVerifier({ poolName: groupKey, userIdForSrp: deviceKey, salt, verifier });
 */
export function createSrpServerFromVerifier(options: SrpServerFromVerifierOptions): SrpServer {
  const random = options.randomBytes ?? randomBytes;
  const { poolName, userIdForSrp, salt, verifier } = options;
  let b = 0n;
  let B = 0n;
  while (B === 0n) {
    b = toBigInt(random(128)) % SERVER_N;
    B = (SERVER_K * verifier + modPow(SERVER_G, b, SERVER_N)) % SERVER_N;
  }
  // Cognito's secret blocks are about 1.7 KB of opaque bytes; vary the length.
  const blockLength = 64 + Number(toBigInt(random(2)) % 1700n);
  const secretBlock = Buffer.from(random(blockLength)).toString('base64');
  const srpB = B.toString(16);

  const key = (srpA: string): Buffer | undefined => {
    if (!/^[0-9a-fA-F]+$/.test(srpA)) return undefined;
    const A = BigInt(`0x${srpA}`);
    if (A % SERVER_N === 0n) return undefined;
    const u = toBigInt(H(toByteArray(A), toByteArray(B)));
    if (u === 0n) return undefined;
    const S = modPow((A * modPow(verifier, u, SERVER_N)) % SERVER_N, b, SERVER_N);
    return Buffer.from(hkdfSync('sha256', toByteArray(S), toByteArray(u), 'Caldera Derived Key', 16));
  };

  return {
    salt,
    srpB,
    secretBlock,
    verifier,
    key,
    async verify(claim: SrpClaim): Promise<boolean> {
      if (claim.secretBlock !== secretBlock) return false;
      const sessionKey = key(claim.srpA);
      if (sessionKey === undefined) return false;
      const expected = createHmac('sha256', sessionKey)
        .update(Buffer.from(poolName, 'utf8'))
        .update(Buffer.from(userIdForSrp, 'utf8'))
        .update(Buffer.from(secretBlock, 'base64'))
        .update(Buffer.from(claim.timestamp, 'utf8'))
        .digest();
      const given = Buffer.from(claim.signature, 'base64');
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
