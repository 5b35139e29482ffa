/**
 * `cognito-flow/browser`: the user-pool API of `cognito-flow` on plain `fetch`, without the AWS SDK.
 */
export * from '../index.js';
export { AuthClient } from './auth-client.js';
