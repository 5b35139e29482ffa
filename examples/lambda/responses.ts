import type { APIGatewayProxyResult } from 'aws-lambda';

/** The body of every error answer: `{ error: { type, message, retryable } }` (plus `reason` for tokens). */
export interface ErrorBody {
  readonly type: string;
  readonly message: string;
  readonly retryable: boolean;
  readonly reason?: string;
}

/**
 * A JSON proxy result. `no-store`: these answers carry tokens and claims, which no cache may keep.
 */
export function json(
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyResult {
  return {
    statusCode,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
    body: JSON.stringify(body),
  };
}

/** The HTTP status for a cognito-flow error tag (or one of the handlers' own). */
export function statusOf(type: string): number {
  switch (type) {
    case 'InvalidRequest':
    case 'InvalidParameter':
    case 'InvalidPassword':
    case 'MissingRequiredAttributes':
      return 400;
    case 'NotAuthorized':
    case 'UserNotFound':
    case 'SessionExpired':
    case 'MissingToken':
    case 'InvalidToken':
      return 401;
    case 'NewPasswordRequired':
    case 'UnsupportedStep':
      return 409;
    case 'LimitExceeded':
    case 'TooManyRequests':
      return 429;
    case 'InvalidConfig':
      return 500;
    case 'Network':
      return 503;
    default:
      return 502;
  }
}

/**
 * An error answer: the tag, the message (cognito-flow keeps passwords, tokens and sessions out of it),
 * `retryable` and a token's `reason` — never the `cause`. An unknown user answers like a wrong password.
 */
export function errorResult(
  error: ErrorBody,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): APIGatewayProxyResult {
  const shown =
    error.type === 'UserNotFound'
      ? { type: 'NotAuthorized', message: 'Incorrect username or password.', retryable: false }
      : error;
  return json(
    statusOf(error.type),
    {
      error: {
        type: shown.type,
        message: shown.message,
        retryable: shown.retryable,
        ...(shown.reason ? { reason: shown.reason } : {}),
        ...extra,
      },
    },
    headers,
  );
}

/** A request error of the handler's own (a malformed body, a missing field), before any call to Cognito. */
export function invalidRequest(message: string): APIGatewayProxyResult {
  return errorResult({ type: 'InvalidRequest', message, retryable: false });
}

/** A header of a REST API proxy event, whatever its case (API Gateway passes the client's own). */
export function header(
  headers: Readonly<Record<string, string | undefined>> | null,
  name: string,
): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}
