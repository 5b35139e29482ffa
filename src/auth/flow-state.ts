import type { ResolvedAuthConfig } from '../config/auth-config.js';
import type { SrpSecret } from '../srp/srp-client.js';
import type { DeviceSecrets } from './devices/device-store.js';

/**
 * What one sign-in carries between Cognito's answers while cognito-flow handles the internal
 * challenges (PASSWORD_VERIFIER, DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER). Lives only for the
 * duration of one call; never part of a step.
 */
export interface FlowState {
  /** The user name as typed at sign-in (the DeviceStore key). */
  readonly username: string;
  /** The password, only while a PASSWORD_VERIFIER may still come. */
  readonly password?: string;
  /** The SRP `a`/`A` of the exchange in progress. */
  readonly srpSecret?: SrpSecret;
  /** The remembered device of this user, if any. */
  readonly device?: DeviceSecrets;
  /** The name a new device is confirmed with. */
  readonly deviceName: string;
  readonly clientMetadata?: Readonly<Record<string, string>>;
  /** The sign-in runs through the admin API (AdminInitiateAuth / AdminRespondToAuthChallenge). */
  readonly admin?: boolean;
  /**
   * The flow resumed a step nothing vouches for: `username` is a placeholder, and the user the next step
   * names (and the DeviceStore key) is taken from Cognito's answer instead.
   */
  readonly identityFromCognito?: true;
}

/**
 * Every sensitive value of a flow, for redaction from error messages.
 *
 * @example
 * ```ts
 * transport('RespondToAuthChallenge', input, { secrets: flowSecrets(config, state, [session]) });
 * ```
 */
export function flowSecrets(
  config: ResolvedAuthConfig,
  state: FlowState,
  extra: readonly (string | undefined)[] = [],
): (string | undefined)[] {
  return [
    state.password,
    state.device?.devicePassword,
    state.device?.deviceKey,
    state.device?.deviceGroupKey,
    config.clientSecret,
    ...extra,
  ];
}
