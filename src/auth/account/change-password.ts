import { errAsync, type ResultAsync } from 'neverthrow';
import { narrowError } from '../../errors/narrow.js';
import type { AuthContext } from '../context.js';
import { CHANGE_PASSWORD_ERRORS, type ChangePasswordError } from './account-errors.js';
import { optionalText, requireText } from './input-checks.js';

/**
 * Input of `changePassword`.
 *
 * @example
 * ```ts
 * const input: ChangePasswordInput = { accessToken, previousPassword: 'Old-Passw0rd!', newPassword: 'N3w-Passw0rd!' };
 * ```
 */
export interface ChangePasswordInput {
  readonly accessToken: string;
  /** The current password; leave it out only for a passwordless user setting a first password. */
  readonly previousPassword?: string;
  readonly newPassword: string;
}

/**
 * Changes the signed-in user's password (ChangePassword). A wrong previous password is `NotAuthorized`,
 * a new one the policy rejects is `InvalidPassword`.
 *
 * @example
 * ```ts
 * const changed = await changePassword(context, { accessToken, previousPassword, newPassword });
 * ```
 */
export function changePassword(
  context: AuthContext,
  input: ChangePasswordInput,
): ResultAsync<void, ChangePasswordError> {
  const accessToken = requireText(input?.accessToken, 'accessToken');
  if (accessToken.isErr()) return errAsync(accessToken.error);
  const previous = optionalText(input.previousPassword, 'previousPassword');
  if (previous.isErr()) return errAsync(previous.error);
  const proposed = requireText(input.newPassword, 'newPassword');
  if (proposed.isErr()) return errAsync(proposed.error);
  return context
    .transport(
      'ChangePassword',
      {
        AccessToken: accessToken.value,
        ...(previous.value !== undefined ? { PreviousPassword: previous.value } : {}),
        ProposedPassword: proposed.value,
      },
      { secrets: [accessToken.value, previous.value, proposed.value] },
    )
    .map(() => undefined)
    .mapErr((error) => narrowError(error, CHANGE_PASSWORD_ERRORS));
}
