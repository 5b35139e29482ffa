import { errAsync, type ResultAsync } from 'neverthrow';
import type { UserAttributes } from '../attributes/types.js';
import { makeError } from '../errors/make-error.js';
import { adminCall } from './call.js';
import type { AdminContext } from './config.js';
import {
  type AdminUserError,
  type SetUserPasswordError,
  type UpdateUserAttributesError,
  USER_ERRORS,
} from './errors.js';
import { userTarget } from './users.js';
import { validatedAttributeList } from './validate-attributes.js';

/**
 * Options of admin calls that run Lambda triggers.
 *
 * @example
 * ```ts
 * const options: ClientMetadataOptions = { clientMetadata: { source: 'support-desk' } };
 * ```
 */
export interface ClientMetadataOptions {
  /** Passed to the pool's Lambda triggers. */
  readonly clientMetadata?: Readonly<Record<string, string>>;
}

const metadata = (options: ClientMetadataOptions | undefined) =>
  options?.clientMetadata ? { ClientMetadata: { ...options.clientMetadata } } : {};

type SimpleOperation = 'AdminEnableUser' | 'AdminDisableUser' | 'AdminDeleteUser' | 'AdminUserGlobalSignOut';

/**
 * One of the calls that take only the user: enable, disable, delete, global sign-out.
 *
 * @example
 * ```ts
 * await simpleUserCall(context, 'AdminDisableUser', 'alice');
 * ```
 */
export function simpleUserCall(
  context: AdminContext,
  operation: SimpleOperation,
  username: string,
): ResultAsync<void, AdminUserError> {
  const target = userTarget(context, username);
  if (target.isErr()) return errAsync(target.error);
  return adminCall(context.transport, operation, target.value, USER_ERRORS).map(() => undefined);
}

const PASSWORD_ERRORS = [
  ...USER_ERRORS,
  'InvalidPassword',
] as const satisfies readonly SetUserPasswordError['type'][];

/**
 * AdminSetUserPassword: `permanent: true` confirms the user with this password; otherwise it is a
 * temporary one and the user must choose a new one at sign-in.
 *
 * @example
 * ```ts
 * await setUserPassword(context, 'alice', 'N3w-Passw0rd!', { permanent: true });
 * ```
 */
export function setUserPassword(
  context: AdminContext,
  username: string,
  password: string,
  options: { readonly permanent: boolean },
): ResultAsync<void, SetUserPasswordError> {
  const target = userTarget(context, username);
  if (target.isErr()) return errAsync(target.error);
  if (typeof password !== 'string' || password.length === 0 || password.length > 256) {
    return errAsync(makeError('InvalidParameter', 'password must be a string of 1-256 characters'));
  }
  if (typeof options?.permanent !== 'boolean') {
    return errAsync(
      makeError('InvalidParameter', 'say whether the password is permanent: { permanent: true | false }'),
    );
  }
  return adminCall(
    context.transport,
    'AdminSetUserPassword',
    { ...target.value, Password: password, Permanent: options.permanent },
    PASSWORD_ERRORS,
    [password],
  ).map(() => undefined);
}

/**
 * AdminResetUserPassword: the user must set a new password with a code sent to them.
 *
 * @example
 * ```ts
 * await resetUserPassword(context, 'alice');
 * ```
 */
export function resetUserPassword(
  context: AdminContext,
  username: string,
  options?: ClientMetadataOptions,
): ResultAsync<void, AdminUserError> {
  const target = userTarget(context, username);
  if (target.isErr()) return errAsync(target.error);
  return adminCall(
    context.transport,
    'AdminResetUserPassword',
    { ...target.value, ...metadata(options) },
    USER_ERRORS,
  ).map(() => undefined);
}

/**
 * AdminConfirmSignUp: confirms a user who signed up, without a code.
 *
 * @example
 * ```ts
 * await confirmSignUp(context, 'alice');
 * ```
 */
export function confirmSignUp(
  context: AdminContext,
  username: string,
  options?: ClientMetadataOptions,
): ResultAsync<void, AdminUserError> {
  const target = userTarget(context, username);
  if (target.isErr()) return errAsync(target.error);
  return adminCall(
    context.transport,
    'AdminConfirmSignUp',
    { ...target.value, ...metadata(options) },
    USER_ERRORS,
  ).map(() => undefined);
}

const UPDATE_ERRORS = [
  ...USER_ERRORS,
  'UsernameExists',
] as const satisfies readonly UpdateUserAttributesError['type'][];

/**
 * AdminUpdateUserAttributes with validated attributes.
 *
 * @example
 * ```ts
 * await updateUserAttributes(context, 'alice', { phone_number: '+14325551212', updated_at: new Date() });
 * ```
 */
export function updateUserAttributes(
  context: AdminContext,
  username: string,
  attributes: UserAttributes,
  options?: ClientMetadataOptions,
): ResultAsync<void, UpdateUserAttributesError> {
  const target = userTarget(context, username);
  if (target.isErr()) return errAsync(target.error);
  const list = validatedAttributeList(attributes);
  if (list.isErr()) return errAsync(list.error);
  if (list.value.length === 0) {
    return errAsync(makeError('InvalidParameter', 'attributes must name at least one attribute to update'));
  }
  return adminCall(
    context.transport,
    'AdminUpdateUserAttributes',
    { ...target.value, UserAttributes: list.value, ...metadata(options) },
    UPDATE_ERRORS,
  ).map(() => undefined);
}
