/**
 * Tokens as functions of a {@link UserPool}: a one-off refresh, and the `Session` that keeps tokens fresh.
 * `AuthClient#session` and `#restoreSession` call these.
 */
import { errAsync, type ResultAsync } from 'neverthrow';
import { makeError } from '../../errors/make-error.js';
import { narrowError } from '../../errors/narrow.js';
import { SERVICE_ERROR_TAGS } from '../../errors/service-errors.js';
import type {
  InvalidConfigError,
  InvalidParameterError,
  NotAuthorizedError,
  ServiceError,
  TokenStoreError,
  UnexpectedError,
  UserNotFoundError,
} from '../../errors/types.js';
import { type RefreshOperation, refreshTokens as refreshTokensFlow } from '../../tokens/refresh.js';
import {
  createSession,
  failedSession,
  restoreSession as restoreSessionFlow,
  type Session,
} from '../../tokens/session.js';
import type { SessionOptions } from '../../tokens/session-options.js';
import type { TokenStore } from '../../tokens/stores/token-store.js';
import type { TokenSet } from '../../tokens/token-set.js';
import { poolContext, type UserPool, withPool } from '../user-pool.js';

/**
 * The errors of {@link refreshTokens}: `NotAuthorized` when the refresh token was revoked or has expired
 * (or the app client's secret is wrong), `UserNotFound` when the user was deleted, the service errors
 * (`Network`, `TooManyRequests`, … with `retryable`), `InvalidConfig`, and `Unexpected`.
 *
 * @example
 * ```ts
 * const fresh = await refreshTokens(pool, tokens);
 * if (fresh.isErr() && fresh.error.type === 'NotAuthorized') redirectToSignIn();
 * ```
 */
export type RefreshError =
  | NotAuthorizedError
  | UserNotFoundError
  | ServiceError
  | InvalidConfigError
  | UnexpectedError;

const REFRESH_ERRORS = [
  'NotAuthorized',
  'UserNotFound',
  ...SERVICE_ERROR_TAGS,
] as const satisfies readonly RefreshError['type'][];

/**
 * How {@link refreshTokens} refreshes: `operation` as a `Session`'s `refreshOperation` (default `auto`:
 * GetTokensFromRefreshToken, with InitiateAuth `REFRESH_TOKEN_AUTH` only where the endpoint lacks it), and
 * the user name typed at sign-in (the DeviceStore key, for pools that remember devices).
 *
 * @example
 * ```ts
 * const options: RefreshTokensOptions = { operation: 'REFRESH_TOKEN_AUTH', username: 'alice' };
 * ```
 */
export interface RefreshTokensOptions {
  readonly operation?: RefreshOperation;
  readonly username?: string;
}

/**
 * Gets new tokens with the refresh token of `tokens`, once, with no state kept: the returned set always has
 * a refresh token (the rotated one, or the one used when Cognito did not rotate it). For tokens kept fresh
 * ahead of expiry, shared among concurrent callers and persisted, use {@link startSession}.
 *
 * @example
 * ```ts
 * import { refreshTokens } from 'cognito-flow/browser';
 * const fresh = await refreshTokens(pool, tokens);
 * if (fresh.isOk()) tokens = fresh.value;
 * ```
 */
export function refreshTokens(
  pool: UserPool,
  tokens: TokenSet,
  options: RefreshTokensOptions = {},
): ResultAsync<TokenSet, RefreshError> {
  return withPool(pool, (context) => {
    // The refresh reads only the refresh token and two claims (decoded defensively): a light check keeps it small.
    const refreshToken = (tokens as Partial<TokenSet> | null)?.refreshToken;
    if (
      typeof tokens !== 'object' ||
      tokens === null ||
      (refreshToken !== undefined && typeof refreshToken !== 'string')
    ) {
      return errAsync(
        makeError('InvalidParameter', 'tokens must be a TokenSet (with a string refreshToken)'),
      );
    }
    const { operation = 'auto', username } = options ?? {};
    return refreshTokensFlow(context, tokens, { operation, username }).mapErr((error) =>
      narrowError(error, REFRESH_ERRORS),
    );
  });
}

/**
 * A `Session` that keeps `tokens` fresh: refreshes ahead of expiry (default 5 minutes), shares one refresh
 * among concurrent callers, persists to `options.store`, and ends (`SessionEnded`) when the refresh token is
 * revoked. With an invalid pool every call returns the `InvalidConfig` error.
 *
 * @example
 * ```ts
 * if (step.step === 'SIGNED_IN') {
 *   const session = startSession(pool, step.tokens, { store: memoryTokenStore() });
 *   const idToken = await session.getIdToken(); // refreshed when close to expiry
 * }
 * ```
 */
export function startSession(pool: UserPool, tokens: TokenSet, options?: SessionOptions): Session {
  return poolContext(pool).match(
    (context) => createSession(context, tokens, options),
    (error) => failedSession(error),
  );
}

/**
 * Restores the session a `TokenStore` holds (e.g. after a reload): `undefined` when the store is empty.
 *
 * @example
 * ```ts
 * const restored = await restoreSession(pool, { store: localStorageTokenStore });
 * if (restored.isOk() && restored.value) console.log(await restored.value.getAccessToken());
 * ```
 */
export function restoreSession(
  pool: UserPool,
  options: SessionOptions & { readonly store: TokenStore },
): ResultAsync<Session | undefined, TokenStoreError | InvalidParameterError | InvalidConfigError> {
  return withPool(pool, (context) => restoreSessionFlow(context, options));
}
