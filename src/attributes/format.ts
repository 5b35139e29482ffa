import { err, ok, type Result } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import type { InvalidParameterError } from '../errors/types.js';
import { setOwn } from './set-own.js';
import type { AttributeMap, UserAttributes } from './types.js';

const BIRTHDATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function invalid(name: string, why: string): InvalidParameterError {
  return makeError('InvalidParameter', `Attribute ${name}: ${why}`);
}

function formatValue(name: string, value: unknown): Result<string, InvalidParameterError> {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return err(invalid(name, 'is an invalid Date'));
    if (name === 'updated_at') {
      const seconds = Math.floor(value.getTime() / 1000);
      return seconds < 0 ? err(invalid(name, 'must not be before 1970')) : ok(String(seconds));
    }
    if (name === 'birthdate') return ok(value.toISOString().slice(0, 10));
    return ok(value.toISOString());
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return err(invalid(name, 'must be a finite number'));
    if (name === 'updated_at' && (!Number.isSafeInteger(value) || value < 0)) {
      return err(invalid(name, 'must be whole epoch seconds'));
    }
    return ok(String(value));
  }
  if (typeof value === 'boolean') return ok(value ? 'true' : 'false');
  if (typeof value === 'string') {
    if (name === 'birthdate' && !BIRTHDATE.test(value)) return err(invalid(name, 'must be YYYY-MM-DD'));
    return ok(value);
  }
  return err(invalid(name, `has unsupported type ${typeof value}`));
}

/**
 * Converts typed attributes to the string map Cognito stores: dates to `YYYY-MM-DD`
 * (`birthdate`) or epoch seconds (`updated_at`), booleans to `"true"`/`"false"`, numbers to
 * decimal. `undefined` values are left out. A bad value is an `InvalidParameter` error naming it.
 *
 * @example
 * ```ts
 * formatAttributes({ birthdate: new Date('1990-04-01'), updated_at: 1700000000 });
 * // Ok({ birthdate: '1990-04-01', updated_at: '1700000000' })
 * ```
 */
export function formatAttributes(attributes: UserAttributes): Result<AttributeMap, InvalidParameterError> {
  if (typeof attributes !== 'object' || attributes === null) {
    return err(makeError('InvalidParameter', 'attributes must be an object'));
  }
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    if (name.length === 0 || name.length > 32 + 'custom:'.length) {
      return err(makeError('InvalidParameter', 'Attribute names must be 1-32 characters (plus "custom:")'));
    }
    const formatted = formatValue(name, value);
    if (formatted.isErr()) return err(formatted.error);
    setOwn(out, name, formatted.value);
  }
  return ok(out);
}

/**
 * Cognito's `AttributeType[]` (`[{ Name, Value }]`) from typed attributes.
 *
 * @example
 * ```ts
 * toAttributeList({ email: 'a@example.com' }); // Ok([{ Name: 'email', Value: 'a@example.com' }])
 * ```
 */
export function toAttributeList(
  attributes: UserAttributes,
): Result<{ Name: string; Value: string }[], InvalidParameterError> {
  return formatAttributes(attributes).map((map) =>
    Object.entries(map).map(([Name, Value]) => ({ Name, Value })),
  );
}

/**
 * A string map from Cognito's `AttributeType[]`; entries without a name are skipped.
 *
 * @example
 * ```ts
 * fromAttributeList([{ Name: 'email', Value: 'a@example.com' }]); // { email: 'a@example.com' }
 * ```
 */
export function fromAttributeList(
  list: readonly { Name?: string | undefined; Value?: string | undefined }[] | undefined,
): AttributeMap {
  const out: Record<string, string> = {};
  for (const { Name, Value } of list ?? []) if (Name) setOwn(out, Name, Value ?? '');
  return out;
}
