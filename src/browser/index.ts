/**
 * `cognito-flow/browser`: `cognito-flow`'s user-pool API and `cognito-flow/identity`'s `IdentityPool`, on
 * plain `fetch` — no AWS SDK in the bundle.
 */

export type { AwsCredentials, IdentityError, IdentityPoolConfig } from '../identity/index.js';
export * from '../index.js';
export { AuthClient } from './auth-client.js';
export { IdentityPool } from './identity-pool.js';
