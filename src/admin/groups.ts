import type { GroupType } from '@aws-sdk/client-cognito-identity-provider';
import { err, errAsync, ok, Result, type ResultAsync } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import type { UnexpectedError } from '../errors/types.js';
import { adminCall } from './call.js';
import { type AdminContext, userPoolOf } from './config.js';
import {
  type AdminUserError,
  type ListError,
  type ProvisioningError,
  SERVICE_ERRORS,
  USER_ERRORS,
} from './errors.js';
import { failedListing, type Listing, listing } from './listing.js';
import { type AdminUser, adminUserFromSdk } from './user.js';
import { userTarget } from './users.js';

/**
 * A user-pool group. Its name appears in the `cognito:groups` claim of members' tokens.
 *
 * @example
 * ```ts
 * const group: Group = { groupName: 'admins', precedence: 1 };
 * ```
 */
export interface Group {
  readonly groupName: string;
  readonly description?: string;
  /** Lower wins when a user is in several groups with roles. */
  readonly precedence?: number;
  /** IAM role members get from an identity pool that uses token-based role mapping. */
  readonly roleArn?: string;
  readonly createdAt?: Date;
}

/**
 * Input of {@link AdminClient.createGroup}.
 *
 * @example
 * ```ts
 * const input: CreateGroupInput = { groupName: 'admins', description: 'Full access', precedence: 1 };
 * ```
 */
export interface CreateGroupInput {
  readonly groupName: string;
  readonly description?: string;
  readonly precedence?: number;
  readonly roleArn?: string;
}

const GROUP_NAME = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u;
const ROLE_ARN = /^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

function checkGroupName(name: unknown): Result<string, ReturnType<typeof invalid>> {
  return typeof name === 'string' && GROUP_NAME.test(name)
    ? ok(name)
    : err(invalid('groupName must be 1-128 characters without spaces'));
}

function invalid(message: string) {
  return makeError('InvalidParameter', message);
}

/**
 * Maps Cognito's `GroupType` to a {@link Group}.
 *
 * @example
 * ```ts
 * const group = groupFromSdk(answer.Group);
 * ```
 */
export function groupFromSdk(group: GroupType | undefined): Result<Group, UnexpectedError> {
  if (!group?.GroupName) return err(makeError('Unexpected', 'Cognito answered without a group'));
  return ok({
    groupName: group.GroupName,
    ...(group.Description ? { description: group.Description } : {}),
    ...(group.Precedence !== undefined ? { precedence: group.Precedence } : {}),
    ...(group.RoleArn ? { roleArn: group.RoleArn } : {}),
    ...(group.CreationDate ? { createdAt: group.CreationDate } : {}),
  });
}

/**
 * CreateGroup. A name already taken is `InvalidParameter`.
 *
 * @example
 * ```ts
 * await createGroup(context, { groupName: 'admins' });
 * ```
 */
export function createGroup(
  context: AdminContext,
  input: CreateGroupInput,
): ResultAsync<Group, ProvisioningError> {
  if (typeof input !== 'object' || input === null) return errAsync(invalid('input must be an object'));
  const pool = userPoolOf(context);
  if (pool.isErr()) return errAsync(pool.error);
  const name = checkGroupName(input.groupName);
  if (name.isErr()) return errAsync(name.error);
  if (input.precedence !== undefined && (!Number.isInteger(input.precedence) || input.precedence < 0)) {
    return errAsync(invalid('precedence must be a whole number ≥ 0'));
  }
  if (input.roleArn !== undefined && !ROLE_ARN.test(String(input.roleArn))) {
    return errAsync(invalid('roleArn must be an IAM role ARN'));
  }
  if (
    input.description !== undefined &&
    (typeof input.description !== 'string' || input.description.length > 2048)
  ) {
    return errAsync(invalid('description must be at most 2048 characters'));
  }
  return adminCall(
    context.transport,
    'CreateGroup',
    {
      UserPoolId: pool.value,
      GroupName: name.value,
      ...(input.description !== undefined ? { Description: input.description } : {}),
      ...(input.precedence !== undefined ? { Precedence: input.precedence } : {}),
      ...(input.roleArn !== undefined ? { RoleArn: input.roleArn } : {}),
    },
    SERVICE_ERRORS,
  ).andThen((answer) => groupFromSdk(answer.Group));
}

/**
 * DeleteGroup.
 *
 * @example
 * ```ts
 * await deleteGroup(context, 'admins');
 * ```
 */
