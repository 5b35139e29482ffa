import { err, ok, type Result } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import type { InvalidConfigError } from '../errors/types.js';

/** An AWS region name such as `eu-west-1` or `us-gov-west-1`. */
export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** Builds an `InvalidConfig` error. */
export function invalidConfig(message: string): InvalidConfigError {
  return makeError('InvalidConfig', message);
}

/** Checks that `value` is a non-empty string; `name` is used in the message. */
export function requireString(value: unknown, name: string): Result<string, InvalidConfigError> {
  if (typeof value !== 'string' || value.trim().length === 0) {
    return err(invalidConfig(`${name} must be a non-empty string`));
  }
  return ok(value);
}

/** Checks an optional region. */
export function optionalRegion(value: unknown): Result<string | undefined, InvalidConfigError> {
  if (value === undefined) return ok(undefined);
  if (typeof value !== 'string' || !REGION_PATTERN.test(value)) {
    return err(invalidConfig(`region must look like "us-east-1", got ${JSON.stringify(String(value))}`));
  }
  return ok(value);
}

/** Checks an optional endpoint URL (http or https). */
export function optionalEndpoint(value: unknown): Result<string | undefined, InvalidConfigError> {
  if (value === undefined) return ok(undefined);
  if (typeof value !== 'string') return err(invalidConfig('endpoint must be a URL string'));
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return err(invalidConfig(`endpoint is not a valid URL: ${JSON.stringify(value)}`));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return err(invalidConfig('endpoint must be an http or https URL'));
  }
  return ok(value);
}

/** Checks an optional clock function. */
export function optionalClock(value: unknown): Result<(() => number) | undefined, InvalidConfigError> {
  if (value === undefined) return ok(undefined);
  if (typeof value !== 'function') return err(invalidConfig('now must be a function returning epoch ms'));
  return ok(value as () => number);
}

/** The longest time limit accepted: 10 minutes (a Node timer's range is far larger). */
const MAX_TIMEOUT_MS = 600_000;

/** Checks an optional per-attempt time limit in ms: a whole number from 1 to 600,000. */
export function optionalTimeout(value: unknown): Result<number | undefined, InvalidConfigError> {
  if (value === undefined) return ok(undefined);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_TIMEOUT_MS) {
    return err(invalidConfig(`timeoutMs must be a whole number of ms from 1 to ${MAX_TIMEOUT_MS}`));
  }
  return ok(value);
}
