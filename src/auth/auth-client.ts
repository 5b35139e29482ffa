import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { Result } from 'neverthrow';
import type { AuthClientConfig, ResolvedAuthConfig } from '../config/auth-config.js';
import type { InvalidConfigError } from '../errors/types.js';
import { libraryClient } from '../transport/library-client.js';
import { AuthClientCore } from './auth-client-core.js';
import { type UserPoolTransport, userPoolSdkTransport } from './user-pool-transport.js';

/** The SDK path: the injected SDK client, or a new one (region, endpoint, time-out, retry rule) from the config. */
function sdkDefaultTransport(config: ResolvedAuthConfig): UserPoolTransport {
  return userPoolSdkTransport(
    config.client ??
      libraryClient(CognitoIdentityProviderClient, {
        region: config.region,
        endpoint: config.endpoint,
        timeoutMs: config.timeoutMs,
      }),
  );
}

/**
 * A Cognito user-pool client whose sign-in is a state machine of plain-data steps, on the AWS SDK v3
 * client (what Node services and aws-sdk-client-mock use). Holds no per-user state: one instance serves
 * any number of concurrent sign-ins. Every method returns a `Result`/`ResultAsync`; none throws.
 *
 * @example
 * ```ts
 * const auth = AuthClient.create({ userPoolId: 'eu-west-1_AbC123', clientId: '1example' })._unsafeUnwrap();
 * const step = await auth.signIn({ username: 'alice', password });
 * if (step.isOk() && step.value.step === 'NEW_PASSWORD_REQUIRED') {
 *   const done = await auth.completeNewPassword(step.value, newPassword, { attributes: { name: 'Alice' } });
 * }
 * ```
 */
export class AuthClient extends AuthClientCore {
  /**
   * Validates `config` and builds a client; invalid config is an `InvalidConfig` error.
   *
   * @example
   * ```ts
   * const auth = AuthClient.create({ userPoolId: 'eu-west-1_AbC123', clientId: '1example' });
   * if (auth.isErr()) console.error(auth.error.message);
   * ```
   */
  static create(config: AuthClientConfig): Result<AuthClient, InvalidConfigError> {
    return AuthClientCore.validated(new AuthClient(config));
  }

  /**
   * Builds a client without checking the result: with an invalid `config` the constructor does not
   * throw, and every call returns the `InvalidConfig` error. Prefer {@link AuthClient.create}. A
   * `transport` (such as `fetchTransport(...)`) replaces the SDK client.
   *
   * @example
   * ```ts
   * const auth = new AuthClient({ userPoolId: 'eu-west-1_AbC123', clientId: '1example', clientSecret });
   * ```
   */
  constructor(config: AuthClientConfig, transport?: UserPoolTransport) {
    super(config, transport, sdkDefaultTransport);
  }
}
