import { bytesToBase64 } from '../crypto/base64.js';
import { SRP_G, SRP_N } from './group.js';
import { bytesToBigInt, padHexBytes } from './hex.js';
import { computeX, defaultRandomBytes, type SrpDeps } from './srp-client.js';

/**
 * The device that Cognito's `NewDeviceMetadata` names.
 *
 * @example
 * ```ts
 * const input: DeviceVerifierInput = { deviceGroupKey: meta.DeviceGroupKey, deviceKey: meta.DeviceKey };
 * ```
 */
export interface DeviceVerifierInput {
  readonly deviceGroupKey: string;
  readonly deviceKey: string;
}

/**
 * A new device secret: keep `devicePassword` (a secret) in the device store; send `salt` and
 * `passwordVerifier` to ConfirmDevice as `DeviceSecretVerifierConfig: { Salt, PasswordVerifier }`.
 *
 * @example
 * ```ts
 * const config = { Salt: verifier.salt, PasswordVerifier: verifier.passwordVerifier };
 * ```
 */
export interface DeviceVerifier {
  /** Base64 of 40 random bytes: the password of the device's SRP. */
  readonly devicePassword: string;
  /** Base64 of the padHex bytes of v = g^x mod N. */
  readonly passwordVerifier: string;
  /** Base64 of the padHex bytes of a 16-byte random salt. */
  readonly salt: string;
}

/**
 * Input of {@link computeDeviceVerifier}: the device, its password and the salt as an integer.
 *
 * @example
 * ```ts
 * const input: DeviceVerifierSecrets = { deviceGroupKey, deviceKey, devicePassword, salt: 0x1234n };
 * ```
 */
export interface DeviceVerifierSecrets extends DeviceVerifierInput {
  readonly devicePassword: string;
  readonly salt: bigint;
}

/**
 * The deterministic part of a device verifier: x = H(padHex(salt) || H(deviceGroupKey + deviceKey +
 * ':' + devicePassword)), v = g^x mod N, both encoded as base64 of their padHex bytes, as AWS's
 * clients send them in `DeviceSecretVerifierConfig`.
 *
 * @example
 * ```ts
 * const { salt, passwordVerifier } = await computeDeviceVerifier({ modPow }, secrets);
 * ```
 */
export async function computeDeviceVerifier(
  deps: Pick<SrpDeps, 'modPow' | 'hashes'>,
  input: DeviceVerifierSecrets,
): Promise<{ readonly passwordVerifier: string; readonly salt: string }> {
  const x = await computeX(
    input.salt,
    input.deviceGroupKey,
    input.deviceKey,
    input.devicePassword,
    deps.hashes,
  );
  const v = deps.modPow(SRP_G, x, SRP_N);
  return { passwordVerifier: bytesToBase64(padHexBytes(v)), salt: bytesToBase64(padHexBytes(input.salt)) };
}

/**
 * Creates the secret of a newly remembered device (for ConfirmDevice): a random device password
 * (40 bytes, base64), a random 16-byte salt and the SRP verifier for
 * (deviceGroupKey, deviceKey, devicePassword). On later sign-ins the device answers
 * `DEVICE_PASSWORD_VERIFIER` with `computePasswordClaim` using poolName = deviceGroupKey,
 * userIdForSrp = deviceKey and password = devicePassword.
 *
 * @example
 * ```ts
 * const verifier = await createDeviceVerifier({ modPow }, { deviceGroupKey, deviceKey });
 * // ConfirmDevice({ DeviceKey: deviceKey, DeviceSecretVerifierConfig: { Salt: verifier.salt, PasswordVerifier: verifier.passwordVerifier } })
 * ```
 */
export async function createDeviceVerifier(
  deps: SrpDeps,
  input: DeviceVerifierInput,
): Promise<DeviceVerifier> {
  const randomBytes = deps.randomBytes ?? defaultRandomBytes;
  // Same order of draws as AWS's client: the password first, then the salt.
  const devicePassword = bytesToBase64(randomBytes(40));
  const salt = bytesToBigInt(randomBytes(16));
  const verifier = await computeDeviceVerifier(deps, {
    deviceGroupKey: input.deviceGroupKey,
    deviceKey: input.deviceKey,
    devicePassword,
    salt,
  });
  return { devicePassword, ...verifier };
}
