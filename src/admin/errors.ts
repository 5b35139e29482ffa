import type {
  InvalidPasswordError,
  NotAuthorizedError,
  PasswordResetRequiredError,
  ServiceError,
  UserNotConfirmedError,
  UserNotFoundError,
  UsernameExistsError,
} from '../errors/types.js';

/**
 * The errors of provisioning calls (pools, app clients, identity providers, domains, identity pools).
 * A name already taken (a provider, a group) is `InvalidParameter`.
 *
 * @example
 * ```ts
 * if (created.isErr() && created.error.type === 'LimitExceeded') console.warn('too many pools');
 * ```
 */
export type ProvisioningError = NotAuthorizedError | ServiceError;

/**
 * The errors of calls about one user (get, enable, disable, delete, sign out, groups).
 *
 * @example
 * ```ts
 * if (user.isErr() && user.error.type === 'UserNotFound') console.warn('no such user');
 * ```
 */
export type AdminUserError = UserNotFoundError | NotAuthorizedError | ServiceError;

/**
 * The errors of {@link AdminClient.setUserPassword}.
 *
 * @example
 * ```ts
 * if (set.isErr() && set.error.type === 'InvalidPassword') console.warn(set.error.message);
 * ```
 */
export type SetUserPasswordError = AdminUserError | InvalidPasswordError;

/**
 * The errors of {@link AdminClient.updateUserAttributes}: `UsernameExists` when an alias (email,
 * phone) is already another user's.
 *
 * @example
 * ```ts
 * if (updated.isErr() && updated.error.type === 'UsernameExists') console.warn('email taken');
 * ```
 */
export type UpdateUserAttributesError = AdminUserError | UsernameExistsError;

/**
 * The errors of {@link AdminClient.setUserMfaPreference}.
 *
 * @example
 * ```ts
 * if (set.isErr() && set.error.type === 'UserNotConfirmed') console.warn('confirm the user first');
 * ```
 */
export type MfaPreferenceError = AdminUserError | PasswordResetRequiredError | UserNotConfirmedError;

/**
 * The errors of {@link AdminClient.linkProviderForUser}: `UsernameExists` when the external user is
 * already linked to another user.
 *
 * @example
 * ```ts
 * if (linked.isErr() && linked.error.type === 'UsernameExists') console.warn('already linked');
 * ```
 */
export type LinkProviderError = AdminUserError | UsernameExistsError;

/**
 * The errors of listing users or groups.
 *
 * @example
 * ```ts
 * for await (const user of admin.listUsers()) if (user.isErr()) console.warn(user.error.type);
 * ```
 */
export type ListError = NotAuthorizedError | ServiceError;

/** Error tags every admin call may keep. */
export const SERVICE_ERRORS = [
  'NotAuthorized',
  'InvalidParameter',
  'ResourceNotFound',
  'LimitExceeded',
  'TooManyRequests',
  'LambdaTrigger',
  'InvalidConfiguration',
  'Internal',
  'Network',
  'InvalidConfig',
] as const satisfies readonly ProvisioningError['type'][];

/** Error tags of calls about one user. */
export const USER_ERRORS = [
  ...SERVICE_ERRORS,
  'UserNotFound',
] as const satisfies readonly AdminUserError['type'][];
