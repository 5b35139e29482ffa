import type { ResultAsync } from 'neverthrow';
import type { AuthContext } from '../context.js';
import type { ForgotPasswordError } from './account-errors.js';
import type { CodeDeliveryResult } from './code-delivery.js';
import { type SendCodeInput, sendCode } from './send-code.js';

/**
 * Starts a password reset (ForgotPassword): Cognito sends a code to the user's verified email or phone.
 * Finish with `confirmForgotPassword`. SECRET_HASH is sent when the app client has a secret.
 *
 * @example
 * ```ts
 * const sent = await forgotPassword(context, { username: 'alice' });
 * if (sent.isOk()) console.log(`Code sent to ${sent.value.codeDelivery?.destination}`);
 * ```
 */
export function forgotPassword(
  context: AuthContext,
  input: SendCodeInput,
): ResultAsync<CodeDeliveryResult, ForgotPasswordError> {
  return sendCode(context, 'ForgotPassword', input);
}
