import { err, errAsync, ok, okAsync, type Result, type ResultAsync } from 'neverthrow';
import { makeError } from '../../errors/make-error.js';
import type { CognitoError, InvalidStepError, SessionExpiredError } from '../../errors/types.js';
import { advance } from '../advance.js';
import type { AuthContext } from '../context.js';
import type { FlowState } from '../flow-state.js';
import { loadDevice } from '../flows/sign-in.js';
import { respondToChallenge } from '../respond.js';
import { parseStep } from '../resume-step.js';
import type { ChallengeStep, SignInStep, StepName } from '../steps.js';

/** How a transition answers its step. */
export interface StepAnswer {
  /** The step kinds this transition accepts (checked at run time too, for untyped callers). */
  readonly expected: readonly StepName[];
  /** Cognito's challenge name for the response. */
  readonly challengeName: string;
  readonly responses: Readonly<Record<string, string>>;
  readonly secrets?: readonly (string | undefined)[];
  readonly clientMetadata?: Readonly<Record<string, string>>;
  /** What the flow needs for internal challenges that may follow (password and SRP secret for PASSWORD_SRP). */
  readonly state?: Pick<FlowState, 'password' | 'srpSecret'>;
  /** The session to answer with, when an earlier call (VerifySoftwareToken) replaced the step's. */
  readonly session?: string;
}

/**
 * What identifies an answered step: its kind and session (a stand-in such as moto may reuse one session
 * across challenges; Cognito issues a new one with each).
 *
 * @example
 * ```ts
 * context.answered.add(answeredKey(step));
 * ```
 */
export function answeredKey(step: ChallengeStep): string {
  return `${step.step}:${step.session}`;
}

/**
 * Re-validates a step handed to a transition: its shape, app client and expiry (as `resume` does), that
 * it is of an `expected` kind — for callers whose types were bypassed — and that this client has not
 * answered it already.
 *
 * @example
 * ```ts
 * const valid = validateStep(context, step, ['NEW_PASSWORD_REQUIRED']);
 * ```
 */
export function validateStep(
  context: AuthContext,
  step: unknown,
  expected: readonly StepName[],
): Result<ChallengeStep, InvalidStepError | SessionExpiredError> {
  const { config } = context;
  const trusted = context.issued.has(step);
  return parseStep(step, {
    clientId: config.clientId,
    now: config.now(),
    origin: trusted ? 'trusted' : 'untrusted',
  }).andThen((valid) => {
    if (!expected.includes(valid.step) || !('session' in valid)) {
      return err(makeError('InvalidStep', `Expected a ${expected.join(' or ')} step, got ${valid.step}`));
    }
    if (context.answered.has(answeredKey(valid))) {
      return err(
        makeError(
          'InvalidStep',
          `This ${valid.step} step was already answered; continue with the step that answer returned`,
        ),
      );
    }
    // The copy is as trustworthy as the step it copies.
    return ok(trusted ? context.issued.add(valid) : valid);
  });
}

/**
 * Answers a challenge step: re-validates it (shape, app client, expiry, kind, not answered yet) without a
 * request on failure, sends RespondToAuthChallenge, remembers the session as answered once Cognito
 * accepts it, and carries the sign-in on to the next step the caller sees.
 *
 * @example
 * ```ts
 * answerStep(context, step, { expected: ['CUSTOM_CHALLENGE'], challengeName: 'CUSTOM_CHALLENGE', responses: { ANSWER: '42' } });
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
  const session = answer.session ?? valid.session;
  // A step nothing vouches for names no one: its device is not looked up (no DEVICE_KEY goes out), and
  // the user the next step names comes from Cognito's answer.
  const trusted = context.issued.has(valid);
  const device = trusted ? loadDevice(context, valid.username) : okAsync(undefined);
  return device.andThen((device) => {
    const state: FlowState = {
      username: valid.username,
      deviceName: config.deviceName,
      ...answer.state,
      ...(trusted ? {} : { identityFromCognito: true as const }),
      ...(trusted && valid.admin ? { admin: true } : {}),
      ...(device ? { device } : {}),
      ...(answer.clientMetadata ? { clientMetadata: answer.clientMetadata } : {}),
    };
    return respondToChallenge(context, state, {
      challengeName: answer.challengeName,
      session,
      username: valid.challengeUsername,
      responses: answer.responses,
      ...(answer.secrets ? { secrets: answer.secrets } : {}),
    }).andThen((response) => {
      context.answered.add(answeredKey(valid));
      return advance(context, state, response);
    });
  });
}
