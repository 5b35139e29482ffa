export type {
  AccountError,
  AutoSignInError,
  ChangePasswordError,
  ConfirmForgotPasswordError,
  ConfirmSignUpError,
  ForgotPasswordError,
  ResendSignUpCodeError,
  RevokeTokenError,
  SendCodeError,
  SignUpError,
  TokenCallError,
  UpdateUserAttributesError,
  VerifyAttributeError,
  VerifyTotpError,
  WebAuthnError,
} from './account-errors.js';
export {
  type AssociateTotpInput,
  associateTotp,
  type TotpAssociation,
} from './associate-totp.js';
export { type AutoSignInInput, autoSignIn } from './auto-sign-in.js';
export { type ChangePasswordInput, changePassword } from './change-password.js';
export type { CodeDeliveryDetails, CodeDeliveryResult } from './code-delivery.js';
export {
  type CompleteWebAuthnRegistrationInput,
  completeWebAuthnRegistration,
  type WebAuthnRegistrationCredential,
} from './complete-webauthn-registration.js';
export { type ConfirmForgotPasswordInput, confirmForgotPassword } from './confirm-forgot-password.js';
export { type ConfirmSignUpInput, type ConfirmSignUpResult, confirmSignUp } from './confirm-sign-up.js';
export { deleteUser } from './delete-user.js';
export { type DeleteUserAttributesInput, deleteUserAttributes } from './delete-user-attributes.js';
export {
  type DeleteWebAuthnCredentialInput,
  deleteWebAuthnCredential,
} from './delete-webauthn-credential.js';
export { forgotPassword } from './forgot-password.js';
export { getMfaPreference } from './get-mfa-preference.js';
export { type AccessTokenInput, type AccountUser, getUser } from './get-user.js';
export { globalSignOut } from './global-sign-out.js';
export {
  type ListWebAuthnCredentialsInput,
  listWebAuthnCredentials,
  type RegisteredWebAuthnCredential,
  type WebAuthnCredentialPage,
} from './list-webauthn-credentials.js';
export type { MfaMethod, MfaSettings } from './mfa-settings.js';
export { resendSignUpCode } from './resend-sign-up-code.js';
export { type RevokeTokenInput, revokeToken } from './revoke-token.js';
export {
  type SendAttributeVerificationCodeInput,
  sendAttributeVerificationCode,
} from './send-attribute-verification-code.js';
export type { SendCodeInput } from './send-code.js';
export { type SetMfaPreferenceInput, setMfaPreference } from './set-mfa-preference.js';
export { type SignUpInput, type SignUpResult, signUp } from './sign-up.js';
export { startWebAuthnRegistration, type WebAuthnCreationOptions } from './start-webauthn-registration.js';
export {
  type UpdateUserAttributesInput,
  type UpdateUserAttributesResult,
  updateUserAttributes,
} from './update-user-attributes.js';
export type { UserAttributeValues } from './user-attribute-values.js';
export { type VerifyAttributeInput, verifyAttribute } from './verify-attribute.js';
export { type VerifyTotpInput, verifyTotp } from './verify-totp.js';
