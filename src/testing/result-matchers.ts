import type { StepName } from '../auth/steps.js';
import type { CognitoError } from '../errors/types.js';
import { redactedDisplay } from './redacted-display.js';

/**
 * What a matcher reports: whether it passed, and the message for when the assertion fails (the
 * message for `.not` when it passed).
 *
 * @example
 * ```ts
 * const outcome: MatcherOutcome = checkOk(result);
 * if (!outcome.pass) console.log(outcome.message());
 * ```
 */
export interface MatcherOutcome {
  readonly pass: boolean;
  readonly message: () => string;
}

type Inspected =
  | { readonly kind: 'ok'; readonly value: unknown }
  | { readonly kind: 'err'; readonly error: unknown }
  | { readonly kind: 'pending' }
  | { readonly kind: 'other' };

/** Looks at a neverthrow Result without trusting its shape (anything may be passed to `expect`). */
function inspect(received: unknown): Inspected {
  if (typeof received !== 'object' || received === null) return { kind: 'other' };
  const r = received as { isOk?: unknown; isErr?: unknown; value?: unknown; error?: unknown; then?: unknown };
  if (typeof r.isOk === 'function' && typeof r.isErr === 'function') {
    return (r.isOk as () => boolean).call(received)
      ? { kind: 'ok', value: r.value }
      : { kind: 'err', error: r.error };
  }
  if (typeof r.then === 'function') return { kind: 'pending' };
  return { kind: 'other' };
}

/** How a received value is shown in a message: `Ok(...)`, `Err(...)`, with secrets redacted. */
function shown(received: unknown, inspected = inspect(received)): string {
  switch (inspected.kind) {
    case 'ok':
      return `Ok(${redactedDisplay(inspected.value)})`;
    case 'err':
      return `Err(${redactedDisplay(inspected.error)})`;
    case 'pending':
      return 'a ResultAsync or Promise (await it before asserting)';
    case 'other':
      return `${redactedDisplay(received)}, which is not a Result`;
  }
}

const typeOf = (error: unknown) =>
  typeof error === 'object' && error !== null ? (error as { type?: unknown }).type : undefined;
const stepOf = (value: unknown) =>
  typeof value === 'object' && value !== null ? (value as { step?: unknown }).step : undefined;

/**
 * The check behind `toBeOk()`: the received value is an `Ok` Result.
 *
 * @example
 * ```ts
 * checkOk(ok(1)).pass; // true
 * ```
 */
export function checkOk(received: unknown): MatcherOutcome {
  const inspected = inspect(received);
  const pass = inspected.kind === 'ok';
  return {
    pass,
    message: () =>
      pass
        ? `expected a Result that is not Ok, got ${shown(received, inspected)}`
        : `expected an Ok Result, got ${shown(received, inspected)}`,
  };
}

/**
 * The check behind `toBeErr()`: the received value is an `Err` Result.
 *
 * @example
 * ```ts
 * checkErr(err({ type: 'NotAuthorized' })).pass; // true
 * ```
 */
export function checkErr(received: unknown): MatcherOutcome {
  const inspected = inspect(received);
  const pass = inspected.kind === 'err';
  return {
    pass,
    message: () =>
      pass
        ? `expected a Result that is not Err, got ${shown(received, inspected)}`
        : `expected an Err Result, got ${shown(received, inspected)}`,
  };
}

/**
 * The check behind `toBeErrType(type)`: an `Err` whose error has that `type` tag.
 *
 * @example
 * ```ts
 * checkErrType(result, 'CodeMismatch').pass;
 * ```
 */
export function checkErrType(received: unknown, type: CognitoError['type']): MatcherOutcome {
  const inspected = inspect(received);
  const pass = inspected.kind === 'err' && typeOf(inspected.error) === type;
  return {
    pass,
    message: () =>
      pass
        ? `expected a Result that is not Err of type ${type}, got ${shown(received, inspected)}`
        : `expected Err of type ${type}, got ${shown(received, inspected)}`,
  };
}

/**
 * The check behind `toBeAtStep(step)`: an `Ok` sign-in step (or a bare step) named `step`.
 *
 * @example
 * ```ts
 * checkStep(await auth.signIn(input), 'NEW_PASSWORD_REQUIRED').pass;
 * ```
 */
export function checkStep(received: unknown, step: StepName): MatcherOutcome {
  const inspected = inspect(received);
  const actual =
    inspected.kind === 'ok'
      ? stepOf(inspected.value)
      : inspected.kind === 'other'
        ? stepOf(received)
        : undefined;
  const pass = actual === step;
  const got =
    inspected.kind === 'other' && typeof actual === 'string'
      ? redactedDisplay(received)
      : shown(received, inspected);
  return {
    pass,
    message: () =>
      pass ? `expected a step other than ${step}, got ${got}` : `expected step ${step}, got ${got}`,
  };
}
