import type { ResultAsync } from 'neverthrow';
import type { AuthContext } from '../context.js';
import type { ResendSignUpCodeError } from './account-errors.js';
import type { CodeDeliveryResult } from './code-delivery.js';
import { type SendCodeInput, sendCode } from './send-code.js';

/**
 * Sends the sign-up confirmation code again (ResendConfirmationCode), with SECRET_HASH when the app
 * client has a secret, and says where it went.
 *
 * @example
 * ```ts
 * const sent = await resendSignUpCode(context, { username: 'alice' });
 * if (sent.isOk()) console.log(sent.value.codeDelivery?.destination);
 * ```
 */
export function resendSignUpCode(
  context: AuthContext,
  input: SendCodeInput,
): ResultAsync<CodeDeliveryResult, ResendSignUpCodeError> {
  return sendCode(context, 'ResendConfirmationCode', input);
}
