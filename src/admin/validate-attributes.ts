import { err, ok, type Result } from 'neverthrow';
import { formatAttributes } from '../attributes/format.js';
import type { AttributeMap, StandardAttributes, UserAttributes } from '../attributes/types.js';
import { makeError } from '../errors/make-error.js';
import type { InvalidParameterError } from '../errors/types.js';

/**
 * The names of Cognito's standard user attributes.
 *
 * @example
 * ```ts
 * const name: StandardAttributeName = 'given_name';
 * ```
 */
export type StandardAttributeName = keyof StandardAttributes;

/**
 * Every standard attribute name, in Cognito's order.
 *
 * @example
 * ```ts
 * STANDARD_ATTRIBUTES.includes('email'); // true
 * ```
 */
export const STANDARD_ATTRIBUTES: readonly StandardAttributeName[] = Object.freeze([
  'address',
  'birthdate',
  'email',
  'email_verified',
  'family_name',
  'gender',
  'given_name',
  'locale',
  'middle_name',
  'name',
  'nickname',
  'phone_number',
  'phone_number_verified',
  'picture',
  'preferred_username',
  'profile',
  'updated_at',
  'website',
  'zoneinfo',
] as const);

const STANDARD = new Set<string>(STANDARD_ATTRIBUTES);
/** Cognito's limit on a custom attribute's own name (after `custom:`). */
export const MAX_CUSTOM_NAME_LENGTH = 20;
/** Cognito's limit on any attribute value. */
export const MAX_ATTRIBUTE_VALUE_LENGTH = 2048;

const CUSTOM = /^(?:dev:)?custom:([^\s:]+)$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;
const E164 = /^\+[1-9]\d{1,14}$/;
const BIRTHDATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function invalid(name: string, why: string): InvalidParameterError {
  return makeError('InvalidParameter', `Attribute ${name}: ${why}`);
}

/**
 * Checks an attribute name: a standard attribute, or `custom:<name>` (`dev:custom:<name>` for
 * developer-only ones) with a name of 1–20 characters.
 *
 * @example
 * ```ts
 * checkAttributeName('custom:plan').isOk(); // true
 * checkAttributeName('plan').isErr(); // true: custom attributes need the prefix
 * ```
 */
export function checkAttributeName(name: string): Result<string, InvalidParameterError> {
  if (typeof name !== 'string' || name.length === 0) {
    return err(makeError('InvalidParameter', 'Attribute names must be non-empty strings'));
  }
  if (STANDARD.has(name)) return ok(name);
  if (name === 'sub') return err(invalid(name, 'is set by Cognito and cannot be written'));
  const custom = CUSTOM.exec(name);
  if (!custom) {
    return err(invalid(name, 'is not a standard attribute; custom attributes are named "custom:<name>"'));
  }
  const own = custom[1] ?? '';
  if (own.length > MAX_CUSTOM_NAME_LENGTH) {
    return err(invalid(name, `custom attribute names are at most ${MAX_CUSTOM_NAME_LENGTH} characters`));
  }
  return ok(name);
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function checkValue(name: string, value: string): InvalidParameterError | undefined {
  if (value.length > MAX_ATTRIBUTE_VALUE_LENGTH) {
    return invalid(name, `values are at most ${MAX_ATTRIBUTE_VALUE_LENGTH} characters`);
  }
  switch (name) {
    case 'email':
      return EMAIL.test(value) ? undefined : invalid(name, 'must be an email address like a@example.com');
    case 'phone_number':
      return E164.test(value)
        ? undefined
        : invalid(name, 'must be E.164: "+" and up to 15 digits, e.g. +14325551212');
    case 'email_verified':
    case 'phone_number_verified':
      return value === 'true' || value === 'false' ? undefined : invalid(name, 'must be true or false');
    case 'updated_at':
      return /^\d{1,12}$/.test(value)
        ? undefined
        : invalid(name, 'must be epoch seconds (a number or a Date)');
    case 'birthdate': {
      const parts = BIRTHDATE.exec(value);
      const [year, month, day] = [Number(parts?.[1]), Number(parts?.[2]), Number(parts?.[3])];
      // Year 0000 means "withheld"; treat it as a leap year so 0000-02-29 is allowed.
      const valid = parts && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year || 2000, month);
      return valid
        ? undefined
        : invalid(name, 'must be a real date written YYYY-MM-DD (0000-MM-DD hides the year)');
    }
    default:
      return undefined;
  }
}

/**
 * Validates and formats attributes for an admin write: names (standard, `custom:` prefix, length),
 * email, E.164 phone numbers, `birthdate` as a real YYYY-MM-DD date, `updated_at` as epoch seconds
 * (a number or `Date` is converted), the verified flags as booleans, and Cognito's 2048-character value
 * limit. The first problem is an `InvalidParameter` error naming the attribute.
 *
 * @example
 * ```ts
 * validateUserAttributes({ phone_number: '+14325551212', updated_at: new Date() });
 * // Ok({ phone_number: '+14325551212', updated_at: '1700000000' })
 * validateUserAttributes({ phone_number: '0432 555 1212' }).isErr(); // true
 * ```
 */
export function validateUserAttributes(
  attributes: UserAttributes,
): Result<AttributeMap, InvalidParameterError> {
  return formatAttributes(attributes).andThen((formatted) => {
    for (const [name, value] of Object.entries(formatted)) {
      const checked = checkAttributeName(name);
      if (checked.isErr()) return err(checked.error);
      const problem = checkValue(name, value);
      if (problem) return err(problem);
    }
    return ok(formatted);
  });
}

/**
 * {@link validateUserAttributes}, as Cognito's `[{ Name, Value }]` list.
 *
 * @example
 * ```ts
 * validatedAttributeList({ email: 'a@example.com' }); // Ok([{ Name: 'email', Value: 'a@example.com' }])
 * ```
 */
export function validatedAttributeList(
  attributes: UserAttributes,
): Result<{ Name: string; Value: string }[], InvalidParameterError> {
  return validateUserAttributes(attributes).map((map) =>
    Object.entries(map).map(([Name, Value]) => ({ Name, Value })),
  );
}
