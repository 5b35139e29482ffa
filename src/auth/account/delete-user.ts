import { errAsync, type ResultAsync } from 'neverthrow';
import { narrowError } from '../../errors/narrow.js';
import type { AuthContext } from '../context.js';
import { ACCOUNT_ERRORS, type AccountError } from './account-errors.js';
import type { AccessTokenInput } from './get-user.js';
import { requireText } from './input-checks.js';

/**
 * Deletes the signed-in user's own account (DeleteUser). There is no undo.
 *
 * @example
 * ```ts
 * const deleted = await deleteUser(context, { accessToken });
 * if (deleted.isOk()) await session.signOut();
 * ```
 */
export function deleteUser(context: AuthContext, input: AccessTokenInput): ResultAsync<void, AccountError> {
  const accessToken = requireText(input?.accessToken, 'accessToken');
  if (accessToken.isErr()) return errAsync(accessToken.error);
  return context
    .transport('DeleteUser', { AccessToken: accessToken.value }, { secrets: [accessToken.value] })
    .map(() => undefined)
    .mapErr((error) => narrowError(error, ACCOUNT_ERRORS));
}
