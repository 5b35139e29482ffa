import { errAsync, type ResultAsync } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import { adminCall } from './call.js';
import type { AdminContext } from './config.js';
import { type MfaPreferenceError, USER_ERRORS } from './errors.js';
import { userTarget } from './users.js';

/**
 * Whether one MFA method is on for a user, and whether it is the one Cognito asks for first.
 *
 * @example
 * ```ts
 * const totp: MfaMethodPreference = { enabled: true, preferred: true };
 * ```
 */
export interface MfaMethodPreference {
  readonly enabled: boolean;
  readonly preferred?: boolean;
}

/**
 * A user's MFA preferences; methods left out are not changed. At most one may be preferred.
 *
 * @example
 * ```ts
 * const preferences: UserMfaPreferences = { totp: { enabled: true, preferred: true }, sms: { enabled: false } };
 * ```
 */
export interface UserMfaPreferences {
  /** Authenticator app (software token); the user must have set it up. */
  readonly totp?: MfaMethodPreference;
  readonly sms?: MfaMethodPreference;
  readonly email?: MfaMethodPreference;
}

const MFA_ERRORS = [
  ...USER_ERRORS,
  'PasswordResetRequired',
  'UserNotConfirmed',
] as const satisfies readonly MfaPreferenceError['type'][];

function setting(
  name: string,
  value: MfaMethodPreference | undefined,
): { Enabled: boolean; PreferredMfa: boolean } | string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || typeof value.enabled !== 'boolean') {
    return `${name} must be { enabled: boolean, preferred?: boolean }`;
  }
  if (value.preferred && !value.enabled) return `${name} cannot be preferred while disabled`;
  return { Enabled: value.enabled, PreferredMfa: value.preferred === true };
}

/**
 * AdminSetUserMFAPreference.
 *
 * @example
 * ```ts
 * await setUserMfaPreference(context, 'alice', { totp: { enabled: true, preferred: true } });
 * ```
 */
export function setUserMfaPreference(
  context: AdminContext,
  username: string,
  preferences: UserMfaPreferences,
): ResultAsync<void, MfaPreferenceError> {
  const target = userTarget(context, username);
  if (target.isErr()) return errAsync(target.error);
  const invalid = (message: string) => errAsync(makeError('InvalidParameter', message));
  if (typeof preferences !== 'object' || preferences === null)
    return invalid('preferences must be an object');
  const totp = setting('totp', preferences.totp);
  const sms = setting('sms', preferences.sms);
  const email = setting('email', preferences.email);
  for (const one of [totp, sms, email]) if (typeof one === 'string') return invalid(one);
  const chosen = [totp, sms, email].filter((one) => typeof one === 'object');
  if (chosen.length === 0) return invalid('preferences must set totp, sms or email');
  if (chosen.filter((one) => typeof one === 'object' && one.PreferredMfa).length > 1) {
    return invalid('at most one MFA method can be preferred');
  }
  return adminCall(
    context.transport,
    'AdminSetUserMFAPreference',
    {
      ...target.value,
      ...(typeof totp === 'object' ? { SoftwareTokenMfaSettings: totp } : {}),
      ...(typeof sms === 'object' ? { SMSMfaSettings: sms } : {}),
      ...(typeof email === 'object' ? { EmailMfaSettings: email } : {}),
    },
    MFA_ERRORS,
  ).map(() => undefined);
}
