import { errAsync, type ResultAsync } from 'neverthrow';
import { narrowError } from '../../errors/narrow.js';
import type { AuthContext } from '../context.js';
import { ACCOUNT_ERRORS, type AccountError } from './account-errors.js';
import { invalidInput, requireText } from './input-checks.js';

/**
 * Input of `deleteUserAttributes`.
 *
 * @example
 * ```ts
 * const input: DeleteUserAttributesInput = { accessToken, attributeNames: ['nickname', 'custom:plan'] };
 * ```
 */
export interface DeleteUserAttributesInput {
  readonly accessToken: string;
  /** The attribute names to delete (custom ones with their `custom:` prefix); at least one. */
  readonly attributeNames: readonly string[];
}

/**
 * Deletes attributes of the signed-in user (DeleteUserAttributes).
 *
 * @example
 * ```ts
 * const deleted = await deleteUserAttributes(context, { accessToken, attributeNames: ['nickname'] });
 * ```
 */
export function deleteUserAttributes(
  context: AuthContext,
  input: DeleteUserAttributesInput,
): ResultAsync<void, AccountError> {
  const accessToken = requireText(input?.accessToken, 'accessToken');
  if (accessToken.isErr()) return errAsync(accessToken.error);
  const names: unknown = input.attributeNames;
  if (
    !Array.isArray(names) ||
    names.length === 0 ||
    !names.every((name) => typeof name === 'string' && name.length > 0)
  ) {
    return errAsync(invalidInput('attributeNames must be a non-empty list of attribute names'));
  }
  return context
    .transport(
      'DeleteUserAttributes',
      { AccessToken: accessToken.value, UserAttributeNames: [...(names as string[])] },
      { secrets: [accessToken.value] },
    )
    .map(() => undefined)
    .mapErr((error) => narrowError(error, ACCOUNT_ERRORS));
}
