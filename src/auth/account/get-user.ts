import type { GetUserCommandOutput } from '@aws-sdk/client-cognito-identity-provider';
import { err, errAsync, ok, type Result, type ResultAsync } from 'neverthrow';
import { fromAttributeList } from '../../attributes/format.js';
import type { AttributeMap } from '../../attributes/types.js';
import { makeError } from '../../errors/make-error.js';
import { narrowError } from '../../errors/narrow.js';
import type { UnexpectedError } from '../../errors/types.js';
import type { AuthContext } from '../context.js';
import { ACCOUNT_ERRORS, type AccountError } from './account-errors.js';
import { requireText } from './input-checks.js';
import { type MfaSettings, mfaSettingsFromUser } from './mfa-settings.js';
import { type UserAttributeValues, userAttributeValues } from './user-attribute-values.js';

/**
 * The signed-in user, as GetUser reports it.
 *
 * @example
 * ```ts
 * const user: AccountUser = (await auth.getUser({ accessToken }))._unsafeUnwrap();
 * console.log(user.username, user.attributes.email, user.mfa.preferred);
 * ```
 */
export interface AccountUser {
  /** Cognito's user name (in pools that sign in with email or phone, an id, not the email). */
  readonly username: string;
  /** The user's immutable id, when Cognito returned the `sub` attribute. */
  readonly sub?: string;
  /** Typed attributes. */
  readonly attributes: UserAttributeValues;
  /** Every attribute as the string Cognito stores. */
  readonly rawAttributes: AttributeMap;
  readonly mfa: MfaSettings;
}

/**
 * The input of the calls that only need the user's access token.
 *
 * @example
 * ```ts
 * const input: AccessTokenInput = { accessToken: step.tokens.accessToken };
 * ```
 */
export interface AccessTokenInput {
  /** The signed-in user's access token. */
  readonly accessToken: string;
}

/**
 * Maps a GetUser answer to an {@link AccountUser}. Pure.
 *
 * @example
 * ```ts
 * const user = accountUserFromSdk(output);
 * ```
 */
export function accountUserFromSdk(output: GetUserCommandOutput): Result<AccountUser, UnexpectedError> {
  if (typeof output?.Username !== 'string' || output.Username.length === 0) {
    return err(makeError('Unexpected', 'Cognito answered GetUser without a user name'));
  }
  const rawAttributes = fromAttributeList(output.UserAttributes);
  return ok({
    username: output.Username,
    ...(rawAttributes.sub ? { sub: rawAttributes.sub } : {}),
    attributes: userAttributeValues(rawAttributes),
    rawAttributes,
    mfa: mfaSettingsFromUser(output),
  });
}

/**
 * Sends GetUser with a checked access token (shared by `getUser` and `getMfaPreference`).
 *
 * @example
 * ```ts
 * fetchUser(context, { accessToken }).map((output) => output.Username);
 * ```
 */
export function fetchUser(
  context: AuthContext,
  input: AccessTokenInput,
): ResultAsync<GetUserCommandOutput, AccountError> {
  const accessToken = requireText(input?.accessToken, 'accessToken');
  if (accessToken.isErr()) return errAsync(accessToken.error);
  return context
    .transport('GetUser', { AccessToken: accessToken.value }, { secrets: [accessToken.value] })
    .mapErr((error) => narrowError(error, ACCOUNT_ERRORS));
}

/**
 * Reads the signed-in user (GetUser): user name, typed attributes and MFA settings.
 *
 * @example
 * ```ts
 * const user = await getUser(context, { accessToken });
 * if (user.isOk()) console.log(user.value.attributes.email, user.value.mfa.enabled);
 * ```
 */
export function getUser(
  context: AuthContext,
  input: AccessTokenInput,
): ResultAsync<AccountUser, AccountError> {
  return fetchUser(context, input).andThen(accountUserFromSdk);
}
