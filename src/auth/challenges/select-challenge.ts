import { errAsync, type ResultAsync } from 'neverthrow';
import { makeError } from '../../errors/make-error.js';
import { narrowError } from '../../errors/narrow.js';
import type { CognitoError } from '../../errors/types.js';
import { safeStartSrp } from '../advance.js';
import type { AuthContext } from '../context.js';
import { CHALLENGE_ERRORS, type ChallengeError } from '../errors.js';
import type { FirstFactor, SignInStep, Step } from '../steps.js';
import { answerStep } from './answer.js';

/**
 * Options of `selectChallenge`.
 *
 * @example
 * ```ts
 * await auth.selectChallenge(step, 'PASSWORD_SRP', { password });
 * ```
 */
export interface SelectChallengeOptions {
  /** Required for `PASSWORD` and `PASSWORD_SRP`. */
  readonly password?: string;
  readonly clientMetadata?: Readonly<Record<string, string>>;
}

/**
 * Answers SELECT_CHALLENGE (choice-based `USER_AUTH`) with a first factor from `availableChallenges`:
 * `PASSWORD` (sends the password), `PASSWORD_SRP` (SRP: the password never leaves; the verifier is
 * answered internally), `EMAIL_OTP` / `SMS_OTP` (Cognito sends a code: the next step takes it) or
 * `WEB_AUTHN` (the next step carries the passkey request options).
 *
 * @example
 * ```ts
 * selectChallenge(context, step, 'EMAIL_OTP');
 * ```
 */
export function selectChallenge(
  context: AuthContext,
  step: Step<'SELECT_CHALLENGE'>,
  choice: FirstFactor,
  options: SelectChallengeOptions = {},
): ResultAsync<SignInStep, ChallengeError> {
  const available = Array.isArray(step?.availableChallenges) ? step.availableChallenges : [];
  if (!available.includes(choice)) {
    return errAsync(
      makeError('InvalidParameter', `Choose one of ${available.join(', ') || '(none offered)'}`),
    );
  }
  const { password, clientMetadata } = options;
  const common = {
    expected: ['SELECT_CHALLENGE'] as const,
    challengeName: 'SELECT_CHALLENGE',
    ...(clientMetadata ? { clientMetadata } : {}),
  };
  if (choice === 'PASSWORD' || choice === 'PASSWORD_SRP') {
    if (typeof password !== 'string' || password.length === 0) {
      return errAsync(makeError('InvalidParameter', `${choice} needs the password`));
    }
  }
  let answer: ResultAsync<SignInStep, CognitoError>;
  if (choice === 'PASSWORD') {
    answer = answerStep(context, step, {
      ...common,
      responses: { ANSWER: choice, PASSWORD: password ?? '' },
      secrets: [password],
    });
  } else if (choice === 'PASSWORD_SRP') {
    const started = safeStartSrp(context);
    if (started.isErr()) return errAsync(started.error);
    answer = answerStep(context, step, {
      ...common,
      responses: { ANSWER: choice, SRP_A: started.value.srpA },
      state: { password: password ?? '', srpSecret: started.value },
      secrets: [password],
    });
  } else {
    answer = answerStep(context, step, { ...common, responses: { ANSWER: choice } });
  }
  return answer.mapErr((error) => narrowError(error, CHALLENGE_ERRORS));
}
