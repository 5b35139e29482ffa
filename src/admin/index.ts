/**
 * `cognito-flow/admin`: `AdminClient` for back ends with AWS credentials: admin sign-in, users, groups,
 * listing with typed filters, and provisioning of user pools, app clients, identity providers, domains and
 * identity pools.
 *
 * @module cognito-flow/admin
 */
export type {
  AttributeMap,
  CustomAttributeValue,
  StandardAttributes,
  UserAttributes,
} from '../attributes/types.js';
export type * from '../errors/types.js';
export { AdminClient } from './admin-client.js';
export { type AdminOperations, type AdminTransport, adminSdkTransport } from './admin-transport.js';
export { remapAdminError } from './call.js';
export type { AdminClientConfig, AdminCredentials } from './config.js';
export type {
  AdminUserError,
  LinkProviderError,
  ListError,
  MfaPreferenceError,
  ProvisioningError,
  SetUserPasswordError,
  UpdateUserAttributesError,
} from './errors.js';
export { type CreateGroupInput, type Group, groupFromSdk } from './groups.js';
export type { ExternalUser } from './link-provider.js';
export type { Listing, Page } from './listing.js';
export type { MfaMethodPreference, UserMfaPreferences } from './mfa-preference.js';
export {
  type CreatedIdentityPool,
  type CreateIdentityPoolInput,
  createIdentityPoolRequest,
  type RoleMapping,
  type SetIdentityPoolRolesInput,
  type UserPoolClientProvider,
} from './provision/identity-pool.js';
export {
  type AttributeMapping,
  type CreatedIdentityProvider,
  type CreateIdentityProviderInput,
  createIdentityProviderRequest,
} from './provision/identity-provider.js';
export {
  type CreatedUserPool,
  type CreateUserPoolInput,
  createUserPoolRequest,
  type PasswordPolicy,
} from './provision/user-pool.js';
export {
  type AuthFlow,
  type CreatedUserPoolClient,
  type CreateUserPoolClientInput,
  createUserPoolClientRequest,
  type OAuthSettings,
  type TokenDuration,
} from './provision/user-pool-client.js';
export type { CreatedUserPoolDomain, CreateUserPoolDomainInput } from './provision/user-pool-domain.js';
export type { SmsSettings, UserPoolMfa } from './provision/user-pool-mfa.js';
export type { CustomAttributeSchema, StandardAttributeSchema } from './provision/user-pool-schema.js';
export { type AdminUser, type AdminUserDetails, adminUserDetailsFromSdk, adminUserFromSdk } from './user.js';
export {
  type FilterAttribute,
  type FilterBuilder,
  formatUserFilter,
  type UserFilter,
  type UserStatus,
  where,
} from './user-filter.js';
export type { ClientMetadataOptions } from './user-lifecycle.js';
export type { AdminCreateUserError, AdminCreateUserInput, ListUsersOptions } from './users.js';
export {
  checkAttributeName,
  STANDARD_ATTRIBUTES,
  type StandardAttributeName,
  validatedAttributeList,
  validateUserAttributes,
} from './validate-attributes.js';
