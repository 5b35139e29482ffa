import type { NewDeviceMetadataType } from '@aws-sdk/client-cognito-identity-provider';
import { ResultAsync } from 'neverthrow';
import { createDeviceVerifier } from '../../srp/device-verifier.js';
import type { AuthContext } from '../context.js';
import { type FlowState, flowSecrets } from '../flow-state.js';
import type { NewDeviceStatus } from '../steps.js';

/**
 * Confirms a device Cognito issued at sign-in: makes a random device password and its SRP verifier,
 * sends ConfirmDevice with the access token, and keeps the secrets in the DeviceStore under the user
 * name typed at sign-in. A failure does not fail the sign-in: it is reported as `confirmed: false`.
 *
 * @example
 * ```ts
 * confirmNewDevice(context, state, result.NewDeviceMetadata, result.AccessToken);
 * ```
 */
export function confirmNewDevice(
  context: AuthContext,
  state: FlowState,
  metadata: NewDeviceMetadataType,
  accessToken: string,
): ResultAsync<NewDeviceStatus, never> {
  const { config, transport, srp } = context;
  const deviceKey = metadata.DeviceKey;
  const deviceGroupKey = metadata.DeviceGroupKey;
  const failed = (reason: string): NewDeviceStatus => ({
    confirmed: false,
    userConfirmationNecessary: false,
    reason,
  });
  if (!deviceKey || !deviceGroupKey) {
    return ResultAsync.fromSafePromise(Promise.resolve(failed('Unexpected')));
  }
  const work = async (): Promise<NewDeviceStatus> => {
    const verifier = await createDeviceVerifier(srp, { deviceGroupKey, deviceKey });
    const secrets = flowSecrets(config, state, [
      accessToken,
      deviceKey,
      deviceGroupKey,
      verifier.devicePassword,
    ]);
    const confirmed = await transport(
      'ConfirmDevice',
      {
        AccessToken: accessToken,
        DeviceKey: deviceKey,
        DeviceName: state.deviceName,
        DeviceSecretVerifierConfig: { PasswordVerifier: verifier.passwordVerifier, Salt: verifier.salt },
      },
      { secrets },
    );
    if (confirmed.isErr()) return failed(confirmed.error.type);
    try {
      await config.deviceStore.set(state.username, {
        deviceKey,
        deviceGroupKey,
        devicePassword: verifier.devicePassword,
      });
    } catch {
      return failed('DeviceStore');
    }
    return { confirmed: true, userConfirmationNecessary: confirmed.value.UserConfirmationNecessary === true };
  };
  return ResultAsync.fromSafePromise(work().catch(() => failed('Unexpected')));
}
