import { err, ok, type Result, ResultAsync } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import { redact } from '../errors/redact.js';
import type { NetworkError, TooManyRequestsError, UnexpectedError } from '../errors/types.js';
import { isOAuthErrorCode, type OAuthError, oauthError, untrustedDescription } from './oauth-error.js';

/**
 * How requests are sent: the `fetch` to use and the time-out of one request.
 *
 * @example
 * ```ts
 * const http: HttpOptions = { fetch: globalThis.fetch, timeoutMs: 10_000 };
 * ```
 */
export interface HttpOptions {
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
}

/**
 * An HTTP answer, read whole: status, the body parsed as JSON (`undefined` when empty or not JSON),
 * and the headers cognito-flow looks at.
 *
 * @example
 * ```ts
 * const answer: HttpAnswer = { status: 200, json: { access_token: 'x' }, requestId: undefined, wwwAuthenticate: null };
 * ```
 */
export interface HttpAnswer {
  readonly status: number;
  readonly json: unknown;
  readonly requestId: string | undefined;
  readonly wwwAuthenticate: string | null;
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function networkReason(cause: unknown, timeoutMs: number): string {
  const name = (cause as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const inner = (cause as { cause?: { code?: unknown } } | null)?.cause?.code;
  return typeof inner === 'string' ? inner : 'the connection failed';
}

/**
 * Sends one request with a time-out and reads the whole answer. A request that gets no answer
 * (refused, reset, DNS failure, time-out) is a retryable `Network` error; nothing here throws.
 *
 * @example
 * ```ts
 * const answer = await send(http, 'https://auth.example.com/oauth2/token', { method: 'POST', body }, 'The token endpoint');
 * ```
 */
export function send(
  http: HttpOptions,
  url: string,
  init: RequestInit,
  what: string,
): ResultAsync<HttpAnswer, NetworkError | UnexpectedError> {
  const run = async (): Promise<HttpAnswer> => {
    const response = await http.fetch(url, { ...init, signal: AbortSignal.timeout(http.timeoutMs) });
    const text = await response.text();
    return {
      status: response.status,
      json: parseJson(text),
      requestId: response.headers.get('x-amz-cognito-request-id') ?? undefined,
      wwwAuthenticate: response.headers.get('www-authenticate'),
    };
  };
  return ResultAsync.fromPromise(Promise.resolve().then(run), (cause): NetworkError | UnexpectedError => {
    const name = (cause as { name?: unknown } | null)?.name;
    const isNetwork = cause instanceof TypeError || name === 'TimeoutError' || name === 'AbortError';
    return isNetwork
      ? makeError('Network', `${what} could not be reached: ${networkReason(cause, http.timeoutMs)}`, {
          retryable: true,
          cause,
        })
      : makeError('Unexpected', `${what} could not be called`, { cause });
  });
}

/** `error="..."` and `error_description="..."` from a `WWW-Authenticate: Bearer ...` header (RFC 6750 §3). */
function fromWwwAuthenticate(header: string | null): { error?: string; description?: string } {
  if (header === null) return {};
  const field = (name: string) => new RegExp(`(?:^|[\\s,])${name}="([^"]*)"`).exec(header)?.[1];
  const error = field('error');
  const description = field('error_description');
  return {
    ...(error !== undefined ? { error } : {}),
    ...(description !== undefined ? { description } : {}),
  };
}

/**
 * Turns an answer into its JSON body (2xx) or the error it reports: an OAuth `error` (in the JSON body,
 * or in `WWW-Authenticate` as the userInfo endpoint sends it) becomes an {@link OAuthError}, HTTP 429
 * `TooManyRequests`, and anything else `Unexpected` (retryable for 5xx). The server's description is
 * redacted of `secrets` before it goes into a message.
 *
 * @example
 * ```ts
 * const body = readAnswer(answer, 'The token endpoint', [code, codeVerifier, clientSecret]);
 * ```
 */
export function readAnswer(
  answer: HttpAnswer,
  what: string,
  secrets: readonly (string | undefined)[],
): Result<unknown, OAuthError | TooManyRequestsError | UnexpectedError> {
  const { status, json, requestId } = answer;
  if (status >= 200 && status < 300) return ok(json);
  const body = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  const header = fromWwwAuthenticate(answer.wwwAuthenticate);
  const code = typeof body.error === 'string' ? body.error : header.error;
  const rawDescription =
    typeof body.error_description === 'string' ? body.error_description : header.description;
  const description =
    rawDescription === undefined ? undefined : untrustedDescription(redact(rawDescription, secrets));
  if (status === 429) {
    return err(
      makeError('TooManyRequests', `${what} throttled the request (HTTP 429)`, {
        retryable: true,
        requestId,
      }),
    );
  }
  if (isOAuthErrorCode(code)) {
    const said = description ? ` (untrusted error_description: "${description}")` : '';
    const message = `${what} answered ${code} (HTTP ${status})${said}`;
    return err(
      oauthError(code, message, {
        status,
        description,
        requestId,
        ...(status >= 500 ? { retryable: true } : {}),
      }),
    );
  }
  const detail =
    code !== undefined
      ? `an unknown error "${untrustedDescription(redact(code, secrets)).slice(0, 40)}"${description ? ` (untrusted error_description: "${description}")` : ''}`
      : 'an answer that is not an OAuth error';
  return err(
    makeError('Unexpected', `${what} answered HTTP ${status} with ${detail}`, {
      retryable: status >= 500,
      requestId,
    }),
  );
}
