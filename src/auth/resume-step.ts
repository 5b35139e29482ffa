import { err, ok, type Result } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import type { InvalidStepError, SessionExpiredError } from '../errors/types.js';
import type { ResumeError } from './errors.js';
import { STEP_JSON_MAX_CHARS } from './sealed/sealed-format.js';
import { jsonSizeWithin } from './step-size.js';
import type { SignInStep } from './steps.js';

type Fields = Readonly<Record<string, unknown>>;
/** A check of one field: `undefined` when fine, else what is wrong. */
type Check = (value: unknown) => string | undefined;

function invalid(message: string): InvalidStepError {
  return makeError('InvalidStep', message);
}

const isString = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isObject = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringMap = (v: unknown): boolean =>
  isObject(v) && Object.values(v).every((x) => typeof x === 'string');
const isStringList = (v: unknown): boolean => Array.isArray(v) && v.every(isString);

const string: Check = (v) => (isString(v) ? undefined : 'is missing');
const time: Check = (v) => (typeof v === 'number' && Number.isFinite(v) ? undefined : 'is not a number');
const stringMap: Check = (v) => (isStringMap(v) ? undefined : 'is not a string map');
const stringList: Check = (v) => (isStringList(v) ? undefined : 'is not a list of names');
const optional =
  (check: Check): Check =>
  (v) =>
    v === undefined ? undefined : check(v);
const object =
  (fields: Readonly<Record<string, Check>>): Check =>
  (v) => {
    if (!isObject(v)) return 'is missing';
    for (const [name, check] of Object.entries(fields)) {
      const problem = check(v[name]);
      if (problem) return problem.startsWith('.') ? `.${name}${problem}` : `.${name} ${problem}`;
    }
    return undefined;
  };
const boolean: Check = (v) => (typeof v === 'boolean' ? undefined : 'is not a boolean');
const jsonObject: Check = (v) => (isObject(v) ? undefined : 'is not an object');

const adminFlag: Check = (v) => (v === undefined || v === true ? undefined : 'must be true when present');

const challengeBase: Readonly<Record<string, Check>> = {
  clientId: string,
  username: string,
  challengeUsername: string,
  session: string,
  expiresAt: time,
  admin: adminFlag,
};

/** The fields each step kind must have. */
const SHAPES: Readonly<Record<SignInStep['step'], Readonly<Record<string, Check>>>> = {
  SIGNED_IN: {
    username: string,
    tokens: object({
      idToken: string,
      accessToken: string,
      refreshToken: optional(string),
      expiresAt: time,
      tokenType: string,
    }),
    newDevice: optional(
      object({ confirmed: boolean, userConfirmationNecessary: boolean, reason: optional(string) }),
    ),
  },
  NEW_PASSWORD_REQUIRED: { ...challengeBase, requiredAttributes: stringList, userAttributes: stringMap },
  CUSTOM_CHALLENGE: { ...challengeBase, parameters: stringMap },
  SMS_MFA: {
    ...challengeBase,
    codeDelivery: optional(object({ destination: optional(string), medium: optional(string) })),
  },
  SOFTWARE_TOKEN_MFA: {
    ...challengeBase,
    codeDelivery: optional(object({ destination: optional(string), medium: optional(string) })),
  },
  EMAIL_OTP: {
    ...challengeBase,
    codeDelivery: optional(object({ destination: optional(string), medium: optional(string) })),
  },
  SMS_OTP: {
    ...challengeBase,
    codeDelivery: optional(object({ destination: optional(string), medium: optional(string) })),
  },
  SELECT_MFA_TYPE: { ...challengeBase, allowedTypes: stringList },
  MFA_SETUP: { ...challengeBase, allowedTypes: stringList },
  SELECT_CHALLENGE: { ...challengeBase, availableChallenges: stringList },
  WEB_AUTHN: { ...challengeBase, credentialRequestOptions: jsonObject },
  UNSUPPORTED_CHALLENGE: { ...challengeBase, challengeName: string, parameters: stringMap },
  CONFIRM_SIGN_UP: { clientId: string, username: string },
  RESET_PASSWORD: { clientId: string, username: string },
};

