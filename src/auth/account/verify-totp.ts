import { err, errAsync, ok, type ResultAsync } from 'neverthrow';
import { makeError } from '../../errors/make-error.js';
import { narrowError } from '../../errors/narrow.js';
import type { AuthContext } from '../context.js';
import { VERIFY_TOTP_ERRORS, type VerifyTotpError } from './account-errors.js';
import { invalidInput, optionalText, requireText } from './input-checks.js';

/**
 * Input of `verifyTotp`.
 *
 * @example
 * ```ts
 * const input: VerifyTotpInput = { accessToken, code: '123456', deviceName: 'Phone' };
 * ```
 */
export interface VerifyTotpInput {
  readonly accessToken: string;
  /** The six-digit code the authenticator app shows (spaces are ignored). */
  readonly code: string;
  /** A name for the authenticator, shown in the user's MFA settings. */
  readonly deviceName?: string;
}

const SIX_DIGITS = /^\d{6}$/;

/**
 * Finishes setting up an authenticator app outside sign-in (VerifySoftwareToken with the access token).
 * A wrong code is `CodeMismatch`. Turning TOTP MFA on is a separate `setMfaPreference({ totp: true })`.
 *
 * @example
 * ```ts
 * const verified = await verifyTotp(context, { accessToken, code: '123456' });
 * if (verified.isOk()) await setMfaPreference(context, { accessToken, preferred: 'SOFTWARE_TOKEN_MFA' });
 * ```
 */
export function verifyTotp(context: AuthContext, input: VerifyTotpInput): ResultAsync<void, VerifyTotpError> {
  const accessToken = requireText(input?.accessToken, 'accessToken');
  if (accessToken.isErr()) return errAsync(accessToken.error);
  // Apps show the code as "123 456"; the spaces are not part of it.
  const code = typeof input.code === 'string' ? input.code.replace(/\s/g, '') : undefined;
  if (code === undefined || !SIX_DIGITS.test(code)) {
    return errAsync(invalidInput('code must be the six digits the authenticator app shows'));
  }
  const deviceName = optionalText(input.deviceName, 'deviceName');
  if (deviceName.isErr()) return errAsync(deviceName.error);
  return context
    .transport(
      'VerifySoftwareToken',
      {
        AccessToken: accessToken.value,
        UserCode: code,
        ...(deviceName.value ? { FriendlyDeviceName: deviceName.value } : {}),
      },
      { secrets: [accessToken.value, code] },
    )
    .andThen((output) =>
      output?.Status === 'ERROR'
        ? err(makeError('CodeMismatch', 'Cognito did not accept the authenticator code'))
        : ok(undefined),
    )
    .mapErr((error) => narrowError(error, VERIFY_TOTP_ERRORS));
}
