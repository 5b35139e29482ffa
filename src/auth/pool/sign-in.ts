import type { ResultAsync } from 'neverthrow';
import type { SignInError } from '../errors.js';
import { signIn as signInFlow } from '../flows/sign-in.js';
import type { SignInInput } from '../flows/sign-in-input.js';
import type { SignInStep } from '../steps.js';
import { type UserPool, withPool } from '../user-pool.js';

/**
 * Starts a sign-in — USER_SRP_AUTH unless `flow` says `USER_PASSWORD_AUTH`, `CUSTOM_AUTH` or `USER_AUTH` —
 * and answers with the first step the caller must see: `SIGNED_IN`, a challenge to answer, or
 * `CONFIRM_SIGN_UP` / `RESET_PASSWORD`. SRP's PASSWORD_VERIFIER and remembered-device authentication are
 * answered internally. The same sign-in as `AuthClient#signIn`, as a function a bundler can keep alone.
 *
 * @example
 * ```ts
 * import { signIn, userPool } from 'cognito-flow/browser';
 * const pool = userPool({ userPoolId: 'eu-west-1_AbC123', clientId: '1example' });
 * const step = await signIn(pool, { username: 'alice', password }); // SRP: the password never leaves
 * if (step.isOk() && step.value.step === 'SIGNED_IN') console.log(step.value.tokens.expiresAt);
 * ```
 */
export function signIn(pool: UserPool, input: SignInInput): ResultAsync<SignInStep, SignInError> {
  return withPool(pool, (context) => signInFlow(context, input));
}
