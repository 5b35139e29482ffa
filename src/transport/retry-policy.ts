/**
 * When a failed Cognito call may be sent again — the one retry rule both transports follow.
 *
 * Most operations are safe to repeat: sending GetUser or InitiateAuth twice costs a request, nothing
 * more. Some are not, because their success uses something up: a challenge answer consumes the sign-in
 * session, a confirmation or MFA code works once, ChangePassword makes the old password wrong. If such a
 * request reached Cognito and only the answer was lost (a reset connection, a time-out, a 5xx from a
 * proxy), sending it again would be answered "session expired", "code mismatch" or "not authorized"
 * although the first attempt may have succeeded — and a challenge answer that succeeded would have
 * issued tokens nobody receives. So these are retried only when the failure proves that Cognito did not
 * process the request: it was throttled (rejected before any work), or the connection was never made.
 */

/** Operations whose success consumes their input whatever else they carry. */
const SINGLE_USE_OPERATIONS: ReadonlySet<string> = new Set([
  'RespondToAuthChallenge',
  'AdminRespondToAuthChallenge',
  'ConfirmSignUp',
  'ConfirmForgotPassword',
  'ChangePassword',
  'VerifyUserAttribute',
  'VerifySoftwareToken',
  'ConfirmDevice',
  'CompleteWebAuthnRegistration',
]);

/** Operations that consume a sign-in session when they are given one (MFA_SETUP answers TOTP set-up this way). */
const SESSION_BOUND_OPERATIONS: ReadonlySet<string> = new Set(['AssociateSoftwareToken']);

/** Exception names of throttling: the request was refused before Cognito did anything with it. */
const THROTTLING_NAMES: ReadonlySet<string> = new Set(['TooManyRequestsException', 'ThrottlingException']);

/** Refusals that are not worth retrying at once but still prove nothing was done (the SDK retries them). */
const REFUSED_NAMES: ReadonlySet<string> = new Set([...THROTTLING_NAMES, 'LimitExceededException']);

/** System error codes of a connection that was never established, so nothing was sent. */
const NOT_CONNECTED_CODES: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** The SDK's Node handler when its `connectionTimeout` ran out before the socket connected. */
const CONNECT_TIMEOUT = /did not establish a connection/i;

/** Exception names the SDK and the fetch transport give to a time-out or a lost connection. */
const NETWORK_NAMES: ReadonlySet<string> = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'AbortError',
]);

/** System error codes of a request that got no answer (sent or not). */
const NETWORK_CODES: ReadonlySet<string> = new Set([
  ...NOT_CONNECTED_CODES,
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** `fetch`'s network failures (Node's undici and the browsers). */
const FETCH_FAILED =
  /^(fetch failed|failed to fetch|networkerror when attempting to fetch resource\.?|load failed)$/i;

interface FailureLike {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly cause?: unknown;
  readonly errors?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: unknown };
}

function fieldsOf(value: unknown): FailureLike {
  return typeof value === 'object' && value !== null ? (value as FailureLike) : {};
}

/** The failure and the errors it wraps (`cause` chain, an AggregateError's `errors`), a few levels deep. */
function chainOf(failure: unknown): FailureLike[] {
  const out: FailureLike[] = [];
  const queue: unknown[] = [failure];
  while (queue.length > 0 && out.length < 8) {
    const next = queue.shift();
    if (typeof next !== 'object' || next === null) continue;
    const fields = fieldsOf(next);
    out.push(fields);
    if (fields.cause !== undefined) queue.push(fields.cause);
    if (Array.isArray(fields.errors)) queue.push(...fields.errors.slice(0, 4));
  }
  return out;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function statusOf(failure: FailureLike): number | undefined {
  const status = (fieldsOf(failure.$metadata) as { httpStatusCode?: unknown }).httpStatusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * Whether `operation` uses up what it is sent, so that sending it twice is not the same as sending it
 * once: challenge answers (the sign-in session), code confirmations, password changes, and
 * AssociateSoftwareToken when it carries a sign-in `Session`.
 *
 * @example
 * ```ts
 * consumesOnSuccess('RespondToAuthChallenge', input); // true
 * consumesOnSuccess('GetUser', { AccessToken }); // false
 * ```
 */
export function consumesOnSuccess(operation: string, input: unknown): boolean {
  if (SINGLE_USE_OPERATIONS.has(operation)) return true;
  if (!SESSION_BOUND_OPERATIONS.has(operation)) return false;
  const session = fieldsOf(input) as { Session?: unknown };
  return typeof session.Session === 'string' && session.Session.length > 0;
}

/**
 * Whether `failure` proves that Cognito did not process the request: it was throttled or refused
 * (`TooManyRequestsException`, `ThrottlingException`, `LimitExceededException`, HTTP 429), or the connection was never made
 * (refused, DNS failure, unreachable host, connect time-out). A reset, a time-out after connecting or
 * a 5xx prove nothing: the request may have been processed.
 *
 * @example
 * ```ts
 * provesNotProcessed(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })); // true
 * ```
 */
export function provesNotProcessed(failure: unknown): boolean {
  return chainOf(failure).some((link) => {
    if (REFUSED_NAMES.has(text(link.name)) || statusOf(link) === 429) return true;
    if (NOT_CONNECTED_CODES.has(text(link.code))) return true;
    return text(link.name) === 'TimeoutError' && CONNECT_TIMEOUT.test(text(link.message));
  });
}

/**
 * Whether `failure` is transient — the same request may succeed later: throttling, HTTP 429 or 5xx,
 * a time-out, or a network failure.
 *
 * @example
 * ```ts
 * isTransientFailure(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })); // true
 * ```
 */
export function isTransientFailure(failure: unknown): boolean {
  return chainOf(failure).some((link) => {
    const name = text(link.name);
    const status = statusOf(link);
    if (THROTTLING_NAMES.has(name) || NETWORK_NAMES.has(name)) return true;
    if (status !== undefined && (status === 429 || status >= 500)) return true;
    if (NETWORK_CODES.has(text(link.code))) return true;
    return name === 'TypeError' && FETCH_FAILED.test(text(link.message));
  });
}

/**
 * The retry rule of both transports: a transient failure is retried, except that an operation which
 * {@link consumesOnSuccess} is retried only when the failure {@link provesNotProcessed}. A challenge
 * answer is therefore never sent twice after a reset, a time-out or a 5xx — but is after throttling.
 *
 * @example
 * ```ts
 * if (attempt < maxAttempts && mayRetry(operation, input, failure)) await sleep(backoffDelay(attempt, 100));
 * ```
 */
export function mayRetry(operation: string, input: unknown, failure: unknown): boolean {
  if (!isTransientFailure(failure)) return false;
  return !consumesOnSuccess(operation, input) || provesNotProcessed(failure);
}
