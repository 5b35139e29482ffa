/**
 * `cognito-flow/browser`: `cognito-flow`'s user-pool API and `cognito-flow/identity`'s `IdentityPool`, on
 * plain `fetch` — no AWS SDK in the bundle. Besides the `AuthClient` class, the sign-in is offered as
 * tree-shakable functions of a `userPool(config)` handle, so a bundle keeps only what it calls.
 *
 * @module cognito-flow/browser
 */

export {
  answerCustomChallenge,
  completeNewPassword,
  respondToChallenge,
  selectChallenge,
  selectMfaType,
  setUpEmailMfa,
  setUpTotp,
  submitCode,
  submitWebAuthnCredential,
  verifyTotpSetup,
} from '../auth/pool/challenges.js';
export { resumeStep } from '../auth/pool/resume.js';
export { signIn } from '../auth/pool/sign-in.js';
export {
  type RefreshError,
  type RefreshTokensOptions,
  refreshTokens,
  restoreSession,
  startSession,
} from '../auth/pool/tokens.js';
export type { UserPool } from '../auth/user-pool.js';
export type { AwsCredentials, IdentityError, IdentityPoolConfig } from '../identity/index.js';
export * from '../index.js';
export { AuthClient } from './auth-client.js';
export { IdentityPool } from './identity-pool.js';
export { userPool } from './user-pool.js';