export function deleteGroup(context: AdminContext, groupName: string): ResultAsync<void, ProvisioningError> {
  const pool = userPoolOf(context);
  if (pool.isErr()) return errAsync(pool.error);
  const name = checkGroupName(groupName);
  if (name.isErr()) return errAsync(name.error);
  return adminCall(
    context.transport,
    'DeleteGroup',
    { UserPoolId: pool.value, GroupName: name.value },
    SERVICE_ERRORS,
  ).map(() => undefined);
}

/**
 * AdminAddUserToGroup or AdminRemoveUserFromGroup.
 *
 * @example
 * ```ts
 * await groupMembership(context, 'AdminAddUserToGroup', 'alice', 'admins');
 * ```
 */
export function groupMembership(
  context: AdminContext,
  operation: 'AdminAddUserToGroup' | 'AdminRemoveUserFromGroup',
  username: string,
  groupName: string,
): ResultAsync<void, AdminUserError> {
  const target = userTarget(context, username);
  if (target.isErr()) return errAsync(target.error);
  const name = checkGroupName(groupName);
  if (name.isErr()) return errAsync(name.error);
  return adminCall(context.transport, operation, { ...target.value, GroupName: name.value }, USER_ERRORS).map(
    () => undefined,
  );
}

const pageSizeError = (size: number | undefined) =>
  size !== undefined && (!Number.isInteger(size) || size < 1 || size > 60)
    ? invalid('pageSize must be a whole number from 1 to 60')
    : undefined;

/**
 * ListGroups over every page.
 *
 * @example
 * ```ts
 * const groups = await listGroups(context).toArray();
 * ```
 */
export function listGroups(
  context: AdminContext,
  options: { readonly pageSize?: number } = {},
): Listing<Group, ListError> {
  const pool = userPoolOf(context);
  const failure = pool.isErr() ? pool.error : pageSizeError(options?.pageSize);
  if (failure || pool.isErr()) return failedListing(failure as ListError);
  return listing((token) =>
    adminCall(
      context.transport,
      'ListGroups',
      {
        UserPoolId: pool.value,
        ...(options.pageSize !== undefined ? { Limit: options.pageSize } : {}),
        ...(token ? { NextToken: token } : {}),
      },
      SERVICE_ERRORS,
    ).andThen((page) =>
      Result.combine((page.Groups ?? []).map(groupFromSdk)).map((items) => ({ items, next: page.NextToken })),
    ),
  );
}

/**
 * ListUsersInGroup over every page.
 *
 * @example
 * ```ts
 * for await (const member of listUsersInGroup(context, 'admins')) if (member.isOk()) console.log(member.value.username);
 * ```
 */
export function listUsersInGroup(
  context: AdminContext,
  groupName: string,
  options: { readonly pageSize?: number } = {},
): Listing<AdminUser, ListError> {
  const pool = userPoolOf(context);
  const name = checkGroupName(groupName);
  const failure = pool.isErr() ? pool.error : name.isErr() ? name.error : pageSizeError(options?.pageSize);
  if (failure || pool.isErr() || name.isErr()) return failedListing(failure as ListError);
  return listing((token) =>
    adminCall(
      context.transport,
      'ListUsersInGroup',
      {
        UserPoolId: pool.value,
        GroupName: name.value,
        ...(options.pageSize !== undefined ? { Limit: options.pageSize } : {}),
        ...(token ? { NextToken: token } : {}),
      },
      SERVICE_ERRORS,
    ).andThen((page) =>
      Result.combine((page.Users ?? []).map((user) => adminUserFromSdk(user))).map((items) => ({
        items,
        next: page.NextToken,
      })),
    ),
  );
}

/**
 * AdminListGroupsForUser over every page.
 *
 * @example
 * ```ts
 * const groups = await listGroupsForUser(context, 'alice').toArray();
 * ```
 */
export function listGroupsForUser(
  context: AdminContext,
  username: string,
  options: { readonly pageSize?: number } = {},
): Listing<Group, AdminUserError> {
  const target = userTarget(context, username);
  const failure = target.isErr() ? target.error : pageSizeError(options?.pageSize);
  if (failure || target.isErr()) return failedListing(failure as AdminUserError);
  return listing((token) =>
    adminCall(
      context.transport,
      'AdminListGroupsForUser',
      {
        ...target.value,
        ...(options.pageSize !== undefined ? { Limit: options.pageSize } : {}),
        ...(token ? { NextToken: token } : {}),
      },
      USER_ERRORS,
    ).andThen((page) =>
      Result.combine((page.Groups ?? []).map(groupFromSdk)).map((items) => ({ items, next: page.NextToken })),
    ),
  );
}
