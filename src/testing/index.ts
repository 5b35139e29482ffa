/**
 * `cognito-flow/testing`: helpers for testing code that uses cognito-flow, without a network. Built on
 * aws-sdk-client-mock (an optional peer dependency: install it next to your test runner). Vitest
 * matchers live in `cognito-flow/testing/vitest`.
 *
 * @module cognito-flow/testing
 */
export type { CodeChallengeOptions, NewPasswordOptions, SmsMfaOptions } from './challenge-stages.js';
export { type CognitoExceptionName, cognitoException } from './cognito-exception.js';
export type {
  CognitoMock,
  FailureOptions,
  IdentityPoolMock,
  IdentityPoolScenarios,
  MockAssertions,
  UserPoolMock,
  UserPoolScenarios,
} from './cognito-mock.js';
export type { IdentityPoolIssueOptions } from './identity-scenario.js';
export { type MintedTokens, type MintTokensOptions, mintTokens } from './mint-tokens.js';
export { type MockCognitoOptions, mockCognito } from './mock-cognito.js';
export type {
  CognitoOperation,
  IdentityPoolOperation,
  OperationInput,
  UserPoolOperation,
} from './mocked-operations.js';
export type { PartialInput } from './partial-match.js';
export type { SignInTokenOptions } from './sign-in-scenario.js';
export type { SignUpOptions } from './sign-up-scenario.js';
export { createSigningKey, defaultSigningKey, type SigningKey } from './signing-key.js';
export { TEST_CLIENT_ID, TEST_USER_POOL_ID } from './test-identifiers.js';
