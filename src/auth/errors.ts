import { SERVICE_ERROR_TAGS } from '../errors/service-errors.js';
import type {
  CodeMismatchError,
  ExpiredCodeError,
  InvalidPasswordError,
  InvalidStepError,
  MissingRequiredAttributesError,
  NotAuthorizedError,
  ServiceError,
  SessionExpiredError,
  SrpAbortedError,
  UserNotFoundError,
} from '../errors/types.js';

/**
 * The errors `signIn` can return. (Unconfirmed users and required resets are steps, not errors; so is a
 * challenge this version has no dedicated step for: `UNSUPPORTED_CHALLENGE`.)
 *
 * @example
 * ```ts
 * if (step.isErr() && step.error.type === 'NotAuthorized') showWrongPassword();
 * ```
 */
export type SignInError = NotAuthorizedError | UserNotFoundError | SrpAbortedError | ServiceError;

/** The error tags an SDK failure of `signIn` is kept as (anything else becomes `Unexpected`). */
export const SIGN_IN_ERRORS = [
  'NotAuthorized',
  'UserNotFound',
  'SrpAborted',
  ...SERVICE_ERROR_TAGS,
] as const satisfies readonly SignInError['type'][];

/**
 * The errors answering a challenge step can return: a wrong or expired code, a stale, foreign or
 * already-answered step, a weak password, and whatever a sign-in can meet.
 *
 * @example
 * ```ts
 * const next = await auth.submitCode(step, code);
 * if (next.isErr() && next.error.type === 'CodeMismatch') askAgain();
 * ```
 */
export type ChallengeError =
  | SignInError
  | CodeMismatchError
  | ExpiredCodeError
  | SessionExpiredError
  | InvalidStepError
  | InvalidPasswordError;

/** The error tags an SDK failure of a challenge response is kept as. */
export const CHALLENGE_ERRORS = [
  ...SIGN_IN_ERRORS,
  'CodeMismatch',
  'ExpiredCode',
  'SessionExpired',
  'InvalidStep',
  'InvalidPassword',
] as const satisfies readonly ChallengeError['type'][];

/**
 * The errors `completeNewPassword` can return.
 *
 * @example
 * ```ts
 * if (done.isErr() && done.error.type === 'InvalidPassword') askForAStrongerPassword();
 * ```
 */
export type CompleteNewPasswordError = ChallengeError | MissingRequiredAttributesError;

/**
 * The errors `answerCustomChallenge` can return.
 *
 * @example
 * ```ts
 * if (next.isErr() && next.error.type === 'NotAuthorized') console.log('wrong answer too many times');
 * ```
 */
export type AnswerCustomChallengeError = ChallengeError;

/**
 * The errors `resume` can return.
 *
 * @example
 * ```ts
 * if (step.isErr() && step.error.type === 'SessionExpired') restartSignIn();
 * ```
 */
export type ResumeError = InvalidStepError | SessionExpiredError;

/**
 * Any error a step of a sign-in can end with: handy for a variable that holds the latest step.
 *
 * @example
 * ```ts
 * let step: Result<SignInStep, SignInFlowError> = await auth.signIn(input);
 * if (step.isOk() && step.value.step === 'NEW_PASSWORD_REQUIRED') step = await auth.completeNewPassword(step.value, pw);
 * ```
 */
export type SignInFlowError = SignInError | ChallengeError | CompleteNewPasswordError;
