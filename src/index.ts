/**
 * `cognito-flow`: the user-pool client. `AuthClient` (the sign-in state machine, account lifecycle, devices,
 * sessions), the steps it returns, tokens and their claims, token stores, and the errors every call can give.
 *
 * @module cognito-flow
 */
export { formatAttributes, fromAttributeList, toAttributeList } from './attributes/format.js';
export type {
  AttributeMap,
  CustomAttributeValue,
  StandardAttributes,
  UserAttributes,
} from './attributes/types.js';
export type {
  AccessTokenInput,
  AccountError,
  AccountUser,
  AssociateTotpInput,
  AutoSignInError,
  AutoSignInInput,
  ChangePasswordError,
  ChangePasswordInput,
  CodeDeliveryDetails,
  CodeDeliveryResult,
  CompleteWebAuthnRegistrationInput,
  ConfirmForgotPasswordError,
  ConfirmForgotPasswordInput,
  ConfirmSignUpError,
  ConfirmSignUpInput,
  ConfirmSignUpResult,
  DeleteUserAttributesInput,
  DeleteWebAuthnCredentialInput,
  ForgotPasswordError,
  ListWebAuthnCredentialsInput,
  MfaMethod,
  MfaSettings,
  RegisteredWebAuthnCredential,
  ResendSignUpCodeError,
  RevokeTokenError,
  RevokeTokenInput,
  SendAttributeVerificationCodeInput,
  SendCodeError,
  SendCodeInput,
  SetMfaPreferenceInput,
  SignUpError,
  SignUpInput,
  SignUpResult,
  TokenCallError,
  TotpAssociation,
  UpdateUserAttributesError,
  UpdateUserAttributesInput,
  UpdateUserAttributesResult,
  UserAttributeValues,
  VerifyAttributeError,
  VerifyAttributeInput,
  VerifyTotpError,
  VerifyTotpInput,
  WebAuthnCreationOptions,
  WebAuthnCredentialPage,
  WebAuthnError,
  WebAuthnRegistrationCredential,
} from './auth/account/index.js';
export { AuthClient } from './auth/auth-client.js';
export type { AnswerCustomChallengeOptions } from './auth/challenges/custom-challenge.js';
export type { TotpSetup, TotpSetupOptions, VerifyTotpSetupOptions } from './auth/challenges/mfa-setup.js';
export type { CompleteNewPasswordOptions } from './auth/challenges/new-password.js';
export type { SelectChallengeOptions } from './auth/challenges/select-challenge.js';
export type { WebAuthnCredential } from './auth/challenges/webauthn.js';
export type { Device, DeviceError, DevicePage } from './auth/devices/device-operations.js';
export { type DeviceSecrets, type DeviceStore, memoryDeviceStore } from './auth/devices/device-store.js';
export type {
  AnswerCustomChallengeError,
  ChallengeError,
  CompleteNewPasswordError,
  ResumeError,
  SignInError,
  SignInFlowError,
} from './auth/errors.js';
export type { AdminContextData, AdminSignInInput } from './auth/flows/admin-sign-in.js';
export type {
  CustomSignInInput,
  PasswordSignInInput,
  SignInInput,
  SrpSignInInput,
  UserAuthSignInInput,
} from './auth/flows/sign-in-input.js';
export { type AuthResponse, type MappingContext, mapAuthResponse } from './auth/map-auth-response.js';
export type { OpenStepError } from './auth/sealed/open-step.js';
export type { SealStepError } from './auth/sealed/seal-step.js';
export { SEALED_STEP_MAX_CHARS, STEP_JSON_MAX_CHARS } from './auth/sealed/sealed-format.js';
export type { StepKey } from './auth/sealed/step-keys.js';
export type {
  ChallengeStep,
  ChallengeStepBase,
  CodeDelivery,
  CodeStep,
  CodeStepName,
  ConfirmSignUpStep,
  CustomChallengeStep,
  FirstFactor,
  JsonValue,
  MfaSetupStep,
  MfaType,
  NewDeviceStatus,
  NewPasswordRequiredStep,
  ResetPasswordStep,
  SelectChallengeStep,
  SelectMfaTypeStep,
  SignedInStep,
  SignInStep,
  Step,
  StepName,
  UnsupportedChallengeStep,
  WebAuthnStep,
} from './auth/steps.js';
export { DEFAULT_TOTP_ISSUER, totpUri } from './auth/totp-uri.js';
export type { UserPoolAuthOperations, UserPoolTransport } from './auth/user-pool-transport.js';
export type { WebAuthnCredentialJSON } from './auth/webauthn-credential-json.js';
export type { AuthClientConfig } from './config/auth-config.js';
export { secretHash } from './crypto/secret-hash.js';
export { mapSdkError } from './errors/map-sdk-error.js';
export type * from './errors/types.js';
export {
  type AccessTokenClaims,
  type CommonClaims,
  decodeAccessToken,
  decodeIdToken,
  type IdTokenClaims,
} from './tokens/claims.js';
export { type DecodedJwt, decodeJwt } from './tokens/jwt.js';
export {
  type CoordinatedStore,
  deviceStoreFromTokenStore,
  type LeaseAttempt,
  type MemoryRefreshCoordinatorOptions,
  memoryRefreshCoordinator,
  memoryTokenStore,
  type RefreshCoordinator,
  type RefreshLease,
  type RefreshOperation,
  type Session,
  type SessionEndReason,
  type SessionError,
  type SessionEvents,
  type SessionOptions,
  type SignOutError,
  type SignOutOptions,
  type TokenStore,
  type VersionedRecord,
} from './tokens/session-index.js';
export type { TokenSet } from './tokens/token-set.js';
export { type FetchTransportOptions, fetchTransport } from './transport/fetch-transport.js';
export { type WithMiddlewareStack, withRetryPolicy } from './transport/sdk-retry-policy.js';
