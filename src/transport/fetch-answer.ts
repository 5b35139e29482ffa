/**
 * An error shaped like an AWS SDK v3 service exception, so that `mapSdkError` (and everything that
 * reads an error's `cause`) treats a fetch answer exactly as it treats the SDK's.
 */
export interface SdkShapedError extends Error {
  /** `client` or `server` for a Cognito error; absent when the answer was not an AWS JSON error. */
  readonly $fault?: 'client' | 'server';
  readonly $metadata: { readonly httpStatusCode: number; readonly requestId?: string };
}

/** A Cognito answer: the operation's output, or the error it stands for. */
export type FetchAnswer =
  | {
      readonly ok: true;
      readonly output: Record<string, unknown>;
      readonly metadata: { readonly httpStatusCode: number; readonly requestId?: string };
    }
  | { readonly ok: false; readonly error: SdkShapedError };

/**
 * Output fields that are timestamps (epoch seconds on the wire) and that the SDK turns into `Date`s:
 * identity credentials' `Expiration`, device dates (ListDevices, GetDevice) and passkeys' `CreatedAt`.
 */
const TIMESTAMP_FIELDS = new Set([
  'Expiration',
  'CreatedAt',
  'DeviceCreateDate',
  'DeviceLastModifiedDate',
  'DeviceLastAuthenticatedDate',
]);

function toDate(value: unknown): unknown {
  if (typeof value === 'number') return new Date(value * 1000);
  if (typeof value === 'string' && value.trim() !== '') {
    const seconds = Number(value);
    return Number.isFinite(seconds) ? new Date(seconds * 1000) : new Date(value);
  }
  return value;
}

/**
 * Turns the timestamp fields of a parsed AWS JSON answer into `Date`s, at any depth, as the SDK's
 * deserialisers do.
 *
 * @example
 * ```ts
 * reviveTimestamps({ Credentials: { Expiration: 1700000000 } }); // { Credentials: { Expiration: Date } }
 * ```
 */
export function reviveTimestamps(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reviveTimestamps);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    out[key] = TIMESTAMP_FIELDS.has(key) ? toDate(field) : reviveTimestamps(field);
  }
  return out;
}

/** `prefix#Name:extra` → `Name`, as the SDK reads `__type` and `x-amzn-ErrorType`. */
function errorName(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.length === 0) return undefined;
  let name = raw.split(',')[0] ?? raw;
  name = name.split(':')[0] ?? name;
  if (name.includes('#')) name = name.split('#')[1] ?? name;
  return name.length > 0 ? name : undefined;
}

function sdkShapedError(
  name: string,
  message: string,
  httpStatusCode: number,
  requestId: string | undefined,
  fault: 'client' | 'server' | undefined,
): SdkShapedError {
  const error = new Error(message);
  error.name = name;
  return Object.assign(error, {
    ...(fault ? { $fault: fault } : {}),
    $metadata: { httpStatusCode, ...(requestId ? { requestId } : {}) },
  });
}

function parseObject(text: string): Record<string, unknown> | undefined {
  if (text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads a Cognito answer: a 2xx JSON body is the output (timestamps as `Date`s); an error's name comes
 * from `x-amzn-ErrorType`, else the body's `code`/`__type` (with any `prefix#` removed), its message from
 * `message`/`Message`; a body that is not JSON (an HTML error page, a proxy's answer) is an error without
 * `$fault`, naming the HTTP status. Rejects only if reading the body fails.
 *
 * @example
 * ```ts
 * const answer = await readAnswer(await fetch(url, init));
 * if (!answer.ok) throw answer.error;
 * ```
 */
export async function readAnswer(response: Response): Promise<FetchAnswer> {
  const status = response.status;
  const requestId = response.headers.get('x-amzn-requestid') ?? undefined;
  const text = await response.text();
  const body = parseObject(text);
  if (!body) {
    const kind = response.headers.get('content-type') ?? 'no content type';
    const message = `Cognito answered HTTP ${status} with a body that is not JSON (${kind})`;
    return { ok: false, error: sdkShapedError('NonJsonAnswer', message, status, requestId, undefined) };
  }
  if (status >= 200 && status < 300) {
    const output = reviveTimestamps(body) as Record<string, unknown>;
    return { ok: true, output, metadata: { httpStatusCode: status, ...(requestId ? { requestId } : {}) } };
  }
  const name =
    errorName(response.headers.get('x-amzn-errortype')) ??
    errorName(body.code) ??
    errorName(body.Code) ??
    errorName(body.__type) ??
    'UnknownError';
  const rawMessage = body.message ?? body.Message;
  const message =
    typeof rawMessage === 'string' && rawMessage.length > 0 ? rawMessage : `${name} (HTTP ${status})`;
  const fault = status >= 500 ? 'server' : 'client';
  return { ok: false, error: sdkShapedError(name, message, status, requestId, fault) };
}
