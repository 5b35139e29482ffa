import { errAsync, type ResultAsync } from 'neverthrow';
import { narrowError } from '../../errors/narrow.js';
import type { AuthContext } from '../context.js';
import { VERIFY_ATTRIBUTE_ERRORS, type VerifyAttributeError } from './account-errors.js';
import { requireText } from './input-checks.js';

/**
 * Input of `verifyAttribute`.
 *
 * @example
 * ```ts
 * const input: VerifyAttributeInput = { accessToken, attributeName: 'email', code: '123456' };
 * ```
 */
export interface VerifyAttributeInput {
  readonly accessToken: string;
  /** `email` or `phone_number`. */
  readonly attributeName: string;
  /** The code Cognito sent to it. */
  readonly code: string;
}

/**
 * Verifies an attribute of the signed-in user with the code Cognito sent (VerifyUserAttribute);
 * afterwards `email_verified` / `phone_number_verified` is true.
 *
 * @example
 * ```ts
 * const verified = await verifyAttribute(context, { accessToken, attributeName: 'email', code: '123456' });
 * ```
 */
export function verifyAttribute(
  context: AuthContext,
  input: VerifyAttributeInput,
): ResultAsync<void, VerifyAttributeError> {
  const accessToken = requireText(input?.accessToken, 'accessToken');
  if (accessToken.isErr()) return errAsync(accessToken.error);
  const attributeName = requireText(input.attributeName, 'attributeName');
  if (attributeName.isErr()) return errAsync(attributeName.error);
  const code = requireText(input.code, 'code');
  if (code.isErr()) return errAsync(code.error);
  return context
    .transport(
      'VerifyUserAttribute',
      { AccessToken: accessToken.value, AttributeName: attributeName.value, Code: code.value },
      { secrets: [accessToken.value, code.value] },
    )
    .map(() => undefined)
    .mapErr((error) => narrowError(error, VERIFY_ATTRIBUTE_ERRORS));
}
