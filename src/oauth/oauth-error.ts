import type { ErrorBase } from '../errors/types.js';

/**
 * The OAuth 2.0 error codes a Cognito domain answers with (RFC 6749 §4.1.2.1 and §5.2, RFC 6750 §3.1,
 * RFC 7009 §2.2.1), plus two that cognito-flow reports itself when a redirect does not match the sign-in
 * it started: `state_mismatch` (the `state` that came back is not the one sent — a forged or crossed
 * redirect) and `nonce_mismatch` (the ID token's `nonce` is not the one sent — a replayed token).
 *
 * @example
 * ```ts
 * const signInAgain: OAuthErrorCode[] = ['invalid_grant', 'access_denied', 'state_mismatch'];
 * ```
 */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'access_denied'
  | 'unsupported_response_type'
  | 'server_error'
  | 'temporarily_unavailable'
  | 'invalid_token'
  | 'insufficient_scope'
  | 'unsupported_token_type'
  | 'state_mismatch'
  | 'nonce_mismatch';

const CODES: ReadonlySet<string> = new Set<OAuthErrorCode>([
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
  'access_denied',
  'unsupported_response_type',
  'server_error',
  'temporarily_unavailable',
  'invalid_token',
  'insufficient_scope',
  'unsupported_token_type',
  'state_mismatch',
  'nonce_mismatch',
]);

/**
 * Whether `value` is one of the {@link OAuthErrorCode}s.
 *
 * @example
 * ```ts
 * isOAuthErrorCode('invalid_grant'); // true
 * ```
 */
export function isOAuthErrorCode(value: unknown): value is OAuthErrorCode {
  return typeof value === 'string' && CODES.has(value);
}

/**
 * An OAuth 2.0 error answer from the Cognito domain (token, revocation or userInfo endpoint, or the
 * error parameters of a redirect), or a `state`/`nonce` check that failed. `switch (error.error)` is
 * exhaustive over {@link OAuthErrorCode}. The message and `description` never contain the client secret,
 * a code, a code verifier or a token.
 *
 * @example
 * ```ts
 * const tokens = await oauth.exchangeCode({ code, codeVerifier, redirectUri });
 * if (tokens.isErr() && tokens.error.type === 'OAuth' && tokens.error.error === 'invalid_grant') {
 *   return redirect('/sign-in'); // the code was used already or has expired
 * }
 * ```
 */
export interface OAuthError extends ErrorBase<'OAuth'> {
  /** The OAuth error code. */
  readonly error: OAuthErrorCode;
  /** The server's `error_description`, when it sent one. */
  readonly description?: string;
  /** The HTTP status of the answer; absent for redirect errors and for the checks made here. */
  readonly status?: number;
}

/**
 * Options of {@link oauthError}.
 *
 * @example
 * ```ts
 * const options: OAuthErrorOptions = { status: 400, description: 'code already used' };
 * ```
 */
export interface OAuthErrorOptions {
  readonly status?: number | undefined;
  readonly description?: string | undefined;
  readonly retryable?: boolean | undefined;
  readonly requestId?: string | undefined;
  readonly cause?: unknown;
}

/**
 * Builds a frozen {@link OAuthError} shaped like every other cognito-flow error (`type`, `message`,
 * `retryable`, optional `requestId`, non-enumerable `cause`). `server_error` and
 * `temporarily_unavailable` are retryable unless told otherwise.
 *
 * @example
 * ```ts
 * const e = oauthError('invalid_grant', 'The token endpoint refused the code', { status: 400 });
 * ```
 */
export function oauthError(
  code: OAuthErrorCode,
  message: string,
  options: OAuthErrorOptions = {},
): OAuthError {
  const error: Record<string, unknown> = {
    type: 'OAuth',
    error: code,
    message,
    retryable: options.retryable ?? (code === 'server_error' || code === 'temporarily_unavailable'),
    ...(options.requestId !== undefined ? { requestId: options.requestId } : {}),
    ...(options.status !== undefined ? { status: options.status } : {}),
    ...(options.description !== undefined ? { description: options.description } : {}),
  };
  if (options.cause !== undefined) {
    Object.defineProperty(error, 'cause', { value: options.cause, enumerable: false });
  }
  return Object.freeze(error) as unknown as OAuthError;
}

/** The longest `error_description` kept (characters); the rest is cut and marked `…`. */
export const DESCRIPTION_MAX_CHARS = 200;

/**
 * An `error_description` from outside (a redirect anyone can craft, or a server's answer) made safe to
 * show in a message: control characters removed, cut at {@link DESCRIPTION_MAX_CHARS}.
 *
 * @example
 * ```ts
 * untrustedDescription('Bad\r\nrequest'); // 'Bad request'
 * ```
 */
export function untrustedDescription(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
  return clean.length > DESCRIPTION_MAX_CHARS ? `${clean.slice(0, DESCRIPTION_MAX_CHARS)}…` : clean;
}
