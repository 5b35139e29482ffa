import type { CognitoError } from '../errors/types.js';

interface CauseLike {
  readonly name?: unknown;
  readonly $fault?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: unknown };
}

/** Exception names an endpoint answers with when it does not offer an operation. */
const UNAVAILABLE_NAMES = new Set(['UnknownOperationException', 'OperationNotEnabledException']);

/** HTTP statuses that mean "no such operation here" rather than "the operation failed". */
const UNAVAILABLE_STATUSES = new Set([404, 405, 501]);

/**
 * Whether GetTokensFromRefreshToken failed because the endpoint does not offer it — and only then does a
 * session fall back to InitiateAuth `REFRESH_TOKEN_AUTH`. Precisely, the error is `Unexpected` (no Cognito
 * exception we know) and its SDK cause is
 *
 * - an `UnknownOperationException` (the AWS JSON protocol's answer for an unknown `X-Amz-Target`) or an
 *   `OperationNotEnabledException` (Cognito: not available in this region or pool configuration, such as a
 *   secondary replica region); or
 * - an answer with HTTP status 404, 405 or 501; or
 * - an HTTP 500 answer that is not a Cognito error at all (the SDK could not parse it, so it set no
 *   `$fault`) — what moto 5.2.1 answers for operations it lacks.
 *
 * A real Cognito failure (`InternalErrorException`, throttling, network errors, NotAuthorized, …) is never
 * "unavailable": it is reported, so a transient fault cannot switch a session to the legacy flow (which app
 * clients with refresh-token rotation reject).
 *
 * @example
 * ```ts
 * if (isOperationUnavailable(error)) return refreshWithInitiateAuth();
 * ```
 */
export function isOperationUnavailable(error: CognitoError): boolean {
  if (error.type !== 'Unexpected') return false;
  const cause = (typeof error.cause === 'object' && error.cause !== null ? error.cause : {}) as CauseLike;
  if (typeof cause.name === 'string' && UNAVAILABLE_NAMES.has(cause.name)) return true;
  const status = cause.$metadata?.httpStatusCode;
  if (typeof status !== 'number') return false;
  if (UNAVAILABLE_STATUSES.has(status)) return true;
  return status === 500 && cause.$fault === undefined;
}
