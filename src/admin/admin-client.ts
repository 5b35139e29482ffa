import { err, errAsync, ok, type Result, type ResultAsync } from 'neverthrow';
import type { UserAttributes } from '../attributes/types.js';
import type { InvalidConfigError } from '../errors/types.js';
import type { AdminTransport } from './admin-transport.js';
import { type AdminClientConfig, type AdminContext, adminContext } from './config.js';
import type {
  AdminUserError,
  LinkProviderError,
  ListError,
  MfaPreferenceError,
  ProvisioningError,
  SetUserPasswordError,
  UpdateUserAttributesError,
} from './errors.js';
import {
  type CreateGroupInput,
  createGroup,
  deleteGroup,
  type Group,
  groupMembership,
  listGroups,
  listGroupsForUser,
  listUsersInGroup,
} from './groups.js';
import { type ExternalUser, linkProviderForUser } from './link-provider.js';
import { failedListing, type Listing } from './listing.js';
import { setUserMfaPreference, type UserMfaPreferences } from './mfa-preference.js';
import {
  type CreatedIdentityPool,
  type CreateIdentityPoolInput,
  createIdentityPool,
  type SetIdentityPoolRolesInput,
  setIdentityPoolRoles,
} from './provision/identity-pool.js';
import {
  type CreatedIdentityProvider,
  type CreateIdentityProviderInput,
  createIdentityProvider,
} from './provision/identity-provider.js';
import { type CreatedUserPool, type CreateUserPoolInput, createUserPool } from './provision/user-pool.js';
import {
  type CreatedUserPoolClient,
  type CreateUserPoolClientInput,
  createUserPoolClient,
} from './provision/user-pool-client.js';
import {
  type CreatedUserPoolDomain,
  type CreateUserPoolDomainInput,
  createUserPoolDomain,
} from './provision/user-pool-domain.js';
import type { AdminUser, AdminUserDetails } from './user.js';
import {
  type ClientMetadataOptions,
  confirmSignUp,
  resetUserPassword,
  setUserPassword,
  simpleUserCall,
  updateUserAttributes,
} from './user-lifecycle.js';
import {
  type AdminCreateUserError,
  type AdminCreateUserInput,
  createUser,
  getUser,
  type ListUsersOptions,
  listUsers,
} from './users.js';

/**
 * User-pool administration and provisioning with AWS credentials (what administrators do with
 * boto3), typed: every call returns a `ResultAsync` (listings an async iterable of `Result`s) and
 * never throws; bad input is an `InvalidParameter` error without a request.
 *
 * @example
 * ```ts
 * const admin = AdminClient.create({ region: 'eu-west-1' })._unsafeUnwrap();
 * const pool = (await admin.createUserPool({ name: 'my-app', usernameAttributes: ['email'] }))._unsafeUnwrap();
 * const users = admin.forUserPool(pool.userPoolId);
 * await users.createUser({ username: 'alice@example.com', temporaryPassword: 'Temp-Passw0rd!' });
 * for await (const user of users.listUsers({ filter: where('email').startsWith('alice') })) console.log(user);
 * ```
 */
