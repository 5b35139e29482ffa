export type * from '../errors/types.js';
export type { IdentityPoolConfig } from './config.js';
export { type AwsCredentials, credentialsFromResponse, isFresh } from './credentials.js';
export type { IdentityError } from './errors.js';
export { type IdentityIdStore, memoryIdentityIdStore } from './identity-id-store.js';
export { IdentityPool } from './identity-pool.js';
export type { IdentityPoolOperations, IdentityPoolTransport } from './identity-transport.js';
export { identityFromIdToken, type TokenIdentity, userPoolLoginsKey } from './logins.js';
