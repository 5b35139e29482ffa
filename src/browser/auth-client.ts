import type { Result } from 'neverthrow';
import { AuthClientCore } from '../auth/auth-client-core.js';
import type { UserPoolAuthOperations, UserPoolTransport } from '../auth/user-pool-transport.js';
import type { AuthClientConfig, ResolvedAuthConfig } from '../config/auth-config.js';
import type { InvalidConfigError } from '../errors/types.js';
import { fetchTransport } from '../transport/fetch-transport.js';

/** The browser path: plain `fetch` to the regional endpoint (or `endpoint`), no AWS SDK. */
function fetchDefaultTransport(config: ResolvedAuthConfig): UserPoolTransport {
  return fetchTransport<UserPoolAuthOperations>({
    service: 'cognito-idp',
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
  });
}

/**
 * The same `AuthClient` as `cognito-flow`'s, on plain `fetch` instead of the AWS SDK — for browsers and
 * other places where bundle size matters. Only unsigned operations exist here: `adminSignIn` answers
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
    super(config, transport, fetchDefaultTransport);
  }
}
