/**
 * `cognito-flow/identity`: `IdentityPool` turns an ID token (or a guest, or another provider's login) into
 * temporary AWS credentials, cached, and plugs into any AWS SDK v3 client as a credential provider.
 *
 * @module cognito-flow/identity
 */
export type * from '../errors/types.js';
export { type FetchTransportOptions, fetchTransport } from '../transport/fetch-transport.js';
export type { BasicFlowConfig, IdentityPoolConfig } from './config.js';
export { isRoleArn } from './config.js';
export {
  type CognitoCredentialProvider,
  type CredentialProviderOptions,
  IdentityCredentialsError,
  type IdTokenSource,
  type IdTokenSourceError,
  isIdentityCredentialsError,
} from './credential-provider.js';
export { type AwsCredentials, credentialsFromResponse, isFresh } from './credentials.js';
export type {
  DeveloperIdentityError,
  DeveloperIdentityInput,
  DeveloperIdentityToken,
} from './developer-identity.js';
export type { IdentityError } from './errors.js';
export { type IdentityIdStore, memoryIdentityIdStore } from './identity-id-store.js';
export { IdentityPool } from './identity-pool.js';
export type { CredentialOptions } from './identity-pool-core.js';
export type { IdentityPoolOperations, IdentityPoolTransport } from './identity-transport.js';
export { identityFromIdToken, type TokenIdentity, userPoolLoginsKey } from './logins.js';
export { type IdentityLogin, LOGINS_KEYS, type ResolvedLogins, resolveLogins } from './provider-logins.js';
export type { AssumedRoleCredentials, AssumeRoleWithWebIdentityInput } from './sts-web-identity.js';
