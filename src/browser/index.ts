/**
 * `cognito-flow/browser`: `cognito-flow`'s user-pool API and `cognito-flow/identity`'s `IdentityPool`, on
 * plain `fetch` — no AWS SDK in the bundle. Besides the `AuthClient` class, the sign-in is offered as
 * tree-shakable functions of a `userPool(config)` handle, so a bundle keeps only what it calls.
 *
 * @module cognito-flow/browser
 */

// Every type of the main entry, and its values except the SDK-bound ones (its `AuthClient`, replaced below,
// and `withRetryPolicy`), each from its own module: re-exporting '../index.js' itself would make Node (or an
// unbundled browser) load the AWS SDK through the main entry's `AuthClient`.
export { formatAttributes, fromAttributeList, toAttributeList } from '../attributes/format.js';
export { memoryDeviceStore } from '../auth/devices/device-store.js';
export { mapAuthResponse } from '../auth/map-auth-response.js';
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
export { openStep, sealStep } from '../auth/pool/sealed.js';
export { signIn } from '../auth/pool/sign-in.js';
export {
  type RefreshError,
  type RefreshTokensOptions,
  refreshTokens,
  restoreSession,
  startSession,
} from '../auth/pool/tokens.js';
export type { OpenStepError } from '../auth/sealed/open-step.js';
export type { SealStepError } from '../auth/sealed/seal-step.js';
export type { StepKey } from '../auth/sealed/step-keys.js';
export { DEFAULT_TOTP_ISSUER, totpUri } from '../auth/totp-uri.js';
export type { UserPool } from '../auth/user-pool.js';
export { secretHash } from '../crypto/secret-hash.js';
export { mapSdkError } from '../errors/map-sdk-error.js';
export type { AwsCredentials, IdentityError, IdentityPoolConfig } from '../identity/index.js';
export type * from '../index.js';
export { decodeAccessToken, decodeIdToken } from '../tokens/claims.js';
export { decodeJwt } from '../tokens/jwt.js';
export { deviceStoreFromTokenStore, memoryTokenStore } from '../tokens/session-index.js';
export { fetchTransport } from '../transport/fetch-transport.js';
export { AuthClient } from './auth-client.js';
export { IdentityPool } from './identity-pool.js';
export { userPool } from './user-pool.js';
