import { err, ok, type Result, type ResultAsync } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import type { AwsCredentials } from './credentials.js';
import type { IdentityError } from './errors.js';

/**
 * What a token source's failure looks like: any tagged error (a `Session`'s `SessionError` is one).
 *
 * @example
 * ```ts
 * const failure: IdTokenSourceError = { type: 'SessionEnded', message: 'The refresh token was revoked' };
 * ```
 */
export interface IdTokenSourceError {
  readonly type: string;
  readonly message: string;
}

/**
 * Anything that hands out a current ID token: a `Session` from `cognito-flow` (its `getIdToken()`
 * refreshes the tokens ahead of expiry) or a plain async function. A function may resolve to
 * `undefined` when nobody is signed in (see the provider's `guest` option).
 *
 * @example
 * ```ts
 * const fromSession: IdTokenSource = session;
 * const fromFunction: IdTokenSource = async () => (await myAuth.currentTokens()).idToken;
 * ```
 */
export type IdTokenSource =
  | (() => PromiseLike<string | undefined | null>)
  | {
      getIdToken(): ResultAsync<string, IdTokenSourceError> | PromiseLike<Result<string, IdTokenSourceError>>;
    };

/**
 * Options of {@link IdentityPool.provider}.
 *
 * @example
 * ```ts
 * const options: CredentialProviderOptions = { guest: true };
 * ```
 */
export interface CredentialProviderOptions {
  /**
   * Hand out guest credentials while nobody is signed in (the source resolves to `undefined`, or a
   * session answers `SessionEnded`); on sign-in the guest identity id is passed on, so the signed-in
   * user keeps it.
   */
  readonly guest?: boolean;
  /** Enhanced flow: the role to ask for, when the pool maps several. */
  readonly customRoleArn?: string;
}

/**
 * An AWS SDK v3 credential provider (`AwsCredentialIdentityProvider`): pass it as `credentials` to any
 * client. It resolves to {@link AwsCredentials} or rejects with an {@link IdentityCredentialsError}.
 *
 * @example
 * ```ts
 * const credentials: CognitoCredentialProvider = pool.provider(session);
 * const s3 = new S3Client({ region: 'eu-west-1', credentials });
 * ```
 */
export type CognitoCredentialProvider = (
  identityProperties?: Record<string, unknown>,
) => Promise<AwsCredentials>;

/**
 * Why a {@link CognitoCredentialProvider} could not hand out credentials. The AWS SDK expects a
 * provider to reject, so this is the one error cognito-flow throws: the typed error is in `error`
 * (its `type` and `retryable` are copied onto the exception), and the message is already redacted.
 *
 * @example
 * ```ts
 * try {
 *   await s3.send(new ListBucketsCommand({}));
 * } catch (e) {
 *   if (isIdentityCredentialsError(e) && e.error.type === 'SessionEnded') redirectToSignIn();
 * }
 * ```
 */
export class IdentityCredentialsError extends Error {
  override readonly name = 'IdentityCredentialsError';
  /** The typed error: an identity-pool error, or the token source's own. */
  readonly error: IdentityError | IdTokenSourceError;
  /** Copied from `error`. */
  readonly type: string;
  /** Whether asking again later may succeed. */
  readonly retryable: boolean;

  constructor(error: IdentityError | IdTokenSourceError) {
    super(`Could not get AWS credentials from the identity pool: ${error.type}: ${error.message}`);
    this.error = error;
    this.type = error.type;
    this.retryable = (error as { retryable?: unknown }).retryable === true;
  }
}

/**
 * Whether `value` is an {@link IdentityCredentialsError} (also across copies of the package).
 *
 * @example
 * ```ts
 * s3.send(command).catch((e) => { if (isIdentityCredentialsError(e)) console.warn(e.error.type); });
 * ```
 */
export function isIdentityCredentialsError(value: unknown): value is IdentityCredentialsError {
  return (
    value instanceof IdentityCredentialsError ||
    (value instanceof Error &&
      value.name === 'IdentityCredentialsError' &&
      typeof (value as { error?: unknown }).error === 'object')
  );
}

/** What a provider asks its pool for. */
export interface ProviderBackend {
  signedIn(idToken: string, guestIdentityId: string | undefined): ResultAsync<AwsCredentials, IdentityError>;
  guest(): ResultAsync<AwsCredentials, IdentityError>;
}

type TokenRead = Result<string | undefined, IdentityError | IdTokenSourceError>;

async function readToken(source: IdTokenSource, guest: boolean): Promise<TokenRead> {
  try {
    if (typeof source === 'function') {
      const token = await source();
      if (token === undefined || token === null) return ok(undefined);
      return typeof token === 'string' && token.length > 0
        ? ok(token)
        : err(makeError('InvalidParameter', 'The ID token source gave something that is not a token'));
    }
    const result = await source.getIdToken();
    if (result.isOk()) return ok(result.value);
    if (guest && result.error.type === 'SessionEnded') return ok(undefined);
    return err(result.error);
  } catch (thrown) {
    return err(makeError('Unexpected', 'The ID token source failed', { cause: thrown }));
  }
}

/**
 * Builds the provider behind {@link IdentityPool.provider}: each call reads the current ID token from
 * `source` and asks the pool, whose cache answers without a request while the credentials for that
 * token are fresh; concurrent calls share one run.
 *
 * @example
 * ```ts
 * const provider = credentialProvider(backend, session, { guest: true });
 * ```
 */
export function credentialProvider(
  backend: ProviderBackend,
  source: IdTokenSource,
  options: CredentialProviderOptions = {},
): CognitoCredentialProvider {
  const guestAllowed = options.guest === true;
  let guestIdentityId: string | undefined;
  let pending: Promise<AwsCredentials> | undefined;

  const run = async (): Promise<AwsCredentials> => {
    if (typeof source !== 'function' && typeof source?.getIdToken !== 'function') {
      throw new IdentityCredentialsError(
        makeError('InvalidParameter', 'The source must be a function or have getIdToken()'),
      );
    }
    const token = await readToken(source, guestAllowed);
    if (token.isErr()) throw new IdentityCredentialsError(token.error);
    if (token.value === undefined) {
      if (!guestAllowed) {
        throw new IdentityCredentialsError(
          makeError('NotAuthorized', 'Nobody is signed in: the ID token source gave no token'),
        );
      }
      const guest = await backend.guest();
      if (guest.isErr()) throw new IdentityCredentialsError(guest.error);
      guestIdentityId = guest.value.identityId;
      return guest.value;
    }
    const signedIn = await backend.signedIn(token.value, guestIdentityId);
    if (signedIn.isErr()) throw new IdentityCredentialsError(signedIn.error);
    guestIdentityId = undefined;
    return signedIn.value;
  };

  return () => {
    pending ??= run().finally(() => {
      pending = undefined;
    });
    return pending;
  };
}
