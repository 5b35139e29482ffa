import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { err, errAsync, ok, Result, type ResultAsync } from 'neverthrow';
import { toAttributeList } from '../attributes/format.js';
import type { UserAttributes } from '../attributes/types.js';
import { parseUserPoolId } from '../config/auth-config.js';
import { invalidConfig, optionalEndpoint, optionalRegion } from '../config/checks.js';
import { makeError } from '../errors/make-error.js';
import { narrowError } from '../errors/narrow.js';
import type {
  InvalidConfigError,
  InvalidPasswordError,
  NotAuthorizedError,
  ServiceError,
  UserNotFoundError,
  UsernameExistsError,
} from '../errors/types.js';
import { type AdminTransport, adminSdkTransport } from './admin-transport.js';
import { type AdminUser, adminUserFromSdk } from './user.js';

/**
 * Configuration of an {@link AdminClient}. Calls are signed with the SDK's default AWS credentials.
 *
 * @example
 * ```ts
 * const config: AdminClientConfig = { userPoolId: 'eu-west-1_AbC123', endpoint: 'http://127.0.0.1:5000' };
 * ```
 */
export interface AdminClientConfig {
  readonly userPoolId: string;
  readonly region?: string;
  readonly endpoint?: string;
  readonly client?: CognitoIdentityProviderClient;
}

/**
 * Input of {@link AdminClient.adminCreateUser}.
 *
 * @example
 * ```ts
 * const input: AdminCreateUserInput = { username: 'alice', temporaryPassword: 'Temp-Passw0rd!', messageAction: 'SUPPRESS' };
 * ```
 */
export interface AdminCreateUserInput {
  readonly username: string;
  /** Typed attributes: dates and numbers are converted to the strings Cognito stores. */
  readonly attributes?: UserAttributes;
  /** The password the user signs in with once; Cognito then asks for a new one. */
  readonly temporaryPassword?: string;
  readonly desiredDeliveryMediums?: readonly ('EMAIL' | 'SMS')[];
  /** `SUPPRESS` sends no invitation; `RESEND` re-sends it to an existing user. */
  readonly messageAction?: 'SUPPRESS' | 'RESEND';
  readonly forceAliasCreation?: boolean;
  readonly clientMetadata?: Readonly<Record<string, string>>;
}

/**
 * The errors {@link AdminClient.adminCreateUser} can return.
 *
 * @example
 * ```ts
 * if (created.isErr() && created.error.type === 'UsernameExists') console.log('already there');
 * ```
 */
export type AdminCreateUserError =
  | UsernameExistsError
  | InvalidPasswordError
  | UserNotFoundError
  | NotAuthorizedError
  | ServiceError;

const CREATE_USER_ERRORS = [
  'UsernameExists',
  'InvalidPassword',
  'UserNotFound',
  'NotAuthorized',
  'InvalidParameter',
  'ResourceNotFound',
  'LimitExceeded',
  'TooManyRequests',
  'LambdaTrigger',
  'InvalidConfiguration',
  'Internal',
  'Network',
] as const satisfies readonly AdminCreateUserError['type'][];

interface AdminContext {
  readonly userPoolId: string;
  readonly transport: AdminTransport;
}

/**
 * User-pool administration with AWS credentials (what administrators do with boto3).
 *
 * @example
 * ```ts
 * const admin = AdminClient.create({ userPoolId: 'eu-west-1_AbC123' })._unsafeUnwrap();
 * const user = await admin.adminCreateUser({
 *   username: 'alice',
 *   attributes: { email: 'alice@example.com', birthdate: '1990-04-01', updated_at: new Date() },
 *   temporaryPassword: 'Temp-Passw0rd!',
 *   desiredDeliveryMediums: ['EMAIL'],
 * });
 * ```
 */
export class AdminClient {
  readonly #context: Result<AdminContext, InvalidConfigError>;

  /**
   * Validates `config` and builds a client; invalid config is an `InvalidConfig` error.
   *
   * @example
   * ```ts
   * const admin = AdminClient.create({ userPoolId: 'eu-west-1_AbC123', region: 'eu-west-1' });
   * ```
   */
  static create(config: AdminClientConfig): Result<AdminClient, InvalidConfigError> {
    const client = new AdminClient(config);
    return client.#context.isErr() ? err(client.#context.error) : ok(client);
  }

  /**
   * Builds a client without checking the result: with an invalid `config` every call returns the
   * `InvalidConfig` error. Prefer {@link AdminClient.create}.
   *
   * @example
   * ```ts
   * const admin = new AdminClient({ userPoolId, endpoint: 'http://127.0.0.1:5000' });
   * ```
   */
  constructor(config: AdminClientConfig, transport?: AdminTransport) {
    const checked =
      typeof config === 'object' && config !== null
        ? Result.combine([
            parseUserPoolId(config.userPoolId),
            optionalRegion(config.region),
            optionalEndpoint(config.endpoint),
          ])
        : err(invalidConfig('config must be an object'));
    this.#context = checked.map(([pool, region, endpoint]) => ({
      userPoolId: config.userPoolId,
      transport:
        transport ??
        adminSdkTransport(
          config.client ??
            new CognitoIdentityProviderClient({
              region: region ?? pool.region,
              ...(endpoint ? { endpoint } : {}),
            }),
        ),
    }));
  }

  /**
   * Creates a user (AdminCreateUser) with typed attributes and an optional temporary password.
   *
   * @example
   * ```ts
   * const created = await admin.adminCreateUser({ username: 'bob', temporaryPassword: 'Temp-Passw0rd!', messageAction: 'SUPPRESS' });
   * if (created.isOk()) console.log(created.value.status); // 'FORCE_CHANGE_PASSWORD'
   * ```
   */
  adminCreateUser(input: AdminCreateUserInput): ResultAsync<AdminUser, AdminCreateUserError> {
    if (this.#context.isErr()) return errAsync(this.#context.error);
    const { userPoolId, transport } = this.#context.value;
    if (typeof input?.username !== 'string' || input.username.length === 0) {
      return errAsync(makeError('InvalidParameter', 'username must be a non-empty string'));
    }
    const attributes = toAttributeList(input.attributes ?? {});
    if (attributes.isErr()) return errAsync(attributes.error);
    return transport(
      'AdminCreateUser',
      {
        UserPoolId: userPoolId,
        Username: input.username,
        ...(attributes.value.length > 0 ? { UserAttributes: attributes.value } : {}),
        ...(input.temporaryPassword !== undefined ? { TemporaryPassword: input.temporaryPassword } : {}),
        ...(input.desiredDeliveryMediums
          ? { DesiredDeliveryMediums: [...input.desiredDeliveryMediums] }
          : {}),
        ...(input.messageAction ? { MessageAction: input.messageAction } : {}),
        ...(input.forceAliasCreation !== undefined ? { ForceAliasCreation: input.forceAliasCreation } : {}),
        ...(input.clientMetadata ? { ClientMetadata: { ...input.clientMetadata } } : {}),
      },
      { secrets: [input.temporaryPassword] },
    )
      .mapErr((error) => narrowError(error, CREATE_USER_ERRORS))
      .andThen((output) => adminUserFromSdk(output.User));
  }
}
