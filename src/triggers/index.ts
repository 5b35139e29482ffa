/**
 * `cognito-flow/triggers`: typed helpers for Cognito user-pool Lambda triggers — custom auth challenges
 * (with a complete emailed-code challenge), pre sign-up, post confirmation, pre token generation (V1 and
 * V2/V3) and user migration. Each validates the event it receives and throws a `TriggerError` with a clear
 * message on a malformed one. Imports nothing from the user-pool client or the AWS SDK.
 *
 * @module cognito-flow/triggers
 */

export { type AutoConfirmByDomainOptions, autoConfirmByDomain } from './auto-confirm-by-domain.js';
export type { ChallengeResult, StringMap, TriggerEventBase, TriggerHandler } from './common-types.js';
export {
  type CreateAuthChallengeEvent,
  type CreateAuthChallengeInput,
  type CreatedChallenge,
  createAuthChallenge,
} from './create-auth-challenge.js';
export { type CustomChallengePolicyOptions, customChallengePolicy } from './custom-challenge-policy.js';
export {
  type DefineAuthChallengeDecision,
  type DefineAuthChallengeEvent,
  type DefineAuthChallengeInput,
  defineAuthChallenge,
} from './define-auth-challenge.js';
export {
  type CodeDelivery,
  type CustomChallengeTriggers,
  type EmailedCodeChallengeOptions,
  emailedCodeChallenge,
  maskEmail,
  randomDigits,
} from './emailed-code-challenge.js';
export type { GroupChanges, GroupConfiguration } from './group-override.js';
export {
  type PostConfirmationEvent,
  type PostConfirmationInput,
  type PostConfirmationOptions,
  type PostConfirmationSource,
  postConfirmation,
} from './post-confirmation.js';
export {
  type PreSignUpDecision,
  type PreSignUpEvent,
  type PreSignUpInput,
  type PreSignUpSource,
  preSignUp,
} from './pre-sign-up.js';
export {
  type IdTokenCustomization,
  type PreTokenGenerationEvent,
  type PreTokenGenerationInput,
  preTokenGeneration,
  type TokenGenerationSource,
} from './pre-token-generation.js';
export {
  type PreTokenGenerationV2Event,
  type PreTokenGenerationV2Input,
  preTokenGenerationV2,
  type TokenCustomization,
  type TokenGenerationChanges,
  type TokenGenerationV2Source,
} from './pre-token-generation-v2.js';
export { type ClaimValue, RESERVED_CLAIMS } from './token-claims.js';
export { TriggerError } from './trigger-error.js';
export {
  type LegacyLookup,
  type LegacySignIn,
  type MigratedUser,
  type UserMigrationEvent,
  type UserMigrationOptions,
  type UserMigrationSource,
  userMigration,
} from './user-migration.js';
export {
  constantTimeEqual,
  type VerifyAuthChallengeEvent,
  type VerifyAuthChallengeInput,
  verifyAuthChallenge,
} from './verify-auth-challenge.js';
