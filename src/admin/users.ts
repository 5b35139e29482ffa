import { err, errAsync, ok, Result, type ResultAsync } from 'neverthrow';
import type { UserAttributes } from '../attributes/types.js';
import { makeError } from '../errors/make-error.js';
import type {
  InvalidParameterError,
  InvalidPasswordError,
  NotAuthorizedError,
  ServiceError,
  UserNotFoundError,
  UsernameExistsError,
} from '../errors/types.js';
import { adminCall } from './call.js';
import { type AdminContext, userPoolOf } from './config.js';
import { type ListError, SERVICE_ERRORS, USER_ERRORS } from './errors.js';
import { failedListing, type Listing, listing } from './listing.js';
import { type AdminUser, type AdminUserDetails, adminUserDetailsFromSdk, adminUserFromSdk } from './user.js';
import { formatUserFilter, type UserFilter } from './user-filter.js';
import { validatedAttributeList } from './validate-attributes.js';

/**
 * Input of {@link AdminClient.createUser} (and `adminCreateUser`).
 *
 * @example
 * ```ts
 * const input: AdminCreateUserInput = { username: 'alice', temporaryPassword: 'Temp-Passw0rd!', messageAction: 'SUPPRESS' };
 * ```
 */
export interface AdminCreateUserInput {
  readonly username: string;
  /** Typed attributes, validated locally: dates and numbers are converted to the strings Cognito stores. */
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
 * The errors {@link AdminClient.createUser} can return.
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
  ...USER_ERRORS,
  'UsernameExists',
  'InvalidPassword',
] as const satisfies readonly AdminCreateUserError['type'][];

/**
 * Options of {@link AdminClient.listUsers}.
 *
 * @example
 * ```ts
 * const options: ListUsersOptions = { filter: where('email').startsWith('a'), pageSize: 60 };
 * ```
 */
export interface ListUsersOptions {
  readonly filter?: UserFilter;
  /** Users per request, 1–60 (Cognito's maximum and default is 60). */
  readonly pageSize?: number;
  /** Only these attributes in each user (default: all). */
  readonly attributesToGet?: readonly string[];
}

/**
 * The pool and user name of a call about one user, checked.
 *
 * @example
 * ```ts
 * const target = userTarget(context, 'alice');
 * ```
 */
export function userTarget(
  context: AdminContext,
  username: string,
): Result<{ UserPoolId: string; Username: string }, InvalidParameterError> {
  if (typeof username !== 'string' || username.length === 0 || username.length > 128) {
    return err(makeError('InvalidParameter', 'username must be a string of 1-128 characters'));
  }
  return userPoolOf(context).map((UserPoolId) => ({ UserPoolId, Username: username }));
}

/**
 * AdminCreateUser with validated attributes.
 *
 * @example
 * ```ts
 * const user = await createUser(context, { username: 'alice', messageAction: 'SUPPRESS' });
 * ```
 */
export function createUser(
  context: AdminContext,
  input: AdminCreateUserInput,
): ResultAsync<AdminUser, AdminCreateUserError> {
  if (typeof input !== 'object' || input === null) {
    return errAsync(makeError('InvalidParameter', 'input must be an object'));
  }
  const target = userTarget(context, input.username);
  if (target.isErr()) return errAsync(target.error);
  const attributes = validatedAttributeList(input.attributes ?? {});
  if (attributes.isErr()) return errAsync(attributes.error);
  return adminCall(
    context.transport,
    'AdminCreateUser',
    {
      ...target.value,
      ...(attributes.value.length > 0 ? { UserAttributes: attributes.value } : {}),
      ...(input.temporaryPassword !== undefined ? { TemporaryPassword: input.temporaryPassword } : {}),
      ...(input.desiredDeliveryMediums ? { DesiredDeliveryMediums: [...input.desiredDeliveryMediums] } : {}),
      ...(input.messageAction ? { MessageAction: input.messageAction } : {}),
      ...(input.forceAliasCreation !== undefined ? { ForceAliasCreation: input.forceAliasCreation } : {}),
      ...(input.clientMetadata ? { ClientMetadata: { ...input.clientMetadata } } : {}),
    },
    CREATE_USER_ERRORS,
    [input.temporaryPassword],
  ).andThen((output) => adminUserFromSdk(output.User));
}

/**
 * AdminGetUser: the user with MFA settings.
 *
 * @example
 * ```ts
 * const user = await getUser(context, 'alice');
 * ```
 */
export function getUser(
  context: AdminContext,
  username: string,
): ResultAsync<AdminUserDetails, UserNotFoundError | NotAuthorizedError | ServiceError> {
  const target = userTarget(context, username);
  if (target.isErr()) return errAsync(target.error);
  return adminCall(context.transport, 'AdminGetUser', target.value, USER_ERRORS).andThen(
    adminUserDetailsFromSdk,
  );
}

/**
 * ListUsers over every page.
 *
 * @example
 * ```ts
 * for await (const user of listUsers(context, {})) if (user.isOk()) console.log(user.value.username);
 * ```
 */
export function listUsers(
  context: AdminContext,
  options: ListUsersOptions = {},
): Listing<AdminUser, ListError> {
  const fail = (e: ListError) => failedListing<AdminUser, ListError>(e);
  if (typeof options !== 'object' || options === null) {
    return fail(makeError('InvalidParameter', 'options must be an object'));
  }
  const pool = userPoolOf(context);
  if (pool.isErr()) return fail(pool.error);
  const filter = options.filter === undefined ? ok(undefined) : formatUserFilter(options.filter);
  if (filter.isErr()) return fail(filter.error);
  const size = options.pageSize;
  if (size !== undefined && (!Number.isInteger(size) || size < 1 || size > 60)) {
    return fail(makeError('InvalidParameter', 'pageSize must be a whole number from 1 to 60'));
  }
  return listing((token) =>
    adminCall(
      context.transport,
      'ListUsers',
      {
        UserPoolId: pool.value,
        ...(filter.value ? { Filter: filter.value } : {}),
        ...(size !== undefined ? { Limit: size } : {}),
        ...(options.attributesToGet ? { AttributesToGet: [...options.attributesToGet] } : {}),
        ...(token ? { PaginationToken: token } : {}),
      },
      SERVICE_ERRORS,
    ).andThen((page) =>
      Result.combine((page.Users ?? []).map((user) => adminUserFromSdk(user))).map((items) => ({
        items,
        next: page.PaginationToken,
      })),
    ),
  );
}
