import type { ResultAsync } from 'neverthrow';
import type { AuthContext } from '../context.js';
import type { AccountError } from './account-errors.js';
import { type AccessTokenInput, fetchUser } from './get-user.js';
import { type MfaSettings, mfaSettingsFromUser } from './mfa-settings.js';

/**
 * Reads the signed-in user's MFA settings: the methods turned on and the preferred one (Cognito has no
 * separate call for this; it is read from GetUser).
 *
 * @example
 * ```ts
 * const mfa = await getMfaPreference(context, { accessToken });
 * if (mfa.isOk() && mfa.value.preferred === 'SOFTWARE_TOKEN_MFA') console.log('Uses an authenticator app');
 * ```
 */
export function getMfaPreference(
  context: AuthContext,
  input: AccessTokenInput,
): ResultAsync<MfaSettings, AccountError> {
  return fetchUser(context, input).map(mfaSettingsFromUser);
}
