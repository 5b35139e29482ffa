import { err, ok, type Result } from 'neverthrow';
import { makeError } from '../../errors/make-error.js';
import type { InvalidParameterError } from '../../errors/types.js';

/**
 * An `InvalidParameter` error for bad input caught before any request is sent.
 *
 * @example
 * ```ts
 * return errAsync(invalidInput('code must be six digits'));
 * ```
 */
export function invalidInput(message: string): InvalidParameterError {
  return makeError('InvalidParameter', message);
}

/**
 * Checks that `value` is a non-empty string; `name` is the field's name in the message (never its value).
 *
 * @example
 * ```ts
 * requireText(input?.username, 'username'); // Err(InvalidParameter) for '', undefined, 42, …
 * ```
 */
export function requireText(value: unknown, name: string): Result<string, InvalidParameterError> {
  return typeof value === 'string' && value.length > 0
    ? ok(value)
    : err(invalidInput(`${name} must be a non-empty string`));
}

/**
 * Like {@link requireText}, but `undefined` is allowed.
 *
 * @example
 * ```ts
 * optionalText(input.previousPassword, 'previousPassword'); // Ok(undefined) when left out
 * ```
 */
export function optionalText(
  value: unknown,
  name: string,
): Result<string | undefined, InvalidParameterError> {
  return value === undefined ? ok(undefined) : requireText(value, name);
}

/**
 * Checks an optional boolean.
 *
 * @example
 * ```ts
 * optionalBoolean(input.forceAliasCreation, 'forceAliasCreation'); // Err for 'yes'
 * ```
 */
export function optionalBoolean(
  value: unknown,
  name: string,
): Result<boolean | undefined, InvalidParameterError> {
  return value === undefined || typeof value === 'boolean'
    ? ok(value)
    : err(invalidInput(`${name} must be true or false`));
}

/**
 * Checks an optional map of strings (`clientMetadata`, `validationData`) and copies it.
 *
 * @example
 * ```ts
 * optionalStringMap({ plan: 'pro' }, 'clientMetadata'); // Ok({ plan: 'pro' })
 * ```
 */
export function optionalStringMap(
  value: unknown,
  name: string,
): Result<Record<string, string> | undefined, InvalidParameterError> {
  if (value === undefined) return ok(undefined);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return err(invalidInput(`${name} must be an object of strings`));
  }
  const out: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== 'string') return err(invalidInput(`${name}.${key.slice(0, 64)} must be a string`));
    out[key] = entry;
  }
  return ok(out);
}

/**
 * `{ ClientMetadata }` when there is client metadata, `{}` otherwise — for spreading into a request.
 *
 * @example
 * ```ts
 * transport('SignUp', { ClientId, Username, ...clientMetadataField(metadata) });
 * ```
 */
export function clientMetadataField(metadata: Record<string, string> | undefined): {
  ClientMetadata?: Record<string, string>;
} {
  return metadata ? { ClientMetadata: metadata } : {};
}
