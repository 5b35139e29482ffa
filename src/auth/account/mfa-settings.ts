import type { GetUserCommandOutput } from '@aws-sdk/client-cognito-identity-provider';

/**
 * An MFA method, in Cognito's words: SMS codes, an authenticator app (TOTP), or email codes.
 *
 * @example
 * ```ts
 * const method: MfaMethod = 'SOFTWARE_TOKEN_MFA';
 * ```
 */
export type MfaMethod = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';

/**
 * A user's MFA settings: the methods turned on and the one Cognito asks for first.
 *
 * @example
 * ```ts
 * const mfa: MfaSettings = (await auth.getMfaPreference({ accessToken }))._unsafeUnwrap();
 * if (!mfa.enabled.includes('SOFTWARE_TOKEN_MFA')) offerAuthenticatorSetup();
 * ```
 */
export interface MfaSettings {
  /** The preferred method, when the user has one. */
  readonly preferred?: MfaMethod;
  /** The methods turned on for the user (empty when none). */
  readonly enabled: readonly MfaMethod[];
}

const METHODS: ReadonlySet<string> = new Set<MfaMethod>(['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP']);

function isMethod(value: unknown): value is MfaMethod {
  return typeof value === 'string' && METHODS.has(value);
}

/**
 * Reads MFA settings from a GetUser answer: `UserMFASettingList` and `PreferredMfaSetting`, plus SMS from
 * the legacy `MFAOptions`. Names this version does not know are left out. Pure.
 *
 * @example
 * ```ts
 * mfaSettingsFromUser({ UserMFASettingList: ['SOFTWARE_TOKEN_MFA'], PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA' });
 * // { preferred: 'SOFTWARE_TOKEN_MFA', enabled: ['SOFTWARE_TOKEN_MFA'] }
 * ```
 */
export function mfaSettingsFromUser(
  output: Pick<GetUserCommandOutput, 'UserMFASettingList' | 'PreferredMfaSetting' | 'MFAOptions'>,
): MfaSettings {
  const enabled = new Set((output?.UserMFASettingList ?? []).filter(isMethod));
  if ((output?.MFAOptions ?? []).some((option) => option.DeliveryMedium === 'SMS')) enabled.add('SMS_MFA');
  const preferred = output?.PreferredMfaSetting;
  return { ...(isMethod(preferred) ? { preferred } : {}), enabled: [...enabled] };
}
