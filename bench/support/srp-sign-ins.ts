/**
 * The client-side work of one USER_SRP_AUTH sign-in on the golden vector's inputs, for cognito-flow and
 * amazon-cognito-identity-js: shared by bench/srp.ts (latency) and bench/throughput.ts (sign-ins per second).
 */
import { hexToBytes } from '../../src/srp/hex.js';
import type { ModPow } from '../../src/srp/modpow.js';
import { computePasswordClaim, type SrpHashes, startSrp } from '../../src/srp/srp-client.js';
import { BigInteger, helperWithSmallA, Sha256 } from '../../test/support/cognito-oracle.js';
import { loadSrpVector } from '../../test/support/srp-vector.js';

/** The golden vector (`test/fixtures/srp-vector.json`). */
export const vector = loadSrpVector();
const params = vector.ChallengeParameters;
const aBytes = hexToBytes(vector.smallA_hex);
if (aBytes === undefined) throw new Error('bad vector');

/** One sign-in's client work; resolves to the PASSWORD_CLAIM_SIGNATURE. */
export type SignIn = () => Promise<string>;

/** cognito-flow's `startSrp` + `computePasswordClaim` with the given modular exponentiation. */
export function cognitoFlow(modPow: ModPow, hashes?: SrpHashes): SignIn {
  const deps = hashes ? { modPow, hashes } : { modPow };
  return async () => {
    const secret = startSrp({ ...deps, randomBytes: () => aBytes as Uint8Array });
    const claim = await computePasswordClaim(deps, {
      poolName: vector.poolName,
      userIdForSrp: params.USER_ID_FOR_SRP,
      password: vector.password,
      secret,
      srpB: params.SRP_B,
      salt: params.SALT,
      secretBlock: params.SECRET_BLOCK,
      timestamp: vector.TIMESTAMP,
    });
    if (claim.isErr()) throw new Error(claim.error.message);
    return claim.value.signature;
  };
}

/** As CognitoUser.authenticateUser: new AuthenticationHelper (draws a, computes A), key, HMAC. */
export const amazonCognitoIdentityJs: SignIn = async () => {
  const helper = helperWithSmallA(vector.poolName, vector.smallA_hex);
  helper.getLargeAValue(() => {});
  let hkdf: Uint8Array | undefined;
  helper.getPasswordAuthenticationKey(
    params.USER_ID_FOR_SRP,
    vector.password,
    new BigInteger(params.SRP_B, 16),
    new BigInteger(params.SALT, 16),
    (_error, key) => {
      hkdf = key;
    },
  );
  const hmac = new Sha256(hkdf);
  hmac.update(
    Buffer.concat([
      Buffer.from(vector.poolName, 'utf8'),
      Buffer.from(params.USER_ID_FOR_SRP, 'utf8'),
      Buffer.from(params.SECRET_BLOCK, 'base64'),
      Buffer.from(vector.TIMESTAMP, 'utf8'),
    ]),
  );
  return Buffer.from(hmac.digestSync()).toString('base64');
};
