import { errAsync, type ResultAsync } from 'neverthrow';
import { narrowError } from '../../errors/narrow.js';
import type { AuthContext } from '../context.js';
import { ACCOUNT_ERRORS, type AccountError } from './account-errors.js';
import { type CodeDeliveryResult, codeDeliveryField } from './code-delivery.js';
import { clientMetadataField, optionalStringMap, requireText } from './input-checks.js';

/**
 * Input of `sendAttributeVerificationCode`.
 *
 * @example
 * ```ts
 * const input: SendAttributeVerificationCodeInput = { accessToken, attributeName: 'email' };
 * ```
 */
export interface SendAttributeVerificationCodeInput {
  readonly accessToken: string;
  /** `email` or `phone_number`. */
  readonly attributeName: string;
  /** Passed to the pool's Lambda triggers (e.g. the custom message trigger). */
  readonly clientMetadata?: Readonly<Record<string, string>>;
}

/**
 * Has Cognito send a code that verifies an attribute of the signed-in user
 * (GetUserAttributeVerificationCode); confirm it with `verifyAttribute`.
 *
 * @example
 * ```ts
 * const sent = await sendAttributeVerificationCode(context, { accessToken, attributeName: 'email' });
 * ```
 */
export function sendAttributeVerificationCode(
  context: AuthContext,
  input: SendAttributeVerificationCodeInput,
): ResultAsync<CodeDeliveryResult, AccountError> {
  const accessToken = requireText(input?.accessToken, 'accessToken');
  if (accessToken.isErr()) return errAsync(accessToken.error);
  const attributeName = requireText(input.attributeName, 'attributeName');
  if (attributeName.isErr()) return errAsync(attributeName.error);
  const metadata = optionalStringMap(input.clientMetadata, 'clientMetadata');
  if (metadata.isErr()) return errAsync(metadata.error);
  return context
    .transport(
      'GetUserAttributeVerificationCode',
      {
        AccessToken: accessToken.value,
        AttributeName: attributeName.value,
        ...clientMetadataField(metadata.value),
      },
      { secrets: [accessToken.value] },
    )
    .map((output) => codeDeliveryField(output?.CodeDeliveryDetails))
    .mapErr((error) => narrowError(error, ACCOUNT_ERRORS));
}
