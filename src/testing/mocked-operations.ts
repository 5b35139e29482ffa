import {
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetOpenIdTokenCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  AssociateSoftwareTokenCommand,
  ChangePasswordCommand,
  CompleteWebAuthnRegistrationCommand,
  ConfirmDeviceCommand,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  DeleteUserAttributesCommand,
  DeleteUserCommand,
  DeleteWebAuthnCredentialCommand,
  ForgetDeviceCommand,
  ForgotPasswordCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserAttributeVerificationCodeCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  ListDevicesCommand,
  ListWebAuthnCredentialsCommand,
  ResendConfirmationCodeCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  SetUserMFAPreferenceCommand,
  SignUpCommand,
  StartWebAuthnRegistrationCommand,
  UpdateDeviceStatusCommand,
  UpdateUserAttributesCommand,
  VerifySoftwareTokenCommand,
  VerifyUserAttributeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { UserPoolAuthOperations } from '../auth/user-pool-transport.js';
import type { IdentityPoolOperations } from '../identity/identity-transport.js';

/**
 * The user-pool operations a mock answers: every one `AuthClient` sends.
 *
 * @example
 * ```ts
 * const op: UserPoolOperation = 'RespondToAuthChallenge';
 * ```
 */
export type UserPoolOperation = keyof UserPoolAuthOperations & string;

/**
 * The identity-pool operations a mock answers: every one `IdentityPool` sends to Cognito.
 *
 * @example
 * ```ts
 * const op: IdentityPoolOperation = 'GetCredentialsForIdentity';
 * ```
 */
export type IdentityPoolOperation = Exclude<
  keyof IdentityPoolOperations & string,
  'AssumeRoleWithWebIdentity'
>;

/**
 * Any operation a mock answers.
 *
 * @example
 * ```ts
 * const op: CognitoOperation = 'GetId';
 * ```
 */
export type CognitoOperation = UserPoolOperation | IdentityPoolOperation;

/**
 * The input the client sent for operation `K`, typed as the AWS SDK types it.
 *
 * @example
 * ```ts
 * const [first]: OperationInput<'InitiateAuth'>[] = cognito.calls('InitiateAuth');
 * ```
 */
export type OperationInput<K extends CognitoOperation> = K extends UserPoolOperation
  ? UserPoolAuthOperations[K]['input']
  : K extends IdentityPoolOperation
    ? IdentityPoolOperations[K]['input']
    : never;

// biome-ignore lint/suspicious/noExplicitAny: command constructors differ in their input type.
type CommandClass = new (input: any) => unknown;

/** The SDK command class of each user-pool operation. */
export const USER_POOL_COMMANDS: Readonly<Record<UserPoolOperation, CommandClass>> = {
  AdminInitiateAuth: AdminInitiateAuthCommand,
  AdminRespondToAuthChallenge: AdminRespondToAuthChallengeCommand,
  AssociateSoftwareToken: AssociateSoftwareTokenCommand,
  ChangePassword: ChangePasswordCommand,
  CompleteWebAuthnRegistration: CompleteWebAuthnRegistrationCommand,
  ConfirmDevice: ConfirmDeviceCommand,
  ConfirmForgotPassword: ConfirmForgotPasswordCommand,
  ConfirmSignUp: ConfirmSignUpCommand,
  DeleteUser: DeleteUserCommand,
  DeleteUserAttributes: DeleteUserAttributesCommand,
  DeleteWebAuthnCredential: DeleteWebAuthnCredentialCommand,
  ForgetDevice: ForgetDeviceCommand,
  ForgotPassword: ForgotPasswordCommand,
  GetTokensFromRefreshToken: GetTokensFromRefreshTokenCommand,
  GetUser: GetUserCommand,
  GetUserAttributeVerificationCode: GetUserAttributeVerificationCodeCommand,
  GlobalSignOut: GlobalSignOutCommand,
  InitiateAuth: InitiateAuthCommand,
  ListDevices: ListDevicesCommand,
  ListWebAuthnCredentials: ListWebAuthnCredentialsCommand,
  ResendConfirmationCode: ResendConfirmationCodeCommand,
  RespondToAuthChallenge: RespondToAuthChallengeCommand,
  RevokeToken: RevokeTokenCommand,
  SetUserMFAPreference: SetUserMFAPreferenceCommand,
  SignUp: SignUpCommand,
  StartWebAuthnRegistration: StartWebAuthnRegistrationCommand,
  UpdateDeviceStatus: UpdateDeviceStatusCommand,
  UpdateUserAttributes: UpdateUserAttributesCommand,
  VerifySoftwareToken: VerifySoftwareTokenCommand,
  VerifyUserAttribute: VerifyUserAttributeCommand,
};

/** The SDK command class of each identity-pool operation. */
export const IDENTITY_POOL_COMMANDS: Readonly<Record<IdentityPoolOperation, CommandClass>> = {
  GetCredentialsForIdentity: GetCredentialsForIdentityCommand,
  GetId: GetIdCommand,
  GetOpenIdToken: GetOpenIdTokenCommand,
  GetOpenIdTokenForDeveloperIdentity: GetOpenIdTokenForDeveloperIdentityCommand,
};
