import type {
  InvalidConfigError,
  InvalidParameterError,
  NetworkError,
  TooManyRequestsError,
  UnexpectedError,
} from '../errors/types.js';
import type { OAuthError } from './oauth-error.js';

/**
 * What a call to a Cognito OAuth 2.0 endpoint can fail with: the server's OAuth error (or a failed
 * state/nonce check), bad input (no request sent), a client built from invalid config, throttling
 * (HTTP 429), no answer at all (connection failure or time-out), or an answer that is not OAuth JSON.
 *
 * @example
 * ```ts
 * function describe(error: OAuthClientError): string {
 *   switch (error.type) {
 *     case 'OAuth': return `OAuth ${error.error}`;
 *     case 'Network': case 'TooManyRequests': return 'try again later';
 *     default: return error.message;
 *   }
 * }
 * ```
 */
export type OAuthClientError =
  | OAuthError
  | InvalidParameterError
  | InvalidConfigError
  | TooManyRequestsError
  | NetworkError
  | UnexpectedError;

/**
 * What building a URL (authorize, logout) can fail with: bad input, or a client built from invalid config.
 *
 * @example
 * ```ts
 * const url = oauth.logoutUrl();
 * if (url.isErr()) console.warn(url.error.type, url.error.message);
 * ```
 */
export type OAuthUrlError = InvalidParameterError | InvalidConfigError;
