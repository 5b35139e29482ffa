/**
 * Every error cognito-flow returns is a plain, readonly object tagged with `type`.
 *
 * Errors never carry a password, token, session string or client secret: messages are
 * redacted, and the original SDK error sits in a non-enumerable `cause` that
 * `JSON.stringify` and `util.inspect` leave out.
 */

/**
 * Fields shared by every error.
 *
 * @example
 * ```ts
 * function log(error: ErrorBase<string>) {
 *   console.warn(`${error.type}: ${error.message}`, { retryable: error.retryable, requestId: error.requestId });
 * }
 * ```
 */
export interface ErrorBase<T extends string> {
  /** Discriminant: `switch (error.type)` is exhaustive over an operation's error union. */
  readonly type: T;
  /** Human-readable description, safe to log. */
  readonly message: string;
  /** Whether the same call may succeed if retried later (throttling, network, server faults). */
  readonly retryable: boolean;
  /** The AWS request id, when Cognito answered. */
  readonly requestId?: string;
  /** The underlying SDK or runtime error (non-enumerable, never serialised). */
  readonly cause?: unknown;
}

/**
 * The user name and password did not match, the user is disabled, or a token was rejected.
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'NotAuthorized') console.warn(result.error.message);
 * ```
 */
export type NotAuthorizedError = ErrorBase<'NotAuthorized'>;
/**
 * No such user in the pool (only when the pool does not hide user existence).
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'UserNotFound') console.warn(result.error.message);
 * ```
 */
export type UserNotFoundError = ErrorBase<'UserNotFound'>;
/**
 * The user has not confirmed the sign-up yet.
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'UserNotConfirmed') console.warn(result.error.message);
 * ```
 */
export type UserNotConfirmedError = ErrorBase<'UserNotConfirmed'>;
/**
 * An administrator reset the password; the user must set a new one with a code.
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'PasswordResetRequired') console.warn(result.error.message);
 * ```
 */
export type PasswordResetRequiredError = ErrorBase<'PasswordResetRequired'>;
/**
 * A confirmation or MFA code was wrong.
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'CodeMismatch') console.warn(result.error.message);
 * ```
 */
export type CodeMismatchError = ErrorBase<'CodeMismatch'>;
/**
 * A confirmation code has expired.
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'ExpiredCode') console.warn(result.error.message);
 * ```
 */
export type ExpiredCodeError = ErrorBase<'ExpiredCode'>;
/**
 * The new password does not satisfy the pool's password policy.
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'InvalidPassword') console.warn(result.error.message);
 * ```
 */
export type InvalidPasswordError = ErrorBase<'InvalidPassword'>;
/**
 * A user with that user name already exists.
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'UsernameExists') console.warn(result.error.message);
 * ```
 */
export type UsernameExistsError = ErrorBase<'UsernameExists'>;
/**
 * A per-account or per-user limit was reached.
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'LimitExceeded') console.warn(result.error.message);
 * ```
 */
export type LimitExceededError = ErrorBase<'LimitExceeded'>;
/**
 * Cognito throttled the call. Retry with backoff.
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'TooManyRequests') console.warn(result.error.message);
 * ```
 */
export type TooManyRequestsError = ErrorBase<'TooManyRequests'>;
/**
 * Cognito rejected a parameter.
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'InvalidParameter') console.warn(result.error.message);
 * ```
 */
export type InvalidParameterError = ErrorBase<'InvalidParameter'>;
/**
 * A pool, client, identity or user named in the call does not exist.
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'ResourceNotFound') console.warn(result.error.message);
 * ```
 */
export type ResourceNotFoundError = ErrorBase<'ResourceNotFound'>;
/**
 * The sign-in session (about three minutes) has expired: start the sign-in again.
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'SessionExpired') console.warn(result.error.message);
 * ```
 */
export type SessionExpiredError = ErrorBase<'SessionExpired'>;
/**
 * A step was malformed, of the wrong kind for the call, or belongs to another app client.
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'InvalidStep') console.warn(result.error.message);
 * ```
 */
export type InvalidStepError = ErrorBase<'InvalidStep'>;
/**
 * The configuration passed to a `create` factory or constructor is invalid.
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'InvalidConfig') console.warn(result.error.message);
 * ```
 */
export type InvalidConfigError = ErrorBase<'InvalidConfig'>;
/**
 * `completeNewPassword` was called without attributes that Cognito requires.
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'MissingRequiredAttributes') console.warn(result.error.message);
 * ```
 */
export interface MissingRequiredAttributesError extends ErrorBase<'MissingRequiredAttributes'> {
  readonly missing: readonly string[];
}
/**
 * Why the SRP computation was abandoned.
 *
 * @example
 * ```ts
 * if (error.type === 'SrpAborted' && error.reason === 'B_IS_ZERO_MOD_N') reportTampering();
 * ```
 */
export type SrpAbortReason = 'B_IS_ZERO_MOD_N' | 'U_IS_ZERO' | 'MALFORMED_PARAMETER';

