import { ResultAsync } from 'neverthrow';
import type { ResolvedAuthConfig } from '../config/auth-config.js';
import { secretHash } from '../crypto/secret-hash.js';
import { makeError } from '../errors/make-error.js';
import type { UnexpectedError } from '../errors/types.js';
import type { UserPoolTransport } from './user-pool-transport.js';

/** What the flows and challenges need: the validated config and the seam. */
export interface AuthContext {
  readonly config: ResolvedAuthConfig;
  readonly transport: UserPoolTransport;
}

/**
 * `{ SECRET_HASH }` for `username` when the app client has a secret, `{}` otherwise.
 *
 * @example
 * ```ts
 * secretHashParameter(context.config, 'alice').map((p) => ({ USERNAME: 'alice', ...p }));
 * ```
 */
export function secretHashParameter(
  config: ResolvedAuthConfig,
  username: string,
): ResultAsync<{ SECRET_HASH?: string }, UnexpectedError> {
  const secret = config.clientSecret;
  if (secret === undefined) return ResultAsync.fromSafePromise(Promise.resolve({}));
  return ResultAsync.fromPromise(
    secretHash(username, config.clientId, secret).then((SECRET_HASH) => ({ SECRET_HASH })),
    () => makeError('Unexpected', 'Could not compute SECRET_HASH (WebCrypto unavailable?)'),
  );
}
