import { SERVICE_ERROR_TAGS } from '../../errors/service-errors.js';
import type {
  CodeMismatchError,
  ExpiredCodeError,
  InvalidPasswordError,
  NotAuthorizedError,
  PasswordResetRequiredError,
  ServiceError,
  SessionExpiredError,
  UserNotConfirmedError,
  UserNotFoundError,
  UsernameExistsError,
} from '../../errors/types.js';
import type { SignInError } from '../errors.js';

/**
 * The errors of the calls authorised by the user's access token (`getUser`, `deleteUser`,
 * `globalSignOut`, …): the token was rejected, expired or revoked (`NotAuthorized`), or the user must
 * first reset the password, confirm, or no longer exists.
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'NotAuthorized') await session.refresh();
 * ```
 */
export type AccountError =
  | NotAuthorizedError
  | PasswordResetRequiredError
  | UserNotConfirmedError
  | UserNotFoundError
  | ServiceError;

/** The tags an SDK failure of an access-token call is kept as. */
export const ACCOUNT_ERRORS = [
  'NotAuthorized',
  'PasswordResetRequired',
  'UserNotConfirmed',
  'UserNotFound',
  ...SERVICE_ERROR_TAGS,
] as const satisfies readonly AccountError['type'][];

/**
 * The errors `signUp` can return.
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'UsernameExists') showSignInInstead();
 * ```
 */
export type SignUpError = UsernameExistsError | InvalidPasswordError | NotAuthorizedError | ServiceError;

/** The tags an SDK failure of `signUp` is kept as. */
export const SIGN_UP_ERRORS = [
  'UsernameExists',
  'InvalidPassword',
  'NotAuthorized',
  ...SERVICE_ERROR_TAGS,
] as const satisfies readonly SignUpError['type'][];

/**
 * The errors `confirmSignUp` can return (`UsernameExists` when the email or phone is already another
 * user's alias).
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'ExpiredCode') await auth.resendSignUpCode({ username });
 * ```
 */
export type ConfirmSignUpError =
  | CodeMismatchError
  | ExpiredCodeError
  | UsernameExistsError
  | NotAuthorizedError
  | UserNotFoundError
  | ServiceError;

/** The tags an SDK failure of `confirmSignUp` is kept as. */
export const CONFIRM_SIGN_UP_ERRORS = [
  'CodeMismatch',
  'ExpiredCode',
  'UsernameExists',
  'NotAuthorized',
  'UserNotFound',
  ...SERVICE_ERROR_TAGS,
] as const satisfies readonly ConfirmSignUpError['type'][];

/**
 * The errors of the unauthenticated calls that send a code: `resendSignUpCode` and `forgotPassword`.
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'LimitExceeded') console.log('Too many codes; try later');
 * ```
 */
export type SendCodeError = NotAuthorizedError | UserNotFoundError | ServiceError;

/** The tags an SDK failure of `resendSignUpCode` / `forgotPassword` is kept as. */
export const SEND_CODE_ERRORS = [
  'NotAuthorized',
  'UserNotFound',
  ...SERVICE_ERROR_TAGS,
] as const satisfies readonly SendCodeError['type'][];

/**
 * The errors `resendSignUpCode` can return.
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'UserNotFound') showSignUp();
 * ```
 */
export type ResendSignUpCodeError = SendCodeError;

/**
 * The errors `forgotPassword` can return.
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'NotAuthorized') console.log('Only an administrator can reset it');
 * ```
 */
export type ForgotPasswordError = SendCodeError;

/**
 * The errors `confirmForgotPassword` can return.
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'InvalidPassword') askForAStrongerPassword();
 * ```
 */
export type ConfirmForgotPasswordError =
  | CodeMismatchError
  | ExpiredCodeError
  | InvalidPasswordError
  | NotAuthorizedError
  | UserNotConfirmedError
  | UserNotFoundError
  | ServiceError;

/** The tags an SDK failure of `confirmForgotPassword` is kept as. */
export const CONFIRM_FORGOT_PASSWORD_ERRORS = [
  'CodeMismatch',
  'ExpiredCode',
  'InvalidPassword',
  'NotAuthorized',
  'UserNotConfirmed',
  'UserNotFound',
  ...SERVICE_ERROR_TAGS,
] as const satisfies readonly ConfirmForgotPasswordError['type'][];

/**
 * The errors `autoSignIn` can return: those of `signIn`, and `SessionExpired` when the session from
 * `confirmSignUp` was used already or ran out.
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'SessionExpired') redirect('/sign-in');
 * ```
 */
export type AutoSignInError = SignInError | SessionExpiredError;

/**
 * The errors `changePassword` can return (`NotAuthorized` also when the previous password is wrong).
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'InvalidPassword') askForAStrongerPassword();
 * ```
 */
export type ChangePasswordError = AccountError | InvalidPasswordError;

/** The tags an SDK failure of `changePassword` is kept as. */
export const CHANGE_PASSWORD_ERRORS = [
  ...ACCOUNT_ERRORS,
  'InvalidPassword',
] as const satisfies readonly ChangePasswordError['type'][];

/**
 * The errors `updateUserAttributes` can return (`UsernameExists` when the new email or phone is
 * another user's alias).
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'UsernameExists') console.log('That email is taken');
 * ```
 */
export type UpdateUserAttributesError = AccountError | UsernameExistsError;

/** The tags an SDK failure of `updateUserAttributes` is kept as. */
export const UPDATE_USER_ATTRIBUTES_ERRORS = [
  ...ACCOUNT_ERRORS,
  'UsernameExists',
] as const satisfies readonly UpdateUserAttributesError['type'][];

/**
 * The errors `verifyAttribute` can return.
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'CodeMismatch') askForTheCodeAgain();
 * ```
 */
export type VerifyAttributeError = AccountError | CodeMismatchError | ExpiredCodeError | UsernameExistsError;

/** The tags an SDK failure of `verifyAttribute` is kept as. */
export const VERIFY_ATTRIBUTE_ERRORS = [
  ...ACCOUNT_ERRORS,
  'CodeMismatch',
  'ExpiredCode',
  'UsernameExists',
] as const satisfies readonly VerifyAttributeError['type'][];

/**
 * The errors `verifyTotp` can return (`CodeMismatch` for a wrong code).
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'CodeMismatch') askForTheCodeAgain();
 * ```
 */
export type VerifyTotpError = AccountError | CodeMismatchError;

/** The tags an SDK failure of `verifyTotp` is kept as. */
export const VERIFY_TOTP_ERRORS = [
  ...ACCOUNT_ERRORS,
  'CodeMismatch',
] as const satisfies readonly VerifyTotpError['type'][];

/**
 * The errors of the passkey (WebAuthn) calls and of `revokeToken`: the token was rejected, or the pool
 * or app client is not set up for the call (`InvalidConfiguration`), or Cognito rejected the input.
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'InvalidConfiguration') console.log('Passkeys are not enabled');
 * ```
 */
export type TokenCallError = NotAuthorizedError | ServiceError;

/** The tags an SDK failure of a passkey call or `revokeToken` is kept as. */
export const TOKEN_CALL_ERRORS = [
  'NotAuthorized',
  ...SERVICE_ERROR_TAGS,
] as const satisfies readonly TokenCallError['type'][];

/**
 * The errors of the passkey registration calls.
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'InvalidParameter') console.log('The passkey was not accepted');
 * ```
 */
export type WebAuthnError = TokenCallError;

/**
 * The errors `revokeToken` can return.
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'InvalidConfiguration') console.log('Token revocation is off');
 * ```
 */
export type RevokeTokenError = TokenCallError;
