import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { err, ok, Result } from 'neverthrow';
import { parseUserPoolId } from '../config/auth-config.js';
import { invalidConfig, optionalEndpoint, optionalRegion } from '../config/checks.js';
import { makeError } from '../errors/make-error.js';
import type { InvalidConfigError, InvalidParameterError } from '../errors/types.js';
import { type AdminTransport, adminSdkTransport } from './admin-transport.js';

/**
 * AWS credentials for the clients an {@link AdminClient} creates: a fixed set or an async provider.
 *
 * @example
 * ```ts
 * const credentials: AdminCredentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
 * ```
 */
export type AdminCredentials =
  | { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string }
  | (() => Promise<{
      accessKeyId: string;
      secretAccessKey: string;
      sessionToken?: string;
      expiration?: Date;
    }>);

/**
 * Configuration of an {@link AdminClient}. Calls are signed with the SDK's default AWS credentials
 * unless `credentials` (or configured clients) are given. `userPoolId` is needed for calls about
 * users and groups; provisioning works without it (then give `region`, or a `client`).
 *
 * @example
 * ```ts
 * const config: AdminClientConfig = { userPoolId: 'eu-west-1_AbC123', endpoint: 'http://127.0.0.1:5000' };
 * const provisioning: AdminClientConfig = { region: 'eu-west-1' };
 * ```
 */
export interface AdminClientConfig {
  readonly userPoolId?: string;
  readonly region?: string;
  /** A custom endpoint (e.g. a local moto server) for the clients the AdminClient creates. */
  readonly endpoint?: string;
  /** Credentials for the clients the AdminClient creates. */
  readonly credentials?: AdminCredentials;
  /** A user-pool SDK client to use as is. */
  readonly client?: CognitoIdentityProviderClient;
  /** An identity-pool SDK client to use as is (for createIdentityPool and setIdentityPoolRoles). */
  readonly identityClient?: CognitoIdentityClient;
}

/** What every admin operation runs with. */
export interface AdminContext {
  /** The user pool the client is bound to, if any. */
  readonly userPoolId: string | undefined;
  readonly transport: AdminTransport;
}

/**
 * Validates an {@link AdminClientConfig} and builds the context (SDK clients created as needed).
 *
 * @example
 * ```ts
 * const context = adminContext({ region: 'eu-west-1' });
 * ```
 */
export function adminContext(
  config: AdminClientConfig,
  transport?: AdminTransport,
): Result<AdminContext, InvalidConfigError> {
  if (typeof config !== 'object' || config === null) return err(invalidConfig('config must be an object'));
  const pool = config.userPoolId === undefined ? ok(undefined) : parseUserPoolId(config.userPoolId);
  const credentials = config.credentials;
  if (
    credentials !== undefined &&
    typeof credentials !== 'function' &&
    (typeof credentials !== 'object' || credentials === null || typeof credentials.accessKeyId !== 'string')
  ) {
    return err(invalidConfig('credentials must be { accessKeyId, secretAccessKey } or an async provider'));
  }
  return Result.combine([pool, optionalRegion(config.region), optionalEndpoint(config.endpoint)]).andThen(
    ([parsedPool, region, endpoint]) => {
      const chosenRegion = region ?? parsedPool?.region;
      if (!transport && !config.client && !chosenRegion) {
        return err(
          invalidConfig('Give a userPoolId, a region or a client: the region cannot be known otherwise'),
        );
      }
      const clientConfig = {
        ...(chosenRegion ? { region: chosenRegion } : {}),
        ...(endpoint ? { endpoint } : {}),
        ...(credentials ? { credentials } : {}),
      };
      const identityRegion = chosenRegion ?? config.client?.config.region;
      return ok({
        userPoolId: config.userPoolId,
        transport:
          transport ??
          adminSdkTransport(
            config.client ?? new CognitoIdentityProviderClient(clientConfig),
            config.identityClient ??
              new CognitoIdentityClient({
                ...clientConfig,
                ...(identityRegion ? { region: identityRegion } : {}),
              }),
          ),
      });
    },
  );
}

/**
 * The user pool of a call: the one given in the input, else the client's.
 *
 * @example
 * ```ts
 * const pool = userPoolOf(context, input.userPoolId);
 * ```
 */
export function userPoolOf(context: AdminContext, given?: string): Result<string, InvalidParameterError> {
  const id = given ?? context.userPoolId;
  if (id === undefined) {
    return err(
      makeError(
        'InvalidParameter',
        'No user pool: create the AdminClient with a userPoolId, use admin.forUserPool(id), or pass userPoolId',
      ),
    );
  }
  return parseUserPoolId(id)
    .map(() => id)
    .mapErr((e) => makeError('InvalidParameter', e.message));
}
