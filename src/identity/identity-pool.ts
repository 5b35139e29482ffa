import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import type { Result } from 'neverthrow';
import type { InvalidConfigError } from '../errors/types.js';
import { libraryClient } from '../transport/library-client.js';
import type { IdentityPoolConfig, ResolvedIdentityPoolConfig } from './config.js';
import { IdentityPoolCore } from './identity-pool-core.js';
import { type IdentityPoolTransport, identitySdkTransport } from './identity-transport.js';

/** The SDK path: the injected client (or a new one), and STS for the basic flow. */
function sdkDefaultTransport(config: ResolvedIdentityPoolConfig): IdentityPoolTransport {
  const stsEndpoint = config.basicFlow?.stsEndpoint ?? config.endpoint;
  return identitySdkTransport(
    // Built like the user-pool client: each attempt bounded (`timeoutMs`), the library's retry rule applied.
    config.client ??
      libraryClient(CognitoIdentityClient, {
        region: config.region,
        endpoint: config.endpoint,
        timeoutMs: config.timeoutMs,
      }),
    stsEndpoint ? { region: config.region, endpoint: stsEndpoint } : { region: config.region },
  );
}

/**
 * An identity pool on the AWS SDK v3 client: exchanges ID tokens and other provider logins (or nothing,
 * for guests) for temporary AWS credentials. Identity ids are remembered per user, credentials cached per
 * exact token until shortly before they expire; concurrent callers for the same token share one request.
 * `provider(session)` plugs it into any AWS SDK v3 client.
 *
 * @example
 * ```ts
 * const pool = IdentityPool.create({ identityPoolId: 'eu-west-1:1a2b3c4d-...' })._unsafeUnwrap();
 * const s3 = new S3Client({ region: 'eu-west-1', credentials: pool.provider(session) });
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
   * Builds a pool without checking the result: with an invalid `config` every call returns the
   * `InvalidConfig` error. Prefer {@link IdentityPool.create}. A `transport` replaces the SDK client.
   *
   * @example
   * ```ts
   * const pool = new IdentityPool({ identityPoolId, endpoint: 'http://127.0.0.1:5000' });
   * ```
   */
  constructor(config: IdentityPoolConfig, transport?: IdentityPoolTransport) {
    super(config, transport, sdkDefaultTransport);
  }
}