export class AdminClient {
  #context: Result<AdminContext, InvalidConfigError>;

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
    this.#context = adminContext(config, transport);
  }

  /**
   * The same client (same SDK clients and credentials) bound to another user pool, for the calls
   * about users and groups. An invalid id makes every call an `InvalidParameter` error.
   *
   * @example
   * ```ts
   * const pool = await admin.createUserPool({ name: 'my-app' });
   * if (pool.isOk()) await admin.forUserPool(pool.value.userPoolId).createUser({ username: 'alice' });
   * ```
   */
  forUserPool(userPoolId: string): AdminClient {
    // Built around a stand-in seam, then given this client's (or its InvalidConfig error).
    const bound = new AdminClient({ userPoolId: 'us-east-1_Placeholder' }, unusedTransport);
    bound.#context = this.#context.map(({ transport }) => ({ userPoolId, transport }));
    return bound;
  }

  #run<T, E>(call: (context: AdminContext) => ResultAsync<T, E>): ResultAsync<T, E | InvalidConfigError> {
    return this.#context.isErr() ? errAsync(this.#context.error) : call(this.#context.value);
  }

  // ── Users ────────────────────────────────────────────────────────────────────────────────────

  /**
   * Creates a user (AdminCreateUser) with validated, typed attributes and an optional temporary password.
   *
   * @example
   * ```ts
   * const created = await admin.createUser({ username: 'bob', temporaryPassword: 'Temp-Passw0rd!', messageAction: 'SUPPRESS' });
   * if (created.isOk()) console.log(created.value.status); // 'FORCE_CHANGE_PASSWORD'
   * ```
   */
  createUser(input: AdminCreateUserInput): ResultAsync<AdminUser, AdminCreateUserError> {
    return this.#run((context) => createUser(context, input));
  }

  /**
   * The same as {@link AdminClient.createUser} (the name of the first release).
   *
   * @example
   * ```ts
   * const created = await admin.adminCreateUser({ username: 'bob', temporaryPassword: 'Temp-Passw0rd!' });
   * ```
   */
  adminCreateUser(input: AdminCreateUserInput): ResultAsync<AdminUser, AdminCreateUserError> {
    return this.createUser(input);
  }

  /**
   * A user with MFA settings (AdminGetUser).
   *
   * @example
   * ```ts
   * const user = await admin.getUser('alice');
   * if (user.isOk()) console.log(user.value.status, user.value.attributes.email, user.value.mfa.enabled);
   * ```
   */
  getUser(username: string): ResultAsync<AdminUserDetails, AdminUserError> {
    return this.#run((context) => getUser(context, username));
  }

  /**
   * Every user of the pool (ListUsers over all pages), optionally filtered.
   *
   * @example
   * ```ts
   * for await (const user of admin.listUsers({ filter: where('cognito:user_status').equals('FORCE_CHANGE_PASSWORD') })) {
   *   if (user.isErr()) break;
   *   console.log(user.value.username);
   * }
   * const everyone = await admin.listUsers().toArray();
   * ```
   */
  listUsers(options?: ListUsersOptions): Listing<AdminUser, ListError> {
    return this.#context.isErr()
      ? failedListing(this.#context.error)
      : listUsers(this.#context.value, options);
  }

  /**
   * Sets a user's password (AdminSetUserPassword): `permanent: true` confirms the user with it;
   * `false` makes it temporary (NEW_PASSWORD_REQUIRED at the next sign-in).
   *
   * @example
   * ```ts
   * await admin.setUserPassword('alice', 'N3w-Passw0rd!', { permanent: true });
   * ```
   */
  setUserPassword(
    username: string,
    password: string,
    options: { readonly permanent: boolean },
  ): ResultAsync<void, SetUserPasswordError> {
    return this.#run((context) => setUserPassword(context, username, password, options));
  }

  /**
   * Makes the user reset their password with a code (AdminResetUserPassword).
   *
   * @example
   * ```ts
   * await admin.resetUserPassword('alice');
   * ```
   */
  resetUserPassword(username: string, options?: ClientMetadataOptions): ResultAsync<void, AdminUserError> {
    return this.#run((context) => resetUserPassword(context, username, options));
  }

  /**
   * Confirms a signed-up user without a code (AdminConfirmSignUp).
   *
   * @example
   * ```ts
   * await admin.confirmSignUp('alice');
   * ```
   */
  confirmSignUp(username: string, options?: ClientMetadataOptions): ResultAsync<void, AdminUserError> {
    return this.#run((context) => confirmSignUp(context, username, options));
  }

  /**
   * Enables a disabled user (AdminEnableUser).
   *
   * @example
   * ```ts
   * await admin.enableUser('alice');
   * ```
   */
  enableUser(username: string): ResultAsync<void, AdminUserError> {
    return this.#run((context) => simpleUserCall(context, 'AdminEnableUser', username));
  }

  /**
   * Disables a user (AdminDisableUser): sign-in fails with `NotAuthorized` until enabled again.
   *
   * @example
   * ```ts
   * await admin.disableUser('alice');
   * ```
   */
  disableUser(username: string): ResultAsync<void, AdminUserError> {
    return this.#run((context) => simpleUserCall(context, 'AdminDisableUser', username));
  }

  /**
   * Deletes a user (AdminDeleteUser).
   *
   * @example
   * ```ts
   * await admin.deleteUser('alice');
   * ```
   */
  deleteUser(username: string): ResultAsync<void, AdminUserError> {
    return this.#run((context) => simpleUserCall(context, 'AdminDeleteUser', username));
  }

  /**
   * Updates attributes (AdminUpdateUserAttributes), validated locally first.
   *
   * @example
   * ```ts
   * await admin.updateUserAttributes('alice', { phone_number: '+14325551212', 'custom:plan': 'pro', updated_at: new Date() });
   * ```
   */
  updateUserAttributes(
    username: string,
    attributes: UserAttributes,
    options?: ClientMetadataOptions,
  ): ResultAsync<void, UpdateUserAttributesError> {
    return this.#run((context) => updateUserAttributes(context, username, attributes, options));
  }

  /**
   * Signs the user out everywhere (AdminUserGlobalSignOut): refresh tokens stop working.
   *
   * @example
   * ```ts
   * await admin.userGlobalSignOut('alice');
   * ```
   */
  userGlobalSignOut(username: string): ResultAsync<void, AdminUserError> {
    return this.#run((context) => simpleUserCall(context, 'AdminUserGlobalSignOut', username));
  }

  /**
   * Sets a user's MFA preferences (AdminSetUserMFAPreference).
   *
   * @example
   * ```ts
   * await admin.setUserMfaPreference('alice', { totp: { enabled: true, preferred: true }, sms: { enabled: false } });
   * ```
   */
  setUserMfaPreference(
    username: string,
    preferences: UserMfaPreferences,
  ): ResultAsync<void, MfaPreferenceError> {
    return this.#run((context) => setUserMfaPreference(context, username, preferences));
  }

  /**
   * Links an external (federated) user to an existing user (AdminLinkProviderForUser).
   *
   * @example
   * ```ts
   * await admin.linkProviderForUser('alice', { providerName: 'Google', subject: '109876543210987654321' });
   * ```
   */
  linkProviderForUser(username: string, external: ExternalUser): ResultAsync<void, LinkProviderError> {
    return this.#run((context) => linkProviderForUser(context, username, external));
  }

  // ── Groups ───────────────────────────────────────────────────────────────────────────────────

  /**
   * Creates a group (CreateGroup). Members' tokens carry its name in `cognito:groups`.
   *
   * @example
   * ```ts
   * await admin.createGroup({ groupName: 'admins', precedence: 1 });
   * ```
   */
  createGroup(input: CreateGroupInput): ResultAsync<Group, ProvisioningError> {
    return this.#run((context) => createGroup(context, input));
  }

  /**
   * Deletes a group (DeleteGroup).
   *
   * @example
   * ```ts
   * await admin.deleteGroup('admins');
   * ```
   */
  deleteGroup(groupName: string): ResultAsync<void, ProvisioningError> {
    return this.#run((context) => deleteGroup(context, groupName));
  }

  /**
   * Every group of the pool (ListGroups over all pages).
   *
   * @example
   * ```ts
   * const groups = await admin.listGroups().toArray();
   * ```
   */
  listGroups(options?: { readonly pageSize?: number }): Listing<Group, ListError> {
    return this.#context.isErr()
      ? failedListing(this.#context.error)
      : listGroups(this.#context.value, options);
  }

  /**
   * Adds a user to a group (AdminAddUserToGroup).
   *
   * @example
   * ```ts
   * await admin.addUserToGroup('alice', 'admins');
   * ```
   */
  addUserToGroup(username: string, groupName: string): ResultAsync<void, AdminUserError> {
    return this.#run((context) => groupMembership(context, 'AdminAddUserToGroup', username, groupName));
  }

  /**
   * Removes a user from a group (AdminRemoveUserFromGroup).
   *
   * @example
   * ```ts
   * await admin.removeUserFromGroup('alice', 'admins');
   * ```
   */
  removeUserFromGroup(username: string, groupName: string): ResultAsync<void, AdminUserError> {
    return this.#run((context) => groupMembership(context, 'AdminRemoveUserFromGroup', username, groupName));
  }

  /**
   * Every member of a group (ListUsersInGroup over all pages).
   *
   * @example
   * ```ts
   * for await (const member of admin.listUsersInGroup('admins')) if (member.isOk()) console.log(member.value.username);
   * ```
   */
  listUsersInGroup(
    groupName: string,
    options?: { readonly pageSize?: number },
  ): Listing<AdminUser, ListError> {
    return this.#context.isErr()
      ? failedListing(this.#context.error)
      : listUsersInGroup(this.#context.value, groupName, options);
  }

  /**
   * Every group a user is in (AdminListGroupsForUser over all pages).
   *
   * @example
   * ```ts
   * const groups = await admin.listGroupsForUser('alice').toArray();
   * ```
   */
  listGroupsForUser(
    username: string,
    options?: { readonly pageSize?: number },
  ): Listing<Group, AdminUserError> {
    return this.#context.isErr()
      ? failedListing(this.#context.error)
      : listGroupsForUser(this.#context.value, username, options);
  }

  // ── Provisioning ─────────────────────────────────────────────────────────────────────────────

  /**
   * Creates a user pool (CreateUserPool; then SetUserPoolMfaConfig when `mfa` is on).
   *
   * @example
   * ```ts
   * const pool = await admin.createUserPool({
   *   name: 'my-app',
   *   standardAttributes: { email: { required: true } },
   *   customAttributes: { plan: { type: 'String', maxLength: 16 } },
   *   passwordPolicy: { minimumLength: 12 },
   *   autoVerifiedAttributes: ['email'],
   *   mfa: { mode: 'OPTIONAL', totp: true },
   * });
   * if (pool.isOk()) console.log(pool.value.userPoolId);
   * ```
   */
  createUserPool(input: CreateUserPoolInput): ResultAsync<CreatedUserPool, ProvisioningError> {
    return this.#run((context) => createUserPool(context, input));
  }

  /**
   * Creates an app client (CreateUserPoolClient): public (no secret) or confidential (`generateSecret`).
   *
   * @example
   * ```ts
   * const web = await admin.createUserPoolClient({ name: 'web', authFlows: ['USER_SRP_AUTH', 'REFRESH_TOKEN_AUTH'] });
   * const service = await admin.createUserPoolClient({ name: 'service', generateSecret: true, authFlows: ['USER_PASSWORD_AUTH'] });
   * ```
   */
  createUserPoolClient(
    input: CreateUserPoolClientInput,
  ): ResultAsync<CreatedUserPoolClient, ProvisioningError> {
    return this.#run((context) => createUserPoolClient(context, input));
  }

  /**
   * Adds a federated identity provider to the pool (CreateIdentityProvider).
   *
   * @example
   * ```ts
   * await admin.createIdentityProvider({ type: 'OIDC', name: 'Corp', issuer: 'https://login.corp.example', clientId: 'cognito' });
   * ```
   */
  createIdentityProvider(
    input: CreateIdentityProviderInput,
  ): ResultAsync<CreatedIdentityProvider, ProvisioningError> {
    return this.#run((context) => createIdentityProvider(context, input));
  }

  /**
   * Gives the pool a hosted UI / OAuth domain (CreateUserPoolDomain).
   *
   * @example
   * ```ts
   * const domain = await admin.createUserPoolDomain({ domain: 'my-app-login' });
   * if (domain.isOk()) console.log(domain.value.url); // https://my-app-login.auth.eu-west-1.amazoncognito.com
   * ```
   */
  createUserPoolDomain(
    input: CreateUserPoolDomainInput,
  ): ResultAsync<CreatedUserPoolDomain, ProvisioningError> {
    return this.#run((context) => createUserPoolDomain(context, input));
  }

  /**
   * Creates an identity pool trusting user-pool app clients and other providers (CreateIdentityPool).
   *
   * @example
   * ```ts
   * const pool = await admin.createIdentityPool({ name: 'my_app', allowGuests: true, userPoolClients: [{ userPoolId, clientId }] });
   * ```
   */
  createIdentityPool(input: CreateIdentityPoolInput): ResultAsync<CreatedIdentityPool, ProvisioningError> {
    return this.#run((context) => createIdentityPool(context, input));
  }

  /**
   * Sets an identity pool's roles and role mappings (SetIdentityPoolRoles).
   *
   * @example
   * ```ts
   * await admin.setIdentityPoolRoles({ identityPoolId, authenticatedRoleArn, unauthenticatedRoleArn });
   * ```
   */
  setIdentityPoolRoles(
    input: SetIdentityPoolRolesInput,
  ): ResultAsync<{ readonly identityPoolId: string }, ProvisioningError> {
    return this.#run((context) => setIdentityPoolRoles(context, input));
  }
}

/** Never called: stands in while {@link AdminClient.forUserPool} builds a copy. */
const unusedTransport: AdminTransport = () => {
  throw new Error('unreachable');
};
