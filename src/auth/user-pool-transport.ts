import {
  type CognitoIdentityProviderClient,
  ConfirmDeviceCommand,
  type ConfirmDeviceCommandInput,
  type ConfirmDeviceCommandOutput,
  ForgetDeviceCommand,
  type ForgetDeviceCommandInput,
  type ForgetDeviceCommandOutput,
  InitiateAuthCommand,
  type InitiateAuthCommandInput,
  type InitiateAuthCommandOutput,
  ListDevicesCommand,
  type ListDevicesCommandInput,
  type ListDevicesCommandOutput,
  RespondToAuthChallengeCommand,
  type RespondToAuthChallengeCommandInput,
  type RespondToAuthChallengeCommandOutput,
  UpdateDeviceStatusCommand,
  type UpdateDeviceStatusCommandInput,
  type UpdateDeviceStatusCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { sdkTransport } from '../transport/sdk-transport.js';
import type { Transport } from '../transport/transport.js';

/**
 * The user-pool operations the sign-in state machine uses (all unsigned).
 *
 * @example
 * ```ts
 * type InitiateAuthInput = UserPoolAuthOperations['InitiateAuth']['input'];
 * ```
 */
export interface UserPoolAuthOperations {
  InitiateAuth: { input: InitiateAuthCommandInput; output: InitiateAuthCommandOutput };
  RespondToAuthChallenge: {
    input: RespondToAuthChallengeCommandInput;
    output: RespondToAuthChallengeCommandOutput;
  };
  ConfirmDevice: { input: ConfirmDeviceCommandInput; output: ConfirmDeviceCommandOutput };
  UpdateDeviceStatus: { input: UpdateDeviceStatusCommandInput; output: UpdateDeviceStatusCommandOutput };
  ForgetDevice: { input: ForgetDeviceCommandInput; output: ForgetDeviceCommandOutput };
  ListDevices: { input: ListDevicesCommandInput; output: ListDevicesCommandOutput };
}

/**
 * The seam the {@link AuthClient} talks to Cognito through.
 *
 * @example
 * ```ts
 * const auth = new AuthClient({ userPoolId, clientId }, myTransport satisfies UserPoolTransport);
 * ```
 */
export type UserPoolTransport = Transport<UserPoolAuthOperations>;

/**
 * The default seam: AWS SDK v3 commands sent through `client`.
 *
 * @example
 * ```ts
 * const transport = userPoolSdkTransport(new CognitoIdentityProviderClient({ region: 'eu-west-1' }));
 * ```
 */
export function userPoolSdkTransport(client: CognitoIdentityProviderClient): UserPoolTransport {
  return sdkTransport<UserPoolAuthOperations>(client, {
    InitiateAuth: InitiateAuthCommand,
    RespondToAuthChallenge: RespondToAuthChallengeCommand,
    ConfirmDevice: ConfirmDeviceCommand,
    UpdateDeviceStatus: UpdateDeviceStatusCommand,
    ForgetDevice: ForgetDeviceCommand,
    ListDevices: ListDevicesCommand,
  });
}
