import type { CognitoError } from '../errors/types.js';

interface CauseLike {
  readonly name?: unknown;
}

/** Exception names an endpoint answers with when it does not offer an operation. */
const UNAVAILABLE_NAMES = new Set(['UnknownOperationException', 'OperationNotEnabledException']);

/**
 * Whether GetTokensFromRefreshToken failed because the endpoint does not offer it — and only then does a
 * session in `auto` mode fall back to InitiateAuth `REFRESH_TOKEN_AUTH`. Only an unambiguous answer counts:
 * the error is `Unexpected` (no Cognito exception we know) and its SDK cause is named
 *
 * - `UnknownOperationException` (the AWS JSON protocol's answer for an unknown `X-Amz-Target`), or
 * - `OperationNotEnabledException` (Cognito: not available in this region or pool configuration, such as a
 *   secondary replica region).
 *
 * Nothing else switches: not a Cognito failure (`InternalErrorException`, throttling, network errors,
 * NotAuthorized, …), and not a bare HTTP status — an HTML 500, 404 or 501 without `$fault` is what a proxy
 * or load balancer answers in an outage, and switching for good on it would end sessions on app clients
 * with refresh-token rotation (which reject REFRESH_TOKEN_AUTH). Stand-ins that answer unknown operations
 * with HTTP 500 (moto 5.2.1) need `refreshOperation: 'REFRESH_TOKEN_AUTH'`.
 *
 * @example
 * ```ts
 * if (isOperationUnavailable(error)) return refreshWithInitiateAuth();
 * ```
 */
export function isOperationUnavailable(error: CognitoError): boolean {
  if (error.type !== 'Unexpected') return false;
  const cause = (typeof error.cause === 'object' && error.cause !== null ? error.cause : {}) as CauseLike;
  return typeof cause.name === 'string' && UNAVAILABLE_NAMES.has(cause.name);
}
