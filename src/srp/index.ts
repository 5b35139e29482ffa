/**
 * Cognito's SRP maths. The modular exponentiation (`modpow-node.ts` or `modpow-bigint.ts`) is not
 * re-exported here: it is chosen by export condition and passed in as `SrpDeps.modPow`.
 */
export {
  computeDeviceVerifier,
  createDeviceVerifier,
  type DeviceVerifier,
  type DeviceVerifierInput,
  type DeviceVerifierSecrets,
} from './device-verifier.js';
export { computeSrpK, SRP_G, SRP_K, SRP_K_HEX, SRP_N, SRP_N_HEX } from './group.js';
export { hmacSha256, sha256, toBufferSource } from './hash.js';
export {
  base64ToBytes,
  bigIntToHex,
  bytesToBigInt,
  bytesToHex,
  concatBytes,
  hexToBigInt,
  hexToBytes,
  padHex,
  padHexBytes,
  utf8,
} from './hex.js';
export { cognitoHkdf, SRP_KEY_LENGTH } from './hkdf.js';
export type { ModPow } from './modpow.js';
export {
  checkB,
  checkU,
  computePasswordClaim,
  computeU,
  computeX,
  defaultRandomBytes,
  type PasswordClaim,
  type PasswordClaimInput,
  type RandomBytes,
  type SrpDeps,
  type SrpSecret,
  startSrp,
} from './srp-client.js';
export { formatSrpTimestamp } from './timestamp.js';
