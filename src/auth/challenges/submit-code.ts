import { errAsync, type ResultAsync } from 'neverthrow';
import { makeError } from '../../errors/make-error.js';
import { narrowError } from '../../errors/narrow.js';
import type { AuthContext } from '../context.js';
import { CHALLENGE_ERRORS, type ChallengeError } from '../errors.js';
import type { CodeStep, CodeStepName, SignInStep } from '../steps.js';
import { answerStep } from './answer.js';

/** The ChallengeResponses key of each code step. */
const CODE_KEYS: Readonly<Record<CodeStepName, string>> = {
  SMS_MFA: 'SMS_MFA_CODE',
  SOFTWARE_TOKEN_MFA: 'SOFTWARE_TOKEN_MFA_CODE',
  EMAIL_OTP: 'EMAIL_OTP_CODE',
  SMS_OTP: 'SMS_OTP_CODE',
};

/**
 * Answers a code step (SMS_MFA, SOFTWARE_TOKEN_MFA, EMAIL_OTP, SMS_OTP) with the user's one-time code.
 * A code that is not 4–10 digits (after removing spaces) is rejected locally, without a request.
 *
 * @example
 * ```ts
 * submitCode(context, step, '123456');
 * ```
 */
export function submitCode(
  context: AuthContext,
  step: CodeStep,
  code: string,
  options: { readonly clientMetadata?: Readonly<Record<string, string>> } = {},
): ResultAsync<SignInStep, ChallengeError> {
  const digits = typeof code === 'string' ? code.replace(/\s+/g, '') : '';
  if (!/^\d{4,10}$/.test(digits)) {
    return errAsync(makeError('InvalidParameter', 'The code must be 4 to 10 digits'));
  }
  const kind = typeof step?.step === 'string' && Object.hasOwn(CODE_KEYS, step.step) ? step.step : undefined;
  if (!kind)
    return errAsync(
      makeError('InvalidStep', 'submitCode answers SMS_MFA, SOFTWARE_TOKEN_MFA, EMAIL_OTP or SMS_OTP steps'),
    );
  return answerStep(context, step, {
    expected: [kind],
    challengeName: kind,
    responses: { [CODE_KEYS[kind]]: digits },
    secrets: [digits],
    ...(options.clientMetadata ? { clientMetadata: options.clientMetadata } : {}),
  }).mapErr((error) => narrowError(error, CHALLENGE_ERRORS));
}
