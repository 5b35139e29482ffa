import { errAsync, type ResultAsync } from 'neverthrow';
import { makeError } from '../../errors/make-error.js';
import { narrowError } from '../../errors/narrow.js';
import type { AuthContext } from '../context.js';
import { CHALLENGE_ERRORS, type ChallengeError } from '../errors.js';
import type { ChallengeStep, SignInStep } from '../steps.js';
import { answerStep } from './answer.js';

/** Keys cognito-flow adds itself; a caller giving them would fight the library. */
const RESERVED = new Set(['USERNAME', 'SECRET_HASH', 'DEVICE_KEY']);

/**
 * The escape hatch: answers any challenge step — above all `UNSUPPORTED_CHALLENGE`, a challenge this
 * version has no dedicated step for — with raw ChallengeResponses. USERNAME, SECRET_HASH and
 * DEVICE_KEY are added as usual.
 *
 * @example
 * ```ts
 * respondToChallengeStep(context, step, { ANSWER: 'yes' });
 * ```
 */
export function respondToChallengeStep(
  context: AuthContext,
  step: ChallengeStep,
  responses: Readonly<Record<string, string>>,
): ResultAsync<SignInStep, ChallengeError> {
  if (
    typeof responses !== 'object' ||
    responses === null ||
    !Object.values(responses).every((value) => typeof value === 'string')
  ) {
    return errAsync(makeError('InvalidParameter', 'responses must map names to strings'));
  }
  const reserved = Object.keys(responses).filter((name) => RESERVED.has(name));
  if (reserved.length > 0) {
    return errAsync(makeError('InvalidParameter', `cognito-flow sets ${reserved.join(', ')} itself`));
  }
  if (typeof step?.step !== 'string') return errAsync(makeError('InvalidStep', 'Not a sign-in step'));
  const challengeName = step.step === 'UNSUPPORTED_CHALLENGE' ? step.challengeName : step.step;
  return answerStep(context, step, {
    expected: [step.step],
    challengeName,
    responses,
    secrets: Object.values(responses),
  }).mapErr((error) => narrowError(error, CHALLENGE_ERRORS));
}
