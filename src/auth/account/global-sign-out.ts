import { errAsync, type ResultAsync } from 'neverthrow';
import { narrowError } from '../../errors/narrow.js';
import type { AuthContext } from '../context.js';
import { ACCOUNT_ERRORS, type AccountError } from './account-errors.js';
import type { AccessTokenInput } from './get-user.js';
import { requireText } from './input-checks.js';

/**
 * Signs the user out everywhere (GlobalSignOut): every refresh token of the user is revoked, and the
 * access tokens stop working for Cognito's user calls (other services keep accepting them until they
 * expire unless they check revocation).
 *
 * @example
 * ```ts
 * const out = await globalSignOut(context, { accessToken });
 * ```
 */
export function globalSignOut(
  context: AuthContext,
  input: AccessTokenInput,
): ResultAsync<void, AccountError> {
  const accessToken = requireText(input?.accessToken, 'accessToken');
  if (accessToken.isErr()) return errAsync(accessToken.error);
  return context
    .transport('GlobalSignOut', { AccessToken: accessToken.value }, { secrets: [accessToken.value] })
    .map(() => undefined)
    .mapErr((error) => narrowError(error, ACCOUNT_ERRORS));
}
