import type { ChallengeResult, StringMap } from './common-types.js';
import { TriggerError } from './trigger-error.js';

type Fields = Record<string, unknown>;

/**
 * A validated trigger event: its own fields, plus `request` as an object (the response is always
 * written afresh).
 *
 * @example
 * ```ts
 * const { event, request } = checkEvent(raw, 'preSignUp', 'Pre sign-up', ['PreSignUp_SignUp']);
 * ```
 */
export interface CheckedEvent {
  readonly event: Fields;
  readonly request: Fields;
  readonly triggerSource: string;
}

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks the fields every trigger event has and that `triggerSource` is one this helper handles; throws a
 * {@link TriggerError} that says which trigger the handler belongs to otherwise.
 *
 * @example
 * ```ts
 * checkEvent(event, 'verifyAuthChallenge', 'Verify auth challenge response', ['VerifyAuthChallengeResponse_Authentication']);
 * ```
 */
export function checkEvent(
  event: unknown,
  helper: string,
  triggerName: string,
  sources: readonly string[],
): CheckedEvent {
  const fail = (message: string): never => {
    throw new TriggerError(helper, 'event', message);
  };
  if (!isObject(event))
    return fail('the event is not an object: is this function a Cognito user-pool trigger?');
  const source = event.triggerSource;
  if (typeof source !== 'string' || !sources.includes(source)) {
    return fail(
      `received triggerSource ${JSON.stringify(source)}, but this handler belongs to the ${triggerName} trigger (${sources.join(', ')})`,
    );
  }
  if (typeof event.userPoolId !== 'string' || event.userPoolId === '') fail('userPoolId is missing');
  if (!isObject(event.callerContext) || typeof event.callerContext.clientId !== 'string') {
    fail('callerContext.clientId is missing');
  }
  if (!isObject(event.request)) fail('request is missing');
  if (event.response !== undefined && event.response !== null && !isObject(event.response)) {
    fail('response is not an object');
  }
  return { event, request: event.request as Fields, triggerSource: source };
}

/**
 * A map of strings at `path`; throws a {@link TriggerError} when it is not one. `optional` accepts a
 * missing or `null` value (as Cognito sends absent client metadata).
 *
 * @example
 * ```ts
 * const attributes = stringMapAt(request.userAttributes, 'request.userAttributes', 'preSignUp');
 * ```
 */
export function stringMapAt(value: unknown, path: string, helper: string): StringMap;
export function stringMapAt(
  value: unknown,
  path: string,
  helper: string,
  optional: true,
): StringMap | undefined;
export function stringMapAt(
  value: unknown,
  path: string,
  helper: string,
  optional = false,
): StringMap | undefined {
  if (optional && (value === undefined || value === null)) return undefined;
  if (!isObject(value)) throw new TriggerError(helper, 'event', `${path} is missing or not an object`);
  const bad = Object.entries(value).find(([, v]) => typeof v !== 'string');
  if (bad) throw new TriggerError(helper, 'event', `${path}.${bad[0]} is not a string`);
  return value as StringMap;
}

/**
 * The `request.session` list of the auth-challenge triggers, checked entry by entry.
 *
 * @example
 * ```ts
 * const session = sessionAt(request.session, 'defineAuthChallenge');
 * ```
 */
export function sessionAt(value: unknown, helper: string): readonly ChallengeResult[] {
  if (!Array.isArray(value))
    throw new TriggerError(helper, 'event', 'request.session is missing or not a list');
  value.forEach((entry: unknown, index) => {
    if (
      !isObject(entry) ||
      typeof entry.challengeName !== 'string' ||
      typeof entry.challengeResult !== 'boolean' ||
      (entry.challengeMetadata !== undefined &&
        entry.challengeMetadata !== null &&
        typeof entry.challengeMetadata !== 'string')
    ) {
      throw new TriggerError(helper, 'event', `request.session[${index}] is not a challenge result`);
    }
  });
  return value as ChallengeResult[];
}

/**
 * A boolean field that Cognito may leave out or send as `null` (then `false`).
 *
 * @example
 * ```ts
 * const userNotFound = flagAt(request.userNotFound, 'request.userNotFound', 'defineAuthChallenge');
 * ```
 */
export function flagAt(value: unknown, path: string, helper: string): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') throw new TriggerError(helper, 'event', `${path} is not a boolean`);
  return value;
}

/**
 * Checks what a callback returned is a map of strings; throws a {@link TriggerError} of kind `response`.
 *
 * @example
 * ```ts
 * const publicParameters = returnedStringMap(created.publicParameters, 'publicParameters', 'createAuthChallenge');
 * ```
 */
export function returnedStringMap(value: unknown, name: string, helper: string): StringMap {
  if (value === undefined) return {};
  if (!isObject(value)) throw new TriggerError(helper, 'response', `${name} must be an object of strings`);
  const bad = Object.entries(value).find(([, v]) => typeof v !== 'string');
  if (bad) {
    throw new TriggerError(
      helper,
      'response',
      `${name}.${bad[0]} must be a string (Cognito accepts only strings here)`,
    );
  }
  return value as StringMap;
}

/**
 * Checks a returned list of non-empty strings; throws a {@link TriggerError} of kind `response`.
 *
 * @example
 * ```ts
 * const suppress = returnedStringList(customization.suppressClaims, 'suppressClaims', 'preTokenGeneration');
 * ```
 */
export function returnedStringList(value: unknown, name: string, helper: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string' && item !== '')) {
    throw new TriggerError(helper, 'response', `${name} must be a list of non-empty strings`);
  }
  return [...(value as string[])];
}
