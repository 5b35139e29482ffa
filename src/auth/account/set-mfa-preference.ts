import type { SetUserMFAPreferenceCommandInput } from '@aws-sdk/client-cognito-identity-provider';
import { errAsync, type ResultAsync } from 'neverthrow';
import { narrowError } from '../../errors/narrow.js';
import type { AuthContext } from '../context.js';
import { ACCOUNT_ERRORS, type AccountError } from './account-errors.js';
import { invalidInput, optionalBoolean, requireText } from './input-checks.js';
import type { MfaMethod } from './mfa-settings.js';

/**
 * Input of `setMfaPreference`: turn methods on or off, and pick the preferred one. A method left out is
 * left as it is.
 *
 * @example
 * ```ts
 * const input: SetMfaPreferenceInput = { accessToken, totp: true, sms: false, preferred: 'SOFTWARE_TOKEN_MFA' };
 * ```
 */
export interface SetMfaPreferenceInput {
  readonly accessToken: string;
  /** SMS codes (`SMS_MFA`) on or off. */
  readonly sms?: boolean;
  /** Authenticator app codes (`SOFTWARE_TOKEN_MFA`) on or off; the app must be set up first (`associateTotp`, `verifyTotp`). */
  readonly totp?: boolean;
  /** Email codes (`EMAIL_OTP`) on or off (pools on the Essentials tier or higher). */
  readonly email?: boolean;
  /** The method Cognito asks for first; it is turned on too. */
  readonly preferred?: MfaMethod;
}

const FIELDS = [
  ['sms', 'SMS_MFA', 'SMSMfaSettings'],
  ['totp', 'SOFTWARE_TOKEN_MFA', 'SoftwareTokenMfaSettings'],
  ['email', 'EMAIL_OTP', 'EmailMfaSettings'],
] as const;

/**
 * Turns the signed-in user's MFA methods on or off and sets the preferred one (SetUserMFAPreference).
 * Preferring a method that the same call turns off, or a call that changes nothing, is an
 * `InvalidParameter` error without a request.
 *
 * @example
 * ```ts
 * const set = await setMfaPreference(context, { accessToken, totp: true, preferred: 'SOFTWARE_TOKEN_MFA' });
 * ```
 */
export function setMfaPreference(
  context: AuthContext,
  input: SetMfaPreferenceInput,
): ResultAsync<void, AccountError> {
  const accessToken = requireText(input?.accessToken, 'accessToken');
  if (accessToken.isErr()) return errAsync(accessToken.error);
  const preferred = input.preferred;
  if (preferred !== undefined && !FIELDS.some(([, method]) => method === preferred)) {
    return errAsync(invalidInput('preferred must be SMS_MFA, SOFTWARE_TOKEN_MFA or EMAIL_OTP'));
  }
  const request: SetUserMFAPreferenceCommandInput = { AccessToken: accessToken.value };
  for (const [field, method, setting] of FIELDS) {
    const enabled = optionalBoolean(input[field], field);
    if (enabled.isErr()) return errAsync(enabled.error);
    if (enabled.value === false && preferred === method) {
      return errAsync(invalidInput(`${field} cannot be turned off and preferred at once`));
    }
    if (enabled.value === undefined && preferred !== method) continue;
    request[setting] = {
      Enabled: enabled.value ?? true,
      ...(preferred !== undefined ? { PreferredMfa: preferred === method } : {}),
    };
  }
  if (Object.keys(request).length === 1) {
    return errAsync(invalidInput('setMfaPreference needs sms, totp, email or preferred'));
  }
  return context
    .transport('SetUserMFAPreference', request, { secrets: [accessToken.value] })
    .map(() => undefined)
    .mapErr((error) => narrowError(error, ACCOUNT_ERRORS));
}
