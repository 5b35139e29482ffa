/**
 * amazon-cognito-identity-js (AWS's own client) as a test oracle, with its randomness pinned.
 * Its internals are CommonJS without type declarations; this file types the little we use.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** jsbn's BigInteger as bundled by amazon-cognito-identity-js. */
export interface JsbnBigInteger {
  toString(radix: number): string;
}
type BigIntegerConstructor = new (value: string, radix: number) => JsbnBigInteger;

type NodeCallback<T> = (error: Error | null, value: T) => void;

/** The parts of AuthenticationHelper the oracle touches. */
export interface AuthenticationHelperInstance {
  readonly N: JsbnBigInteger;
  readonly g: JsbnBigInteger;
  readonly k: JsbnBigInteger;
  readonly UValue?: JsbnBigInteger;
  getLargeAValue(callback: NodeCallback<JsbnBigInteger>): void;
  getPasswordAuthenticationKey(
    username: string,
    password: string,
    serverB: JsbnBigInteger,
    salt: JsbnBigInteger,
    callback: NodeCallback<Uint8Array>,
  ): void;
  generateHashDevice(deviceGroupKey: string, username: string, callback: NodeCallback<null>): void;
  getRandomPassword(): string;
  getSaltDevices(): string;
  getVerifierDevices(): string;
  padHex(value: JsbnBigInteger): string;
  computehkdf(ikm: Uint8Array, salt: Uint8Array): Uint8Array;
  generateRandomSmallA(): JsbnBigInteger;
  generateRandomString(): string;
}
type AuthenticationHelperConstructor = new (poolName: string) => AuthenticationHelperInstance;

interface Sha256Instance {
  update(data: Uint8Array | string): void;
  digestSync(): Uint8Array;
}
type Sha256Constructor = new (secret?: Uint8Array) => Sha256Instance;

export const AuthenticationHelper: AuthenticationHelperConstructor =
  require('amazon-cognito-identity-js/lib/AuthenticationHelper').default;
export const BigInteger: BigIntegerConstructor = require('amazon-cognito-identity-js/lib/BigInteger').default;
export const DateHelper: new () => { getNowString(): string } =
  require('amazon-cognito-identity-js/lib/DateHelper').default;
/** The SHA-256/HMAC implementation amazon-cognito-identity-js signs with. */
export const Sha256: Sha256Constructor = createRequire(require.resolve('amazon-cognito-identity-js'))(
  '@aws-crypto/sha256-js',
).Sha256;

/**
 * An AuthenticationHelper whose random `a` is the given hex (AWS draws it in the constructor via
 * the overridable `generateRandomSmallA`, then computes A from it).
 */
export function helperWithSmallA(poolName: string, smallAHex: string): AuthenticationHelperInstance {
  class FixedHelper extends AuthenticationHelper {
    override generateRandomSmallA(): JsbnBigInteger {
      return new BigInteger(smallAHex, 16);
    }
  }
  return new FixedHelper(poolName);
}

/** Inputs of one USER_SRP_AUTH (or device SRP) answer. */
export interface OracleClaimInput {
  readonly poolName: string;
  readonly userIdForSrp: string;
  readonly password: string;
  readonly smallAHex: string;
  readonly srpB: string;
  readonly salt: string;
  readonly secretBlock: string;
  readonly timestamp: string;
}

/** What AWS's client computes: SRP_A, u, the HKDF key and PASSWORD_CLAIM_SIGNATURE. */
export interface OracleClaim {
  readonly srpA: string;
  readonly u: string;
  readonly key: Buffer;
  readonly signature: string;
}

/**
 * Runs AWS's client exactly as CognitoUser.authenticateUser does for PASSWORD_VERIFIER (its
 * callbacks are synchronous), with `a` pinned.
 */
export function awsPasswordClaim(input: OracleClaimInput): OracleClaim {
  const helper = helperWithSmallA(input.poolName, input.smallAHex);
  let srpA = '';
  helper.getLargeAValue((error, A) => {
    if (error) throw error;
    srpA = A.toString(16);
  });
  let key: Uint8Array | undefined;
  helper.getPasswordAuthenticationKey(
    input.userIdForSrp,
    input.password,
    new BigInteger(input.srpB, 16),
    new BigInteger(input.salt, 16),
    (error, hkdf) => {
      if (error) throw error;
      key = hkdf;
    },
  );
  if (key === undefined) throw new Error('AuthenticationHelper did not call back');
  const hmac = new Sha256(key);
  hmac.update(
    Buffer.concat([
      Buffer.from(input.poolName, 'utf8'),
      Buffer.from(input.userIdForSrp, 'utf8'),
      Buffer.from(input.secretBlock, 'base64'),
      Buffer.from(input.timestamp, 'utf8'),
    ]),
  );
  const signature = Buffer.from(hmac.digestSync()).toString('base64');
  return { srpA, u: helper.UValue?.toString(16) ?? '', key: Buffer.from(key), signature };
}

/**
 * AWS's generateHashDevice with its randomness pinned: the device password through the
 * overridable `generateRandomString`, the 16 salt bytes through `crypto.getRandomValues`, which
 * its WordArray calls once per 4 bytes (big-endian words).
 */
export function awsDeviceVerifier(input: {
  readonly deviceGroupKey: string;
  readonly deviceKey: string;
  readonly passwordBytes: Uint8Array;
  readonly saltBytes: Uint8Array;
}): { devicePassword: string; salt: string; passwordVerifier: string } {
  class FixedHelper extends AuthenticationHelper {
    override generateRandomString(): string {
      return Buffer.from(input.passwordBytes).toString('base64');
    }
  }
  const helper = new FixedHelper(input.deviceGroupKey);
  const words: number[] = [];
  for (let i = 0; i < input.saltBytes.length; i += 4) {
    words.push(Buffer.from(input.saltBytes.subarray(i, i + 4)).readUInt32BE(0));
  }
  const webcrypto = globalThis.crypto;
  const hadOwn = Object.hasOwn(webcrypto, 'getRandomValues');
  const original = webcrypto.getRandomValues;
  webcrypto.getRandomValues = (<T extends ArrayBufferView | null>(array: T): T => {
    const word = words.shift();
    if (word === undefined || !(array instanceof Uint32Array)) throw new Error('unexpected random draw');
    array[0] = word;
    return array;
  }) as typeof webcrypto.getRandomValues;
  try {
    let done = false;
    helper.generateHashDevice(input.deviceGroupKey, input.deviceKey, (error) => {
      if (error) throw error;
      done = true;
    });
    if (!done || words.length > 0) throw new Error('generateHashDevice did not use the pinned randomness');
  } finally {
    if (hadOwn) webcrypto.getRandomValues = original;
    else Reflect.deleteProperty(webcrypto, 'getRandomValues');
  }
  return {
    devicePassword: helper.getRandomPassword(),
    salt: Buffer.from(helper.getSaltDevices(), 'hex').toString('base64'),
    passwordVerifier: Buffer.from(helper.getVerifierDevices(), 'hex').toString('base64'),
  };
}
