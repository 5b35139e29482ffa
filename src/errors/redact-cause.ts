import { redact } from './redact.js';

interface ErrorFields {
  name?: unknown;
  message?: unknown;
  stack?: unknown;
  code?: unknown;
  cause?: unknown;
  $fault?: unknown;
  $metadata?: unknown;
}

const MAX_DEPTH = 4;

function containsSecret(text: unknown, secrets: readonly string[]): text is string {
  return typeof text === 'string' && secrets.some((secret) => text.includes(secret));
}

/** A plain copy of a frozen error, with the fields cognito-flow reads and redacted text. */
function redactedCopy(source: ErrorFields, secrets: readonly string[]): Error {
  const copy = new Error(redact(String(source.message ?? ''), secrets));
  copy.name = typeof source.name === 'string' ? source.name : 'Error';
  copy.stack = redact(String(source.stack ?? copy.stack ?? ''), secrets);
  return Object.assign(copy, {
    ...(source.code !== undefined ? { code: source.code } : {}),
    ...(source.$fault !== undefined ? { $fault: source.$fault } : {}),
    ...(source.$metadata !== undefined ? { $metadata: source.$metadata } : {}),
  });
}

function redactLink(value: unknown, secrets: readonly string[], depth: number): unknown {
  if (typeof value === 'string') return redact(value, secrets);
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return value;
  const fields = value as ErrorFields;
  const leaks = containsSecret(fields.message, secrets) || containsSecret(fields.stack, secrets);
  const cause = fields.cause === undefined ? undefined : redactLink(fields.cause, secrets, depth + 1);
  if (!leaks && cause === fields.cause) return value;
  try {
    if (leaks) {
      Object.defineProperty(value, 'message', { value: redact(String(fields.message ?? ''), secrets) });
      if (typeof fields.stack === 'string') {
        Object.defineProperty(value, 'stack', { value: redact(fields.stack, secrets) });
      }
    }
    if (cause !== fields.cause) Object.defineProperty(value, 'cause', { value: cause });
    return value;
  } catch {
    // Frozen or exotic: hand back a copy instead.
    const copy = redactedCopy(fields, secrets);
    if (cause !== undefined) Object.defineProperty(copy, 'cause', { value: cause });
    return copy;
  }
}

/**
 * Removes the call's secrets from a failure that becomes an error's `cause`: every `message` and `stack`
 * along its `cause` chain that contains one is rewritten with `[REDACTED]`, in place (the SDK error keeps
 * its class, `$metadata` and `$response`), or on a copy when the error cannot be changed. Servers echo
 * input in their messages (moto puts an unknown session in `ResourceNotFoundException`'s), and a `cause`
 * is printed whole by `util.inspect(error, { showHidden: true })`. Never throws.
 *
 * @example
 * ```ts
 * const cause = redactCause(thrown, [session, password]);
 * ```
 */
export function redactCause(thrown: unknown, secrets: readonly (string | undefined)[]): unknown {
  const usable = secrets.filter(
    (secret): secret is string => typeof secret === 'string' && secret.length >= 4,
  );
  if (usable.length === 0) return thrown;
  try {
    return redactLink(thrown, usable, 0);
  } catch {
    return thrown;
  }
}
