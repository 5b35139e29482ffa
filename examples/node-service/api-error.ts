import type { Response } from 'express';

/** The body of every error answer: `{ error: { type, message, retryable } }` (plus `reason` for tokens). */
export interface ApiError {
  readonly type: string;
  readonly message: string;
  readonly retryable: boolean;
  readonly reason?: string;
}

/** An error of the request itself (a missing field, a malformed body), before any call to Cognito. */
export function invalidRequest(message: string): ApiError {
  return { type: 'InvalidRequest', message, retryable: false };
}

/**
 * The HTTP status for a cognito-flow error tag: the client's mistakes are 400, failed authentication 401,
 * throttling 429, an unreachable Cognito 503 and anything else on Cognito's side 502.
 */
export function statusOf(type: string): number {
  switch (type) {
    case 'InvalidRequest':
    case 'InvalidStep':
    case 'UnsupportedStep':
    case 'InvalidParameter':
    case 'InvalidPassword':
    case 'MissingRequiredAttributes':
      return 400;
    case 'NotAuthorized':
    case 'UserNotFound':
    case 'CodeMismatch':
    case 'ExpiredCode':
    case 'SessionExpired':
    case 'MissingToken':
    case 'InvalidToken':
      return 401;
    case 'LimitExceeded':
    case 'TooManyRequests':
      return 429;
    case 'Network':
      return 503;
    case 'InvalidConfig':
      return 500;
    default:
      return 502;
  }
}

/**
 * Sends a cognito-flow error (or the service's own) as JSON. Only the tag, the message (which cognito-flow
 * keeps free of passwords, tokens and sessions), `retryable` and a token's `reason` leave the service —
 * never the `cause`. A wrong user name answers exactly like a wrong password, so that the API does not
 * tell who has an account.
 */
export function sendError(res: Response, error: ApiError): void {
  const hidden =
    error.type === 'UserNotFound'
      ? { type: 'NotAuthorized', message: 'Incorrect username or password.', retryable: false }
      : error;
  const body: ApiError = {
    type: hidden.type,
    message: hidden.message,
    retryable: hidden.retryable,
    ...(hidden.reason ? { reason: hidden.reason } : {}),
  };
  res.status(statusOf(error.type)).json({ error: body });
}
