import { errAsync, type ResultAsync } from 'neverthrow';
import { makeError } from '../../errors/make-error.js';
import { narrowError } from '../../errors/narrow.js';
import type { AuthContext } from '../context.js';
import { type AnswerCustomChallengeError, CHALLENGE_ERRORS } from '../errors.js';
import type { SignInStep, Step } from '../steps.js';
import { answerStep } from './answer.js';

/**
 * Options of `answerCustomChallenge`.
 *
 * @example
 * ```ts
 * await auth.answerCustomChallenge(step, '42', { clientMetadata: { locale: 'en' } });
 * ```
 */
export interface AnswerCustomChallengeOptions {
  /** Passed to the Verify Auth Challenge Response trigger. */
  readonly clientMetadata?: Readonly<Record<string, string>>;
}

/**
 * Answers a CUSTOM_CHALLENGE with the user's answer (ANSWER); the next step may be another custom
 * challenge, `SIGNED_IN`, or an error such as `NotAuthorized` when the triggers fail the sign-in.
 *
 * @example
 * ```ts
 * answerCustomChallenge(context, step, '1234');
 * ```
 */
export function answerCustomChallenge(
  context: AuthContext,
  step: Step<'CUSTOM_CHALLENGE'>,
  answer: string,
  options: AnswerCustomChallengeOptions = {},
): ResultAsync<SignInStep, AnswerCustomChallengeError> {
  if (typeof answer !== 'string') {
    return errAsync(makeError('InvalidParameter', 'answer must be a string'));
  }
  return answerStep(context, step, {
    expected: ['CUSTOM_CHALLENGE'],
    challengeName: 'CUSTOM_CHALLENGE',
    responses: { ANSWER: answer },
    ...(options.clientMetadata ? { clientMetadata: options.clientMetadata } : {}),
  }).mapErr((error) => narrowError(error, CHALLENGE_ERRORS));
}
