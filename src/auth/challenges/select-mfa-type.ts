import { errAsync, type ResultAsync } from 'neverthrow';
import { makeError } from '../../errors/make-error.js';
import { narrowError } from '../../errors/narrow.js';
import type { AuthContext } from '../context.js';
import { CHALLENGE_ERRORS, type ChallengeError } from '../errors.js';
import type { MfaType, SignInStep, Step } from '../steps.js';
import { answerStep } from './answer.js';

/**
 * Answers SELECT_MFA_TYPE with one of the step's `allowedTypes`; Cognito then sends that method's code
 * step. A type the step does not allow is rejected locally.
 *
 * @example
 * ```ts
 * selectMfaType(context, step, 'SOFTWARE_TOKEN_MFA');
 * ```
 */
export function selectMfaType(
  context: AuthContext,
  step: Step<'SELECT_MFA_TYPE'>,
  type: MfaType,
): ResultAsync<SignInStep, ChallengeError> {
  const allowed = Array.isArray(step?.allowedTypes) ? step.allowedTypes : [];
  if (!allowed.includes(type)) {
    return errAsync(
      makeError('InvalidParameter', `MFA type must be one of ${allowed.join(', ') || '(none offered)'}`),
    );
  }
  return answerStep(context, step, {
    expected: ['SELECT_MFA_TYPE'],
    challengeName: 'SELECT_MFA_TYPE',
    responses: { ANSWER: type },
  }).mapErr((error) => narrowError(error, CHALLENGE_ERRORS));
}
