import { ResultAsync } from 'neverthrow';
import { modPow, srpHashes } from '#modpow';
import type { ResolvedAuthConfig } from '../config/auth-config.js';
import { secretHash } from '../crypto/secret-hash.js';
import { makeError } from '../errors/make-error.js';
import type { UnexpectedError } from '../errors/types.js';
import type { SrpDeps } from '../srp/srp-client.js';
import { type AnsweredSessions, answeredSessions } from './answered-sessions.js';
import { type IssuedSteps, issuedSteps } from './step-provenance.js';
import type { UserPoolTransport } from './user-pool-transport.js';

/** What the flows and challenges need: the validated config, the seam and the SRP arithmetic. */
export interface AuthContext {
  readonly config: ResolvedAuthConfig;
  readonly transport: UserPoolTransport;
  readonly srp: SrpDeps;
  /** Sessions of steps this client has answered (a step is answered once). */
  readonly answered: AnsweredSessions;
  /** The steps this client vouches for (built here or opened from a seal): only they keep `admin` and their user name. */
  readonly issued: IssuedSteps;
}

/**
 * Builds the context of an {@link AuthClient}: SRP uses the modular exponentiation and hashes the `#modpow`
 * import condition picks (OpenSSL and node:crypto on Node; native BigInt and WebCrypto elsewhere).
 *
 * @example
 * ```ts
 * const context = authContext(config, userPoolSdkTransport(client));
 * ```
 */
export function authContext(config: ResolvedAuthConfig, transport: UserPoolTransport): AuthContext {
  return {
    config,
    transport,
    srp: { modPow, ...(srpHashes ? { hashes: srpHashes } : {}) },
    answered: answeredSessions(),
    issued: issuedSteps(),
  };
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
