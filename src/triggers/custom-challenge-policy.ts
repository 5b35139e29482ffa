import type { DefineAuthChallengeDecision, DefineAuthChallengeInput } from './define-auth-challenge.js';

/**
 * Options of {@link customChallengePolicy}.
 *
 * @example
 * ```ts
 * const options: CustomChallengePolicyOptions = { passwordFirst: true, maxAttempts: 3 };
 * ```
 */
export interface CustomChallengePolicyOptions {
  /** Ask for the password (SRP) before the custom challenges (`signIn({ username, password, flow: 'CUSTOM_AUTH' })`). Default false. */
  readonly passwordFirst?: boolean;
  /** Correct answers needed to sign in (default 1). */
  readonly rounds?: number;
  /** Wrong answers after which the sign-in fails (default 3). */
  readonly maxAttempts?: number;
}

const positiveInteger = (value: number | undefined, fallback: number, name: string): number => {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 1)
    throw new RangeError(`customChallengePolicy: ${name} must be a positive integer`);
  return n;
};

/**
 * The usual Define auth challenge policy, as a decision function for `defineAuthChallenge`:
 * fail for an unknown user; optionally the password first (`SRP_A`, then `PASSWORD_VERIFIER`, failing on a
 * wrong password); then `CUSTOM_CHALLENGE` until `rounds` correct answers (tokens) or `maxAttempts` wrong
 * ones (fail). A session holding any other challenge — e.g. a password step when `passwordFirst` is off —
 * fails, rather than letting a client choose its own way in. Invalid options throw when the policy is
 * built (at cold start), not per sign-in.
 *
 * @example
 * ```ts
 * export const handler = defineAuthChallenge(customChallengePolicy({ maxAttempts: 3 }));
 * ```
 */
export function customChallengePolicy(
  options: CustomChallengePolicyOptions = {},
): (input: DefineAuthChallengeInput) => DefineAuthChallengeDecision {
  const rounds = positiveInteger(options.rounds, 1, 'rounds');
  const maxAttempts = positiveInteger(options.maxAttempts, 3, 'maxAttempts');
  const passwordFirst = options.passwordFirst === true;
  return ({ userNotFound, session, correctAnswers, wrongAnswers }) => {
    if (userNotFound) return 'FAIL';
    let rest = session;
    if (passwordFirst) {
      const [srp, password] = session;
      if (!srp) return 'SRP_A';
      if (srp.challengeName !== 'SRP_A' || !srp.challengeResult) return 'FAIL';
      if (!password) return 'PASSWORD_VERIFIER';
      if (password.challengeName !== 'PASSWORD_VERIFIER' || !password.challengeResult) return 'FAIL';
      rest = session.slice(2);
    }
    if (rest.some((c) => c.challengeName !== 'CUSTOM_CHALLENGE')) return 'FAIL';
    if (correctAnswers >= rounds) return 'ISSUE_TOKENS';
    if (wrongAnswers >= maxAttempts) return 'FAIL';
    return 'CUSTOM_CHALLENGE';
  };
}
