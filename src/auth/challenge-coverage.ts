/**
 * How each Cognito challenge is handled: the step the caller sees (or `internal` when cognito-flow
 * answers it itself) and the `AuthClient` method that answers it. docs/sign-in.md holds the same table,
 * and a test checks both against the AWS SDK's `ChallengeNameType`.
 *
 * @example
 * ```ts
 * CHALLENGE_COVERAGE.SMS_MFA; // { step: 'SMS_MFA', method: 'submitCode' }
 * ```
 */
export const CHALLENGE_COVERAGE = {
  ADMIN_NO_SRP_AUTH: { step: 'UNSUPPORTED_CHALLENGE', method: 'respondToChallenge' },
  CUSTOM_CHALLENGE: { step: 'CUSTOM_CHALLENGE', method: 'answerCustomChallenge' },
  DEVICE_PASSWORD_VERIFIER: { step: 'internal', method: 'signIn' },
  DEVICE_SRP_AUTH: { step: 'internal', method: 'signIn' },
  EMAIL_OTP: { step: 'EMAIL_OTP', method: 'submitCode' },
  MFA_SETUP: { step: 'MFA_SETUP', method: 'setUpTotp' },
  NEW_PASSWORD_REQUIRED: { step: 'NEW_PASSWORD_REQUIRED', method: 'completeNewPassword' },
  PASSWORD: { step: 'SELECT_CHALLENGE', method: 'selectChallenge' },
  PASSWORD_SRP: { step: 'SELECT_CHALLENGE', method: 'selectChallenge' },
  PASSWORD_VERIFIER: { step: 'internal', method: 'signIn' },
  SELECT_CHALLENGE: { step: 'SELECT_CHALLENGE', method: 'selectChallenge' },
  SELECT_MFA_TYPE: { step: 'SELECT_MFA_TYPE', method: 'selectMfaType' },
  SMS_MFA: { step: 'SMS_MFA', method: 'submitCode' },
  SMS_OTP: { step: 'SMS_OTP', method: 'submitCode' },
  SOFTWARE_TOKEN_MFA: { step: 'SOFTWARE_TOKEN_MFA', method: 'submitCode' },
  WEB_AUTHN: { step: 'WEB_AUTHN', method: 'submitWebAuthnCredential' },
} as const;
