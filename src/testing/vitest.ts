/**
 * `cognito-flow/testing/vitest`: Vitest matchers for cognito-flow Results and sign-in steps. Importing
 * this module registers them (`expect.extend`) and types them on Vitest's `Assertion`; add it to
 * `setupFiles`, or import it at the top of a test file.
 *
 * @module cognito-flow/testing/vitest
 */
import { expect } from 'vitest';
import type { StepName } from '../auth/steps.js';
import type { CognitoError } from '../errors/types.js';
import { checkErr, checkErrType, checkOk, checkStep } from './result-matchers.js';

export type { MatcherOutcome } from './result-matchers.js';

/**
 * The matchers this module adds to Vitest's `expect`. Failure messages print the actual Result or step,
 * with sessions, tokens, passwords and secrets redacted.
 *
 * @example
 * ```ts
 * import 'cognito-flow/testing/vitest';
 *
 * expect(await auth.signIn({ username: 'alice', password })).toBeAtStep('NEW_PASSWORD_REQUIRED');
 * expect(await auth.submitCode(step, '000000')).toBeErrType('CodeMismatch');
 * ```
 */
export interface CognitoMatchers<R = unknown> {
  /** The value is an `Ok` Result. */
  toBeOk(): R;
  /** The value is an `Err` Result. */
  toBeErr(): R;
  /** The value is an `Err` Result whose error has this `type` tag. */
  toBeErrType(type: CognitoError['type']): R;
  /** The value is an `Ok` sign-in step (or a bare step) with this `step` name. */
  toBeAtStep(step: StepName): R;
}

declare module 'vitest' {
  // biome-ignore lint/suspicious/noExplicitAny: must repeat Vitest's own declaration to merge with it.
  interface Assertion<T = any> extends CognitoMatchers<T> {}
  interface AsymmetricMatchersContaining extends CognitoMatchers {}
}

/**
 * The matcher implementations, for `expect.extend(cognitoMatchers)` in a setup file of your own
 * (importing this module already does that).
 *
 * @example
 * ```ts
 * import { expect } from 'vitest';
 * import { cognitoMatchers } from 'cognito-flow/testing/vitest';
 * expect.extend(cognitoMatchers);
 * ```
 */
export const cognitoMatchers = {
  toBeOk: (received: unknown) => checkOk(received),
  toBeErr: (received: unknown) => checkErr(received),
  toBeErrType: (received: unknown, type: CognitoError['type']) => checkErrType(received, type),
  toBeAtStep: (received: unknown, step: StepName) => checkStep(received, step),
};

expect.extend(cognitoMatchers);
