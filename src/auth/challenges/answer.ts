import { err, errAsync, ok, type Result, type ResultAsync } from 'neverthrow';
import { makeError } from '../../errors/make-error.js';
import type { CognitoError, InvalidStepError, SessionExpiredError } from '../../errors/types.js';
import { advance } from '../advance.js';
import type { AuthContext } from '../context.js';
import { loadDevice } from '../flows/sign-in.js';
import { respondToChallenge } from '../respond.js';
import { parseStep } from '../resume-step.js';
import type { ChallengeStep, SignInStep, StepName } from '../steps.js';

/** How a transition answers its step. */
export interface StepAnswer {
  /** The step kind this transition accepts (checked at run time too, for untyped callers). */
  readonly expected: StepName;
  /** Cognito's challenge name for the response. */
  readonly challengeName: string;
  readonly responses: Readonly<Record<string, string>>;
  readonly secrets?: readonly (string | undefined)[];
  readonly clientMetadata?: Readonly<Record<string, string>>;
}

/**
 * Re-validates a step handed to a transition: its shape, app client and expiry (as `resume` does) and
 * that it is of the `expected` kind — for callers whose types were bypassed.
 *
 * @example
 * ```ts
 * const valid = validateStep(context, step, 'NEW_PASSWORD_REQUIRED');
 * ```
 */
export function validateStep(
  context: AuthContext,
  step: unknown,
  expected: StepName,
): Result<ChallengeStep, InvalidStepError | SessionExpiredError> {
  const { config } = context;
  return parseStep(step, { clientId: config.clientId, now: config.now() }).andThen((valid) =>
    valid.step === expected && 'session' in valid
      ? ok(valid)
      : err(makeError('InvalidStep', `Expected a ${expected} step, got ${valid.step}`)),
  );
}

/**
 * Answers a challenge step: re-validates it (shape, app client, expiry, kind) without a request on
 * failure, sends RespondToAuthChallenge, and carries the sign-in on to the next step the caller sees.
 *
 * @example
 * ```ts
 * answerStep(context, step, { expected: 'CUSTOM_CHALLENGE', challengeName: 'CUSTOM_CHALLENGE', responses: { ANSWER: '42' } });
 * ```
 */
export function answerStep(
  context: AuthContext,
  step: ChallengeStep,
  answer: StepAnswer,
): ResultAsync<SignInStep, CognitoError> {
  const { config } = context;
  const checked = validateStep(context, step, answer.expected);
  if (checked.isErr()) return errAsync(checked.error);
  const valid = checked.value;
  return loadDevice(context, valid.username).andThen((device) => {
    const state = {
      username: valid.username,
      deviceName: config.deviceName,
      ...(device ? { device } : {}),
      ...(answer.clientMetadata ? { clientMetadata: answer.clientMetadata } : {}),
    };
    return respondToChallenge(context, state, {
      challengeName: answer.challengeName,
      session: valid.session,
      username: valid.challengeUsername,
      responses: answer.responses,
      ...(answer.secrets ? { secrets: answer.secrets } : {}),
    }).andThen((response) => advance(context, state, response));
  });
}
