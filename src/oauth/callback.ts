import { err, ok, type Result } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import type { InvalidParameterError, UnexpectedError } from '../errors/types.js';
import { isOAuthErrorCode, type OAuthError, oauthError, untrustedDescription } from './oauth-error.js';

/**
 * What the authorization server put on the redirect back to the app: the one-time `code`, and the
 * `state` it echoed (absent when none was sent).
 *
 * @example
 * ```ts
 * const { code, state }: CallbackParameters = parseCallback(req.url)._unsafeUnwrap();
 * ```
 */
export interface CallbackParameters {
  readonly code: string;
  readonly state: string | undefined;
}

function searchParams(callback: string | URL | URLSearchParams): URLSearchParams | undefined {
  if (callback instanceof URLSearchParams) return callback;
  if (callback instanceof URL) return callback.searchParams;
  if (typeof callback !== 'string') return undefined;
  try {
    return new URL(callback).searchParams;
  } catch {
    // A path with a query (`/callback?code=...`) or a bare query string.
    const query = callback.includes('?') ? callback.slice(callback.indexOf('?') + 1) : callback;
    return new URLSearchParams(query.split('#')[0]);
  }
}

/**
 * Reads the redirect that came back from the authorize endpoint — a full URL, a path with its query
 * (`req.url`), a query string, or `URLSearchParams`. An `error` on the redirect (the user cancelled,
 * `access_denied`; a federated IdP failed, `invalid_request`; …) becomes an {@link OAuthError}; a
 * redirect with neither `code` nor `error` is `InvalidParameter`.
 *
 * @example
 * ```ts
 * const callback = parseCallback('https://app.example.com/callback?code=abc&state=xyz');
 * if (callback.isErr() && callback.error.type === 'OAuth') console.warn(callback.error.error); // e.g. access_denied
 * ```
 */
export function parseCallback(
  callback: string | URL | URLSearchParams,
): Result<CallbackParameters, OAuthError | InvalidParameterError | UnexpectedError> {
  const params = searchParams(callback);
  if (!params)
    return err(makeError('InvalidParameter', 'callback must be a URL, a query string or URLSearchParams'));
  const error = params.get('error');
  if (error !== null) {
    const raw = params.get('error_description');
    const description = raw === null ? undefined : untrustedDescription(raw);
    const said = description ? ` (untrusted error_description: "${description}")` : '';
    return isOAuthErrorCode(error)
      ? err(oauthError(error, `The redirect carries the error ${error}${said}`, { description }))
      : err(
          makeError(
            'Unexpected',
            `The redirect carries an unknown error "${untrustedDescription(error).slice(0, 40)}"${said}`,
          ),
        );
  }
  const code = params.get('code');
  if (code === null || code === '') {
    return err(makeError('InvalidParameter', 'The callback has neither a code nor an error parameter'));
  }
  return ok({ code, state: params.get('state') ?? undefined });
}

/**
 * Checks that the `state` that came back is the one the sign-in was started with; a mismatch (or a
 * missing state) is an {@link OAuthError} `state_mismatch`: the redirect may be forged (CSRF) or belong
 * to another sign-in, and its code must not be used.
 *
 * @example
 * ```ts
 * checkState(callback.state, started.state).isOk();
 * ```
 */
export function checkState(received: string | undefined, expected: string): Result<void, OAuthError> {
  return received === expected
    ? ok(undefined)
    : err(
        oauthError(
          'state_mismatch',
          received === undefined
            ? 'The redirect carries no state, but the sign-in sent one: it may be forged; start the sign-in again'
            : 'The redirect carries another state than the sign-in sent: it may be forged; start the sign-in again',
        ),
      );
}
