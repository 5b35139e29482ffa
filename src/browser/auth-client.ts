import type { Result } from 'neverthrow';
import { AuthClientCore } from '../auth/auth-client-core.js';
import type { UserPoolTransport } from '../auth/user-pool-transport.js';
import type { AuthClientConfig } from '../config/auth-config.js';
import type { InvalidConfigError } from '../errors/types.js';
import { fetchUserPoolTransport } from './fetch-user-pool-transport.js';

/**
 * The same `AuthClient` as `cognito-flow`'s, on plain `fetch` instead of the AWS SDK — for browsers and
 * other places where bundle size matters (a bundle keeps every method of a class: for the smallest bundle use
 * the functions, `signIn(userPool(config), input)` and the rest). Only unsigned operations exist here: `adminSignIn` answers
 * `InvalidConfig` (use the SDK entry on a server for it). An injected `client` is ignored.
 *
 * @example
 * ```ts
 * import { AuthClient } from 'cognito-flow/browser';
 * const auth = AuthClient.create({ userPoolId: 'eu-west-1_AbC123', clientId: '1example' })._unsafeUnwrap();
 * const step = await auth.signIn({ username: 'alice', password });
 * ```
 */
export class AuthClient extends AuthClientCore {
  /**
   * Validates `config` and builds a client; invalid config is an `InvalidConfig` error.
   *
   * @example
   * ```ts
   * const auth = AuthClient.create({ userPoolId: 'eu-west-1_AbC123', clientId: '1example' });
   * ```
   */
  static create(config: AuthClientConfig): Result<AuthClient, InvalidConfigError> {
    return AuthClientCore.validated(new AuthClient(config));
  }

  /**
   * Builds a client without checking the result (every call then returns the `InvalidConfig` error).
   *
   * @example
   * ```ts
   * const auth = new AuthClient({ userPoolId: 'eu-west-1_AbC123', clientId: '1example' });
   * ```
   */
  constructor(config: AuthClientConfig, transport?: UserPoolTransport) {
    super(config, transport, fetchUserPoolTransport);
  }
}
