import {
  type CognitoIdentityClient,
  CreateIdentityPoolCommand,
  type CreateIdentityPoolCommandInput,
  type CreateIdentityPoolCommandOutput,
  SetIdentityPoolRolesCommand,
  type SetIdentityPoolRolesCommandInput,
  type SetIdentityPoolRolesCommandOutput,
} from '@aws-sdk/client-cognito-identity';
import {
  AdminAddUserToGroupCommand,
  type AdminAddUserToGroupCommandInput,
  type AdminAddUserToGroupCommandOutput,
  AdminConfirmSignUpCommand,
  type AdminConfirmSignUpCommandInput,
  type AdminConfirmSignUpCommandOutput,
  AdminCreateUserCommand,
  type AdminCreateUserCommandInput,
  type AdminCreateUserCommandOutput,
  AdminDeleteUserCommand,
  type AdminDeleteUserCommandInput,
  type AdminDeleteUserCommandOutput,
  AdminDisableUserCommand,
  type AdminDisableUserCommandInput,
  type AdminDisableUserCommandOutput,
  AdminEnableUserCommand,
  type AdminEnableUserCommandInput,
  type AdminEnableUserCommandOutput,
  AdminGetUserCommand,
  type AdminGetUserCommandInput,
  type AdminGetUserCommandOutput,
  AdminLinkProviderForUserCommand,
  type AdminLinkProviderForUserCommandInput,
  type AdminLinkProviderForUserCommandOutput,
  AdminListGroupsForUserCommand,
  type AdminListGroupsForUserCommandInput,
  type AdminListGroupsForUserCommandOutput,
  AdminRemoveUserFromGroupCommand,
  type AdminRemoveUserFromGroupCommandInput,
  type AdminRemoveUserFromGroupCommandOutput,
  AdminResetUserPasswordCommand,
  type AdminResetUserPasswordCommandInput,
  type AdminResetUserPasswordCommandOutput,
  AdminSetUserMFAPreferenceCommand,
  type AdminSetUserMFAPreferenceCommandInput,
  type AdminSetUserMFAPreferenceCommandOutput,
  AdminSetUserPasswordCommand,
  type AdminSetUserPasswordCommandInput,
  type AdminSetUserPasswordCommandOutput,
  AdminUpdateUserAttributesCommand,
  type AdminUpdateUserAttributesCommandInput,
  type AdminUpdateUserAttributesCommandOutput,
  AdminUserGlobalSignOutCommand,
  type AdminUserGlobalSignOutCommandInput,
  type AdminUserGlobalSignOutCommandOutput,
  type CognitoIdentityProviderClient,
  CreateGroupCommand,
  type CreateGroupCommandInput,
  type CreateGroupCommandOutput,
  CreateIdentityProviderCommand,
  type CreateIdentityProviderCommandInput,
  type CreateIdentityProviderCommandOutput,
  CreateUserPoolClientCommand,
  type CreateUserPoolClientCommandInput,
  type CreateUserPoolClientCommandOutput,
  CreateUserPoolCommand,
  type CreateUserPoolCommandInput,
  type CreateUserPoolCommandOutput,
  CreateUserPoolDomainCommand,
  type CreateUserPoolDomainCommandInput,
  type CreateUserPoolDomainCommandOutput,
  DeleteGroupCommand,
  type DeleteGroupCommandInput,
  type DeleteGroupCommandOutput,
  ListGroupsCommand,
  type ListGroupsCommandInput,
  type ListGroupsCommandOutput,
  ListUsersCommand,
  type ListUsersCommandInput,
  type ListUsersCommandOutput,
  ListUsersInGroupCommand,
  type ListUsersInGroupCommandInput,
  type ListUsersInGroupCommandOutput,
  SetUserPoolMfaConfigCommand,
  type SetUserPoolMfaConfigCommandInput,
  type SetUserPoolMfaConfigCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { errAsync } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import { type CommandClass, sdkTransport } from '../transport/sdk-transport.js';
import type { CallOptions, Transport } from '../transport/transport.js';

/** An operation's input and output. */
type Op<I, O> = { input: I; output: O };

/**
 * The user-pool administration and provisioning operations {@link AdminClient} uses (signed with AWS
 * credentials), including the identity-pool ones (CreateIdentityPool, SetIdentityPoolRoles).
 *
 * @example
 * ```ts
 * type CreateInput = AdminOperations['AdminCreateUser']['input'];
 * ```
 */
export interface AdminOperations {
  AdminCreateUser: Op<AdminCreateUserCommandInput, AdminCreateUserCommandOutput>;
  AdminGetUser: Op<AdminGetUserCommandInput, AdminGetUserCommandOutput>;
  ListUsers: Op<ListUsersCommandInput, ListUsersCommandOutput>;
  AdminSetUserPassword: Op<AdminSetUserPasswordCommandInput, AdminSetUserPasswordCommandOutput>;
  AdminResetUserPassword: Op<AdminResetUserPasswordCommandInput, AdminResetUserPasswordCommandOutput>;
  AdminConfirmSignUp: Op<AdminConfirmSignUpCommandInput, AdminConfirmSignUpCommandOutput>;
  AdminEnableUser: Op<AdminEnableUserCommandInput, AdminEnableUserCommandOutput>;
  AdminDisableUser: Op<AdminDisableUserCommandInput, AdminDisableUserCommandOutput>;
  AdminDeleteUser: Op<AdminDeleteUserCommandInput, AdminDeleteUserCommandOutput>;
  AdminUpdateUserAttributes: Op<
    AdminUpdateUserAttributesCommandInput,
    AdminUpdateUserAttributesCommandOutput
  >;
  AdminUserGlobalSignOut: Op<AdminUserGlobalSignOutCommandInput, AdminUserGlobalSignOutCommandOutput>;
  AdminSetUserMFAPreference: Op<
    AdminSetUserMFAPreferenceCommandInput,
    AdminSetUserMFAPreferenceCommandOutput
  >;
  AdminLinkProviderForUser: Op<AdminLinkProviderForUserCommandInput, AdminLinkProviderForUserCommandOutput>;
  CreateGroup: Op<CreateGroupCommandInput, CreateGroupCommandOutput>;
  DeleteGroup: Op<DeleteGroupCommandInput, DeleteGroupCommandOutput>;
  ListGroups: Op<ListGroupsCommandInput, ListGroupsCommandOutput>;
  AdminAddUserToGroup: Op<AdminAddUserToGroupCommandInput, AdminAddUserToGroupCommandOutput>;
  AdminRemoveUserFromGroup: Op<AdminRemoveUserFromGroupCommandInput, AdminRemoveUserFromGroupCommandOutput>;
  ListUsersInGroup: Op<ListUsersInGroupCommandInput, ListUsersInGroupCommandOutput>;
  AdminListGroupsForUser: Op<AdminListGroupsForUserCommandInput, AdminListGroupsForUserCommandOutput>;
  CreateUserPool: Op<CreateUserPoolCommandInput, CreateUserPoolCommandOutput>;
  SetUserPoolMfaConfig: Op<SetUserPoolMfaConfigCommandInput, SetUserPoolMfaConfigCommandOutput>;
  CreateUserPoolClient: Op<CreateUserPoolClientCommandInput, CreateUserPoolClientCommandOutput>;
  CreateIdentityProvider: Op<CreateIdentityProviderCommandInput, CreateIdentityProviderCommandOutput>;
  CreateUserPoolDomain: Op<CreateUserPoolDomainCommandInput, CreateUserPoolDomainCommandOutput>;
  CreateIdentityPool: Op<CreateIdentityPoolCommandInput, CreateIdentityPoolCommandOutput>;
  SetIdentityPoolRoles: Op<SetIdentityPoolRolesCommandInput, SetIdentityPoolRolesCommandOutput>;
}

/**
 * The seam {@link AdminClient} talks to Cognito through.
 *
 * @example
 * ```ts
 * const admin = new AdminClient({ userPoolId }, myTransport satisfies AdminTransport);
 * ```
 */
export type AdminTransport = Transport<AdminOperations>;

type IdentityOperations = Pick<AdminOperations, 'CreateIdentityPool' | 'SetIdentityPoolRoles'>;
type UserPoolOperations = Omit<AdminOperations, keyof IdentityOperations>;

const USER_POOL_COMMANDS: { readonly [K in keyof UserPoolOperations]: CommandClass } = {
  AdminCreateUser: AdminCreateUserCommand,
  AdminGetUser: AdminGetUserCommand,
  ListUsers: ListUsersCommand,
  AdminSetUserPassword: AdminSetUserPasswordCommand,
  AdminResetUserPassword: AdminResetUserPasswordCommand,
  AdminConfirmSignUp: AdminConfirmSignUpCommand,
  AdminEnableUser: AdminEnableUserCommand,
  AdminDisableUser: AdminDisableUserCommand,
  AdminDeleteUser: AdminDeleteUserCommand,
  AdminUpdateUserAttributes: AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOut: AdminUserGlobalSignOutCommand,
  AdminSetUserMFAPreference: AdminSetUserMFAPreferenceCommand,
  AdminLinkProviderForUser: AdminLinkProviderForUserCommand,
  CreateGroup: CreateGroupCommand,
  DeleteGroup: DeleteGroupCommand,
  ListGroups: ListGroupsCommand,
  AdminAddUserToGroup: AdminAddUserToGroupCommand,
  AdminRemoveUserFromGroup: AdminRemoveUserFromGroupCommand,
  ListUsersInGroup: ListUsersInGroupCommand,
  AdminListGroupsForUser: AdminListGroupsForUserCommand,
  CreateUserPool: CreateUserPoolCommand,
  SetUserPoolMfaConfig: SetUserPoolMfaConfigCommand,
  CreateUserPoolClient: CreateUserPoolClientCommand,
  CreateIdentityProvider: CreateIdentityProviderCommand,
  CreateUserPoolDomain: CreateUserPoolDomainCommand,
};

const IDENTITY_COMMANDS: { readonly [K in keyof IdentityOperations]: CommandClass } = {
  CreateIdentityPool: CreateIdentityPoolCommand,
  SetIdentityPoolRoles: SetIdentityPoolRolesCommand,
};

/**
 * The default seam: AWS SDK v3 commands sent through `client` (user pools) and `identityClient`
 * (identity pools). Without `identityClient`, identity-pool calls are an `InvalidConfig` error.
 *
 * @example
 * ```ts
 * const transport = adminSdkTransport(
 *   new CognitoIdentityProviderClient({ region: 'eu-west-1' }),
 *   new CognitoIdentityClient({ region: 'eu-west-1' }),
 * );
 * ```
 */
export function adminSdkTransport(
  client: CognitoIdentityProviderClient,
  identityClient?: CognitoIdentityClient,
): AdminTransport {
  const userPools = sdkTransport<UserPoolOperations>(client, USER_POOL_COMMANDS);
  const identity = identityClient
    ? sdkTransport<IdentityOperations>(identityClient, IDENTITY_COMMANDS)
    : undefined;
  return ((operation: keyof AdminOperations, input: unknown, options?: CallOptions) => {
    if (operation in IDENTITY_COMMANDS) {
      return identity
        ? identity(operation as keyof IdentityOperations, input as never, options)
        : errAsync(
            makeError('InvalidConfig', 'No Cognito identity client was given for identity-pool calls'),
          );
    }
    return userPools(operation as keyof UserPoolOperations, input as never, options);
  }) as AdminTransport;
}