/**
 * The SRP exchange was abandoned because the server's values are unsafe or malformed
 * (`SRP_B mod N == 0`, `u == 0`, bad hex or base64). Never retry with the same answer.

 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'SrpAborted') console.warn(result.error.message);
 * ```
 */
export interface SrpAbortedError extends ErrorBase<'SrpAborted'> {
  readonly reason: SrpAbortReason;
}
/**
 * The session cannot be kept alive: the refresh token was revoked or has expired (or the user was
 * signed out everywhere). The token store has been cleared; the user must sign in again.
 *
 * @example
 * ```ts
 * if (tokens.isErr() && tokens.error.type === 'SessionEnded') redirectToSignIn();
 * ```
 */
export type SessionEndedError = ErrorBase<'SessionEnded'>;

/**
 * Why a token failed verification.
 *
 * @example
 * ```ts
 * if (error.type === 'InvalidToken' && error.reason === 'expired') await session.refresh();
 * ```
 */
export type InvalidTokenReason =
  | 'malformed'
  | 'signature'
  | 'expired'
  | 'not_yet_valid'
  | 'issuer'
  | 'audience'
  | 'token_use'
  | 'groups'
  | 'scope'
  | 'claims'
  | 'jwks';

/**
 * A JWT did not pass verification (signature, issuer, expiry, audience/client id, token use, groups or
 * scopes), or the pool's JWKS could not be fetched.
 *
 * @example
 * ```ts
 * if (verified.isErr() && verified.error.type === 'InvalidToken') res.status(401).end();
 * ```
 */
export interface InvalidTokenError extends ErrorBase<'InvalidToken'> {
  readonly reason: InvalidTokenReason;
}

/**
 * A token or device store failed: the backing file is corrupt or unreadable, or a custom store threw.
 *
 * @example
 * ```ts
 * if (loaded.isErr() && loaded.error.type === 'TokenStore') console.error(loaded.error.message);
 * ```
 */
export type TokenStoreError = ErrorBase<'TokenStore'>;

/**
 * A user-pool Lambda trigger failed or rejected the request.
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'LambdaTrigger') console.warn(result.error.message);
 * ```
 */
export type LambdaTriggerError = ErrorBase<'LambdaTrigger'>;
/**
 * The user pool or identity pool is misconfigured for this call (e.g. an auth flow is not enabled).
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'InvalidConfiguration') console.warn(result.error.message);
 * ```
 */
export type InvalidConfigurationError = ErrorBase<'InvalidConfiguration'>;
/**
 * An external identity provider that Cognito called failed.
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'ExternalService') console.warn(result.error.message);
 * ```
 */
export type ExternalServiceError = ErrorBase<'ExternalService'>;
/**
 * Cognito reported an internal error. Retry with backoff.
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'Internal') console.warn(result.error.message);
 * ```
 */
export type InternalError = ErrorBase<'Internal'>;
/**
 * The request never got an answer: connection refused or reset, DNS failure, time-out.
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'Network') console.warn(result.error.message);
 * ```
 */
export type NetworkError = ErrorBase<'Network'>;
/**
 * Anything else, including answers that are not Cognito JSON (such as an HTML error page).
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'Unexpected') console.warn(result.error.message);
 * ```
 */
export type UnexpectedError = ErrorBase<'Unexpected'>;

/**
 * Every error cognito-flow can return. Operations return narrower unions of these.
 *
 * @example
 * ```ts
 * const retry = (error: CognitoError) => error.retryable && error.type !== 'SessionExpired';
 * ```
 */
export type CognitoError =
  | NotAuthorizedError
  | UserNotFoundError
  | UserNotConfirmedError
  | PasswordResetRequiredError
  | CodeMismatchError
  | ExpiredCodeError
  | InvalidPasswordError
  | UsernameExistsError
  | LimitExceededError
  | TooManyRequestsError
  | InvalidParameterError
  | ResourceNotFoundError
  | SessionExpiredError
  | InvalidStepError
  | InvalidConfigError
  | MissingRequiredAttributesError
  | SrpAbortedError
  | SessionEndedError
  | InvalidTokenError
  | TokenStoreError
  | LambdaTriggerError
  | InvalidConfigurationError
  | ExternalServiceError
  | InternalError
  | NetworkError
  | UnexpectedError;

/**
 * The `type` tags of {@link CognitoError}.
 *
 * @example
 * ```ts
 * const fatal: CognitoErrorType[] = ['InvalidConfig', 'InvalidConfiguration'];
 * ```
 */
export type CognitoErrorType = CognitoError['type'];

/**
 * Errors any call that reaches Cognito can return, whatever the operation.
 *
 * @example
 * ```ts
 * function isTransient(error: ServiceError) { return error.retryable; }
 * ```
 */
export type ServiceError =
  | InvalidParameterError
  | ResourceNotFoundError
  | LimitExceededError
  | TooManyRequestsError
  | LambdaTriggerError
  | InvalidConfigurationError
  | InternalError
  | NetworkError
  | UnexpectedError
  | InvalidConfigError;
