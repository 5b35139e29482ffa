import { err, ok, type Result } from 'neverthrow';
import { setOwn } from '../attributes/set-own.js';
import type { AttributeMap } from '../attributes/types.js';
import { makeError } from '../errors/make-error.js';
import type { UnexpectedError } from '../errors/types.js';
import type { CodeDelivery, JsonValue, MfaType } from './steps.js';

/** Cognito's challenge parameters. The SDK types them as strings; a stand-in may send JSON values. */
export type ChallengeParameters = Readonly<Record<string, unknown>>;

function unexpected(message: string): UnexpectedError {
  return makeError('Unexpected', message);
}

/** A JSON-in-a-string parameter, parsed; an already-parsed value passes through; absent → `undefined`. */
function parseJson(raw: unknown, what: string): Result<unknown, UnexpectedError> {
  if (raw === undefined || raw === null) return ok(undefined);
  if (typeof raw !== 'string') return ok(raw);
  if (raw.trim() === '') return ok(undefined);
  try {
    return ok(JSON.parse(raw));
  } catch {
    return err(unexpected(`Cognito sent ${what} that is not valid JSON`));
  }
}

/**
 * `'["userAttributes.email"]'` → `['email']`; absent → `[]`.
 *
 * @example
 * ```ts
 * parseRequiredAttributes('["userAttributes.email"]')._unsafeUnwrap(); // ['email']
 * ```
 */
export function parseRequiredAttributes(raw: unknown): Result<readonly string[], UnexpectedError> {
  return parseJson(raw, 'requiredAttributes').andThen((value) => {
    if (value === undefined || value === null) return ok([]);
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
      return err(unexpected('Cognito sent requiredAttributes that is not a list of names'));
    }
    return ok(
      value.map((name: string) => name.replace(/^userAttributes\./, '')).filter((name) => name.length > 0),
    );
  });
}

/**
 * `'{"email":"a@b.c"}'` → `{ email: 'a@b.c' }`; absent → `{}`. Non-string values are stringified.
 *
 * @example
 * ```ts
 * parseUserAttributes('{"email":"a@example.com"}')._unsafeUnwrap(); // { email: 'a@example.com' }
 * ```
 */
export function parseUserAttributes(raw: unknown): Result<AttributeMap, UnexpectedError> {
  return parseJson(raw, 'userAttributes').andThen((value) => {
    if (value === undefined || value === null) return ok({});
    if (typeof value !== 'object' || Array.isArray(value)) {
      return err(unexpected('Cognito sent userAttributes that is not an object'));
    }
    const out: Record<string, string> = {};
    for (const [name, v] of Object.entries(value)) {
      if (v !== null && v !== undefined) setOwn(out, name, typeof v === 'string' ? v : JSON.stringify(v));
    }
    return ok(out);
  });
}

const MFA_TYPES: ReadonlySet<string> = new Set(['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP']);

/**
 * `MFAS_CAN_CHOOSE` / `MFAS_CAN_SETUP` (a JSON list in a string, or a list) → the MFA types this
 * version knows; unknown names are dropped.
 *
 * @example
 * ```ts
 * parseMfaTypes('["SMS_MFA","SOFTWARE_TOKEN_MFA"]', 'MFAS_CAN_CHOOSE')._unsafeUnwrap(); // ['SMS_MFA', 'SOFTWARE_TOKEN_MFA']
 * ```
 */
export function parseMfaTypes(raw: unknown, what: string): Result<readonly MfaType[], UnexpectedError> {
  return parseJson(raw, what).andThen((value) => {
    if (value === undefined || value === null) return ok([]);
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
      return err(unexpected(`Cognito sent ${what} that is not a list of MFA types`));
    }
    return ok(value.filter((v): v is MfaType => MFA_TYPES.has(v)));
  });
}

/**
 * A JSON object parameter (such as `CREDENTIAL_REQUEST_OPTIONS`), parsed.
 *
 * @example
 * ```ts
 * parseJsonObject('{"challenge":"abc"}', 'CREDENTIAL_REQUEST_OPTIONS')._unsafeUnwrap(); // { challenge: 'abc' }
 * ```
 */
export function parseJsonObject(
  raw: unknown,
  what: string,
): Result<{ readonly [key: string]: JsonValue }, UnexpectedError> {
  return parseJson(raw, what).andThen((value) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? ok(value as { readonly [key: string]: JsonValue })
      : err(unexpected(`Cognito sent ${what} that is not a JSON object`)),
  );
}

/**
 * `CODE_DELIVERY_DESTINATION` / `CODE_DELIVERY_DELIVERY_MEDIUM` → `{ destination, medium }`, or
 * `undefined` when Cognito gave neither.
 *
 * @example
 * ```ts
 * codeDeliveryOf({ CODE_DELIVERY_DESTINATION: '+*******1234', CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS' });
 * ```
 */
export function codeDeliveryOf(params: ChallengeParameters): CodeDelivery | undefined {
  const text = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : undefined);
  const destination = text(params.CODE_DELIVERY_DESTINATION);
  const medium = text(params.CODE_DELIVERY_DELIVERY_MEDIUM);
  if (destination === undefined && medium === undefined) return undefined;
  return { ...(destination ? { destination } : {}), ...(medium ? { medium } : {}) };
}

/**
 * The parameters as a string map (non-string values JSON-encoded), for steps that carry them raw.
 *
 * @example
 * ```ts
 * stringParameters({ a: 'x', b: ['y'] }); // { a: 'x', b: '["y"]' }
 * ```
 */
export function stringParameters(params: ChallengeParameters): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null)
      setOwn(out, name, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return out;
}
