import type {
  CognitoError,
  NotAuthorizedError,
  ServiceError,
  SessionEndedError,
  TokenStoreError,
} from '../errors/types.js';

/**
 * The errors of a {@link Session}'s `getTokens`, `getIdToken`, `getAccessToken` and `refresh`.
 *
 * - `SessionEnded`: the refresh token was revoked or has expired, the user was disabled, deleted or signed
 *   out everywhere, or the session had no refresh token; the store entry is cleared. Sign in again.
 * - `TokenStore`: the store failed (the session keeps its tokens in memory and retries the write on the
 *   next call).
 * - `NotAuthorized`: Cognito rejected the SECRET_HASH — a configuration error (wrong client secret); the
 *   session and its store are left as they were.
 * - the service errors (`Network`, `TooManyRequests`, `Internal`, … all with `retryable`).
 *
 * @example
 * ```ts
 * const tokens = await session.getTokens();
 * if (tokens.isErr()) {
 *   switch (tokens.error.type) {
 *     case 'SessionEnded': return redirectToSignIn();
 *     case 'Network': return retryLater();
 *     default: throw new Error(tokens.error.message);
 *   }
 * }
 * ```
 */
export type SessionError = SessionEndedError | TokenStoreError | NotAuthorizedError | ServiceError;

/**
 * The errors of `session.signOut()`. The session is ended and its store entry cleared whatever happens;
 * an error says that a call to Cognito (GlobalSignOut or RevokeToken) did not succeed, or that the store
 * could not be cleared.
 *
 * @example
 * ```ts
 * const out = await session.signOut({ global: true });
 * if (out.isErr()) console.warn(`Signed out here, but: ${out.error.message}`);
 * ```
 */
export type SignOutError = SessionError;

/** The `type`s of {@link SessionError}, for `narrowError`. */
export const SESSION_ERRORS = [
  'SessionEnded',
  'TokenStore',
  'NotAuthorized',
  'InvalidParameter',
  'ResourceNotFound',
  'LimitExceeded',
  'TooManyRequests',
  'LambdaTrigger',
  'InvalidConfiguration',
  'Internal',
  'Network',
  'InvalidConfig',
] as const satisfies readonly SessionError['type'][];

const causeName = (error: CognitoError): string => {
  const cause = error.cause as { name?: unknown } | undefined;
  return typeof cause?.name === 'string' ? cause.name : '';
};

/** Cognito's words when the app client's secret (SECRET_HASH) is wrong. */
const SECRET_HASH_REJECTED = /secret hash|client secret/i;

/**
 * Whether a refresh error means the refresh token can never work again: NotAuthorized (revoked, expired,
 * invalid, user disabled — but not a rejected SECRET_HASH, which is a configuration error),
 * UserNotFound (user deleted), SessionExpired, or RefreshTokenReuseException (a token already rotated out).
 *
 * @example
 * ```ts
 * if (endsSession(error)) return end('refresh-rejected', error);
 * ```
 */
export function endsSession(error: CognitoError): boolean {
  if (error.type === 'NotAuthorized') return !SECRET_HASH_REJECTED.test(error.message);
  if (error.type === 'UserNotFound' || error.type === 'SessionExpired') return true;
  return error.type === 'Unexpected' && causeName(error) === 'RefreshTokenReuseException';
}
