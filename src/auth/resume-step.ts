import { err, ok, type Result } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import type { InvalidStepError, SessionExpiredError } from '../errors/types.js';
import type { ResumeError } from './errors.js';
import type { SignInStep } from './steps.js';

type Fields = Readonly<Record<string, unknown>>;

function invalid(message: string): InvalidStepError {
  return makeError('InvalidStep', message);
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isStringMap = (v: unknown): v is Record<string, string> =>
  typeof v === 'object' &&
  v !== null &&
  !Array.isArray(v) &&
  Object.values(v).every((x) => typeof x === 'string');

function checkTokens(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null) return 'tokens is missing';
  const t = v as Fields;
  if (!isString(t.idToken) || !isString(t.accessToken)) return 'tokens lack an ID or access token';
  if (t.refreshToken !== undefined && !isString(t.refreshToken)) return 'tokens.refreshToken is not a string';
  if (typeof t.expiresAt !== 'number' || !Number.isFinite(t.expiresAt))
    return 'tokens.expiresAt is not a number';
  if (!isString(t.tokenType)) return 'tokens.tokenType is missing';
  return undefined;
}

function checkNewDevice(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Fields;
  return (
    typeof d.confirmed === 'boolean' &&
    typeof d.userConfirmationNecessary === 'boolean' &&
    (d.reason === undefined || typeof d.reason === 'string')
  );
}

function checkChallengeBase(s: Fields): string | undefined {
  for (const key of ['username', 'challengeUsername', 'session'] as const) {
    if (!isString(s[key])) return `${key} is missing`;
  }
  if (typeof s.expiresAt !== 'number' || !Number.isFinite(s.expiresAt)) return 'expiresAt is not a number';
  return undefined;
}

function checkShape(s: Fields): string | undefined {
  switch (s.step) {
    case 'SIGNED_IN':
      return (
        (isString(s.username) ? checkTokens(s.tokens) : 'username is missing') ??
        (s.newDevice === undefined || checkNewDevice(s.newDevice) ? undefined : 'newDevice is malformed')
      );
    case 'CUSTOM_CHALLENGE':
      return (
        checkChallengeBase(s) ?? (isStringMap(s.parameters) ? undefined : 'parameters is not a string map')
      );
    case 'NEW_PASSWORD_REQUIRED':
      return (
        checkChallengeBase(s) ??
        (Array.isArray(s.requiredAttributes) && s.requiredAttributes.every(isString)
          ? undefined
          : 'requiredAttributes is not a list of names') ??
        (isStringMap(s.userAttributes) ? undefined : 'userAttributes is not a string map')
      );
    case 'CONFIRM_SIGN_UP':
    case 'RESET_PASSWORD':
      return isString(s.username) ? undefined : 'username is missing';
    default:
      return typeof s.step === 'string'
        ? `unknown step ${JSON.stringify(s.step.slice(0, 40))}`
        : `step is ${s.step === null ? 'null' : typeof s.step}, not a step name`;
  }
}

/**
 * Validates a step that travelled through JSON (e.g. sent to a browser and back): its shape, that it
 * belongs to the app client `clientId`, and that its Cognito session has not expired.
 *
 * @example
 * ```ts
 * const step = parseStep(JSON.parse(body), { clientId, now: Date.now() });
 * ```
 */
export function parseStep(
  value: unknown,
  context: { readonly clientId: string; readonly now: number },
): Result<SignInStep, ResumeError> {
  let data = value;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      return err(invalid('The step is not valid JSON'));
    }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return err(invalid('The step is not an object'));
  }
  const fields = data as Fields;
  const problem = checkShape(fields);
  if (problem) return err(invalid(`Not a valid sign-in step: ${problem}`));
  if (fields.step !== 'SIGNED_IN' && fields.clientId !== context.clientId) {
    return err(invalid('The step belongs to another app client'));
  }
  if (typeof fields.expiresAt === 'number' && fields.expiresAt <= context.now) {
    return err(sessionExpired());
  }
  return ok(copyStep(fields as unknown as SignInStep));
}

/** A fresh copy holding only the step's own fields (extra fields in the JSON are dropped). */
function copyStep(step: SignInStep): SignInStep {
  switch (step.step) {
    case 'SIGNED_IN': {
      const t = step.tokens;
      return {
        step: step.step,
        username: step.username,
        tokens: {
          idToken: t.idToken,
          accessToken: t.accessToken,
          ...(t.refreshToken !== undefined ? { refreshToken: t.refreshToken } : {}),
          expiresAt: t.expiresAt,
          tokenType: t.tokenType,
        },
        ...(step.newDevice
          ? {
              newDevice: {
                confirmed: step.newDevice.confirmed,
                userConfirmationNecessary: step.newDevice.userConfirmationNecessary,
                ...(step.newDevice.reason !== undefined ? { reason: step.newDevice.reason } : {}),
              },
            }
          : {}),
      };
    }
    case 'CUSTOM_CHALLENGE':
      return {
        step: step.step,
        clientId: step.clientId,
        username: step.username,
        challengeUsername: step.challengeUsername,
        session: step.session,
        expiresAt: step.expiresAt,
        parameters: { ...step.parameters },
      };
    case 'NEW_PASSWORD_REQUIRED':
      return {
        step: step.step,
        clientId: step.clientId,
        username: step.username,
        challengeUsername: step.challengeUsername,
        session: step.session,
        expiresAt: step.expiresAt,
        requiredAttributes: [...step.requiredAttributes],
        userAttributes: { ...step.userAttributes },
      };
    case 'CONFIRM_SIGN_UP':
    case 'RESET_PASSWORD':
      return { step: step.step, clientId: step.clientId, username: step.username };
  }
}

/** The error for a step whose Cognito session has run out. */
export function sessionExpired(): SessionExpiredError {
  return makeError('SessionExpired', 'The sign-in session has expired; start the sign-in again');
}
