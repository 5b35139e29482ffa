import type { Result } from 'neverthrow';
import type { InvalidConfigError } from '../errors/types.js';
import type { IdentityPoolConfig, ResolvedIdentityPoolConfig } from '../identity/config.js';
import { IdentityPoolCore } from '../identity/identity-pool-core.js';
import type { IdentityPoolOperations, IdentityPoolTransport } from '../identity/identity-transport.js';
import { fetchTransport } from '../transport/fetch-transport.js';

/** The browser path: plain `fetch` to the regional endpoint (or `endpoint`), no AWS SDK. */
function fetchDefaultTransport(config: ResolvedIdentityPoolConfig): IdentityPoolTransport {
  return fetchTransport<IdentityPoolOperations>({
    service: 'cognito-identity',
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.timeoutMs ? { timeoutMs: config.timeoutMs } : {}),
  });
}

/**
 * The same `IdentityPool` as `cognito-flow/identity`'s, on plain `fetch` instead of the AWS SDK. The
 * enhanced flow (GetId + GetCredentialsForIdentity) works as there; the basic flow (STS) and developer
 * identities are signed or STS calls and answer `InvalidConfig` here. An injected `client` is ignored.
 *
 * @example
 * ```ts
 * import { IdentityPool } from 'cognito-flow/browser';
 * const pool = IdentityPool.create({ identityPoolId: 'eu-west-1:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d' })._unsafeUnwrap();
 * const creds = await pool.getCredentials({ idToken });
 * ```
 */
export class IdentityPool extends IdentityPoolCore {
  /**
   * Validates `config` and builds a pool; invalid config is an `InvalidConfig` error.
   *
   * @example
   * ```ts
   * const pool = IdentityPool.create({ identityPoolId: 'eu-west-1:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d' });
   * ```
   */
  static create(config: IdentityPoolConfig): Result<IdentityPool, InvalidConfigError> {
    return IdentityPoolCore.validated(new IdentityPool(config));
  }

  /**
   * Builds a pool without checking the result (every call then returns the `InvalidConfig` error).
   *
   * @example
   * ```ts
   * const pool = new IdentityPool({ identityPoolId });
   * ```
   */
  constructor(config: IdentityPoolConfig, transport?: IdentityPoolTransport) {
    super(config, transport, fetchDefaultTransport);
  }
}