function checkShape(s: Fields): string | undefined {
  if (typeof s.step !== 'string')
    return `step is ${s.step === null ? 'null' : typeof s.step}, not a step name`;
  const shape = Object.hasOwn(SHAPES, s.step) ? SHAPES[s.step as SignInStep['step']] : undefined;
  if (!shape) return `unknown step ${JSON.stringify(s.step.slice(0, 40))}`;
  for (const [name, check] of Object.entries(shape)) {
    const problem = check(s[name]);
    if (problem) return problem.startsWith('.') ? `${name}${problem}` : `${name} ${problem}`;
  }
  return undefined;
}

/**
 * A deep copy of plain data: `structuredClone`, or a JSON round trip where the runtime has none (React
 * Native's Hermes) — the same for the JSON values a step holds.
 */
function deepCopy(value: unknown): unknown {
  return typeof structuredClone === 'function' ? structuredClone(value) : JSON.parse(JSON.stringify(value));
}

/** A deep copy holding only the fields the step kind declares (extra fields in the JSON are dropped). */
function copyStep(s: Fields): SignInStep {
  const shape = SHAPES[s.step as SignInStep['step']];
  const copy: Record<string, unknown> = { step: s.step };
  for (const name of Object.keys(shape)) {
    if (s[name] !== undefined) copy[name] = deepCopy(s[name]);
  }
  return copy as unknown as SignInStep;
}

/** The error for a step whose Cognito session has run out. */
export function sessionExpired(): SessionExpiredError {
  return makeError('SessionExpired', 'The sign-in session has expired; start the sign-in again');
}

/**
 * Where a step handed to the library comes from, which decides what it may carry:
 * - `trusted`: built by this library in this process, or opened from a value the service sealed — it may
 *   be `SIGNED_IN` and carry `admin`;
 * - `untrusted`: anything else (plain JSON back from a browser) — a `SIGNED_IN` step or `admin` flag in
 *   it is refused, since nothing vouches for them.
 */
export type StepOrigin = 'trusted' | 'untrusted';

/** What {@link parseStep} checks a step against. */
export interface ParseStepContext {
  readonly clientId: string;
  readonly now: number;
  /** Defaults to `untrusted`. */
  readonly origin?: StepOrigin;
}

/**
 * Validates a step that travelled through JSON (e.g. sent to a browser and back): its size when
 * untrusted (at most {@link STEP_JSON_MAX_CHARS}, checked before parsing), its shape, that it belongs to the app client
 * `clientId`, and that its Cognito session has not expired. An untrusted step may not be `SIGNED_IN`
 * nor carry `admin`. Returns a fresh copy holding only the step's own fields.
 *
 * @example
 * ```ts
 * const step = parseStep(JSON.parse(body), { clientId, now: Date.now() });
 * ```
 */
export function parseStep(value: unknown, context: ParseStepContext): Result<SignInStep, ResumeError> {
  let data = value;
  // Trusted steps were built here or came out of a sealed value, whose own size limit already held.
  const limited = context.origin !== 'trusted';
  if (typeof data === 'string') {
    if (limited && data.length > STEP_JSON_MAX_CHARS) {
      return err(invalid(`The step is over ${STEP_JSON_MAX_CHARS} characters; it was not parsed`));
    }
    try {
      data = JSON.parse(data);
    } catch {
      return err(invalid('The step is not valid JSON'));
    }
  } else if (limited && !jsonSizeWithin(data, STEP_JSON_MAX_CHARS)) {
    return err(invalid(`The step is over ${STEP_JSON_MAX_CHARS} characters or nested too deeply`));
  }
  if (!isObject(data)) return err(invalid('The step is not an object'));
  const problem = checkShape(data);
  if (problem) return err(invalid(`Not a valid sign-in step: ${problem}`));
  if (context.origin !== 'trusted') {
    if (data.step === 'SIGNED_IN') {
      return err(
        invalid(
          'A SIGNED_IN step is only accepted sealed (openStep): keep tokens in a TokenStore, not in the client',
        ),
      );
    }
    if (data.admin !== undefined) {
      return err(invalid('An admin sign-in step is only accepted sealed (openStep)'));
    }
  }
  if (data.step !== 'SIGNED_IN' && data.clientId !== context.clientId) {
    return err(invalid('The step belongs to another app client'));
  }
  if (typeof data.expiresAt === 'number' && data.expiresAt <= context.now) return err(sessionExpired());
  try {
    return ok(copyStep(data));
  } catch {
    // structuredClone refuses functions and runs out of stack on absurdly deep nesting.
    return err(invalid('Not a valid sign-in step: it is not plain JSON data'));
  }
}
