import { createUserPool, type UserPool } from '../auth/user-pool.js';
import type { UserPoolTransport } from '../auth/user-pool-transport.js';
import type { AuthClientConfig } from '../config/auth-config.js';
import { fetchUserPoolTransport } from './fetch-user-pool-transport.js';

/**
 * A {@link UserPool} on plain `fetch`, for the tree-shakable functions of `cognito-flow/browser`: a bundle
 * keeps only the functions it calls (SRP sign-in and a token refresh come to under 15 kB gzip), where the
 * `AuthClient` class keeps every method. Never throws: with an invalid `config` (see `pool.valid`) every
 * call answers the `InvalidConfig` error. Only unsigned operations exist on `fetch`; an injected SDK
 * `client` is ignored, and a `transport` (such as a test double) replaces `fetch`.
 *
 * @example
 * ```ts
 * import { refreshTokens, signIn, submitCode, userPool } from 'cognito-flow/browser';
 *
 * const pool = userPool({ userPoolId: 'eu-west-1_AbC123', clientId: '1example' });
 * let step = (await signIn(pool, { username: 'alice', password }))._unsafeUnwrap();
 * if (step.step === 'SOFTWARE_TOKEN_MFA') step = (await submitCode(pool, step, code))._unsafeUnwrap();
 * if (step.step === 'SIGNED_IN') {
 *   const fresh = await refreshTokens(pool, step.tokens); // later, when the tokens are near expiry
 * }
 * ```
 */
export function userPool(config: AuthClientConfig, transport?: UserPoolTransport): UserPool {
  return createUserPool(config, transport, fetchUserPoolTransport);
}
