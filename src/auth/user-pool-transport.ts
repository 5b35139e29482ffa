import {
  AdminInitiateAuthCommand,
  type AdminInitiateAuthCommandInput,
  type AdminInitiateAuthCommandOutput,
  AdminRespondToAuthChallengeCommand,
  type AdminRespondToAuthChallengeCommandInput,
  type AdminRespondToAuthChallengeCommandOutput,
  AssociateSoftwareTokenCommand,
  type AssociateSoftwareTokenCommandInput,
  type AssociateSoftwareTokenCommandOutput,
  ChangePasswordCommand,
  type ChangePasswordCommandInput,
  type ChangePasswordCommandOutput,
  type CognitoIdentityProviderClient,
  CompleteWebAuthnRegistrationCommand,
  type CompleteWebAuthnRegistrationCommandInput,
  type CompleteWebAuthnRegistrationCommandOutput,
  ConfirmDeviceCommand,
  type ConfirmDeviceCommandInput,
  type ConfirmDeviceCommandOutput,
  ConfirmForgotPasswordCommand,
  type ConfirmForgotPasswordCommandInput,
  type ConfirmForgotPasswordCommandOutput,
  ConfirmSignUpCommand,
  type ConfirmSignUpCommandInput,
  type ConfirmSignUpCommandOutput,
  DeleteUserAttributesCommand,
  type DeleteUserAttributesCommandInput,
  type DeleteUserAttributesCommandOutput,
  DeleteUserCommand,
  type DeleteUserCommandInput,
  type DeleteUserCommandOutput,
  DeleteWebAuthnCredentialCommand,
  type DeleteWebAuthnCredentialCommandInput,
  type DeleteWebAuthnCredentialCommandOutput,
  ForgetDeviceCommand,
  type ForgetDeviceCommandInput,
  type ForgetDeviceCommandOutput,
  ForgotPasswordCommand,
  type ForgotPasswordCommandInput,
  type ForgotPasswordCommandOutput,
  GetTokensFromRefreshTokenCommand,
  type GetTokensFromRefreshTokenCommandInput,
  type GetTokensFromRefreshTokenCommandOutput,
  GetUserAttributeVerificationCodeCommand,
  type GetUserAttributeVerificationCodeCommandInput,
  type GetUserAttributeVerificationCodeCommandOutput,
  GetUserCommand,
  type GetUserCommandInput,
  type GetUserCommandOutput,
  GlobalSignOutCommand,
  type GlobalSignOutCommandInput,
  type GlobalSignOutCommandOutput,
  InitiateAuthCommand,
  type InitiateAuthCommandInput,
  type InitiateAuthCommandOutput,
  ListDevicesCommand,
  type ListDevicesCommandInput,
  type ListDevicesCommandOutput,
  ListWebAuthnCredentialsCommand,
  type ListWebAuthnCredentialsCommandInput,
  type ListWebAuthnCredentialsCommandOutput,
  ResendConfirmationCodeCommand,
  type ResendConfirmationCodeCommandInput,
  type ResendConfirmationCodeCommandOutput,
  RespondToAuthChallengeCommand,
  type RespondToAuthChallengeCommandInput,
  type RespondToAuthChallengeCommandOutput,
  RevokeTokenCommand,
  type RevokeTokenCommandInput,
  type RevokeTokenCommandOutput,
  SetUserMFAPreferenceCommand,
  type SetUserMFAPreferenceCommandInput,
  type SetUserMFAPreferenceCommandOutput,
  SignUpCommand,
  type SignUpCommandInput,
  type SignUpCommandOutput,
  StartWebAuthnRegistrationCommand,
  type StartWebAuthnRegistrationCommandInput,
  type StartWebAuthnRegistrationCommandOutput,
  UpdateDeviceStatusCommand,
  type UpdateDeviceStatusCommandInput,
  type UpdateDeviceStatusCommandOutput,
  UpdateUserAttributesCommand,
  type UpdateUserAttributesCommandInput,
  type UpdateUserAttributesCommandOutput,
  VerifySoftwareTokenCommand,
  type VerifySoftwareTokenCommandInput,
  type VerifySoftwareTokenCommandOutput,
  VerifyUserAttributeCommand,
  type VerifyUserAttributeCommandInput,
  type VerifyUserAttributeCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { sdkTransport } from '../transport/sdk-transport.js';
import type { Transport } from '../transport/transport.js';

/**
 * The user-pool operations {@link AuthClient} uses: sign-in and challenges, devices, the account
 * lifecycle and token refresh. All but the two Admin* sign-in calls are unsigned (public app-client
 * calls, or authorised by the user's access token or session); `adminSignIn` needs AWS credentials.
 *
 * @example
 * ```ts
 * type InitiateAuthInput = UserPoolAuthOperations['InitiateAuth']['input'];
 * ```
 */
export interface UserPoolAuthOperations {
  AdminRespondToAuthChallenge: {
    input: AdminRespondToAuthChallengeCommandInput;
    output: AdminRespondToAuthChallengeCommandOutput;
  };
  AdminInitiateAuth: { input: AdminInitiateAuthCommandInput; output: AdminInitiateAuthCommandOutput };
  InitiateAuth: { input: InitiateAuthCommandInput; output: InitiateAuthCommandOutput };
  RespondToAuthChallenge: {
    input: RespondToAuthChallengeCommandInput;
    output: RespondToAuthChallengeCommandOutput;
  };
  ConfirmDevice: { input: ConfirmDeviceCommandInput; output: ConfirmDeviceCommandOutput };
  UpdateDeviceStatus: { input: UpdateDeviceStatusCommandInput; output: UpdateDeviceStatusCommandOutput };
  ForgetDevice: { input: ForgetDeviceCommandInput; output: ForgetDeviceCommandOutput };
  ListDevices: { input: ListDevicesCommandInput; output: ListDevicesCommandOutput };
  AssociateSoftwareToken: {
    input: AssociateSoftwareTokenCommandInput;
    output: AssociateSoftwareTokenCommandOutput;
  };
  VerifySoftwareToken: { input: VerifySoftwareTokenCommandInput; output: VerifySoftwareTokenCommandOutput };
  SignUp: { input: SignUpCommandInput; output: SignUpCommandOutput };
  ConfirmSignUp: { input: ConfirmSignUpCommandInput; output: ConfirmSignUpCommandOutput };
  ResendConfirmationCode: {
    input: ResendConfirmationCodeCommandInput;
    output: ResendConfirmationCodeCommandOutput;
  };
  ForgotPassword: { input: ForgotPasswordCommandInput; output: ForgotPasswordCommandOutput };
  ConfirmForgotPassword: {
    input: ConfirmForgotPasswordCommandInput;
    output: ConfirmForgotPasswordCommandOutput;
  };
  ChangePassword: { input: ChangePasswordCommandInput; output: ChangePasswordCommandOutput };
  GetUser: { input: GetUserCommandInput; output: GetUserCommandOutput };
  UpdateUserAttributes: {
    input: UpdateUserAttributesCommandInput;
    output: UpdateUserAttributesCommandOutput;
  };
  GetUserAttributeVerificationCode: {
    input: GetUserAttributeVerificationCodeCommandInput;
    output: GetUserAttributeVerificationCodeCommandOutput;
  };
  VerifyUserAttribute: { input: VerifyUserAttributeCommandInput; output: VerifyUserAttributeCommandOutput };
  DeleteUserAttributes: {
    input: DeleteUserAttributesCommandInput;
    output: DeleteUserAttributesCommandOutput;
  };
  SetUserMFAPreference: {
    input: SetUserMFAPreferenceCommandInput;
    output: SetUserMFAPreferenceCommandOutput;
  };
  StartWebAuthnRegistration: {
    input: StartWebAuthnRegistrationCommandInput;
    output: StartWebAuthnRegistrationCommandOutput;
  };
  CompleteWebAuthnRegistration: {
    input: CompleteWebAuthnRegistrationCommandInput;
    output: CompleteWebAuthnRegistrationCommandOutput;
  };
  ListWebAuthnCredentials: {
    input: ListWebAuthnCredentialsCommandInput;
    output: ListWebAuthnCredentialsCommandOutput;
  };
  DeleteWebAuthnCredential: {
    input: DeleteWebAuthnCredentialCommandInput;
    output: DeleteWebAuthnCredentialCommandOutput;
  };
  GlobalSignOut: { input: GlobalSignOutCommandInput; output: GlobalSignOutCommandOutput };
  RevokeToken: { input: RevokeTokenCommandInput; output: RevokeTokenCommandOutput };
  DeleteUser: { input: DeleteUserCommandInput; output: DeleteUserCommandOutput };
  GetTokensFromRefreshToken: {
    input: GetTokensFromRefreshTokenCommandInput;
    output: GetTokensFromRefreshTokenCommandOutput;
  };
}

/**
 * The seam the {@link AuthClient} talks to Cognito through.
 *
 * @example
 * ```ts
 * const auth = new AuthClient({ userPoolId, clientId }, myTransport satisfies UserPoolTransport);
 * ```
 */
export type UserPoolTransport = Transport<UserPoolAuthOperations>;

/**
 * The default seam: AWS SDK v3 commands sent through `client`.
 *
 * @example
 * ```ts
 * const transport = userPoolSdkTransport(new CognitoIdentityProviderClient({ region: 'eu-west-1' }));
 * ```
 */
export function userPoolSdkTransport(client: CognitoIdentityProviderClient): UserPoolTransport {
  return sdkTransport<UserPoolAuthOperations>(client, {
    AdminRespondToAuthChallenge: AdminRespondToAuthChallengeCommand,
    AdminInitiateAuth: AdminInitiateAuthCommand,
    InitiateAuth: InitiateAuthCommand,
    RespondToAuthChallenge: RespondToAuthChallengeCommand,
    ConfirmDevice: ConfirmDeviceCommand,
    UpdateDeviceStatus: UpdateDeviceStatusCommand,
    ForgetDevice: ForgetDeviceCommand,
    ListDevices: ListDevicesCommand,
    AssociateSoftwareToken: AssociateSoftwareTokenCommand,
    VerifySoftwareToken: VerifySoftwareTokenCommand,
    SignUp: SignUpCommand,
    ConfirmSignUp: ConfirmSignUpCommand,
    ResendConfirmationCode: ResendConfirmationCodeCommand,
    ForgotPassword: ForgotPasswordCommand,
    ConfirmForgotPassword: ConfirmForgotPasswordCommand,
    ChangePassword: ChangePasswordCommand,
    GetUser: GetUserCommand,
    UpdateUserAttributes: UpdateUserAttributesCommand,
    GetUserAttributeVerificationCode: GetUserAttributeVerificationCodeCommand,
    VerifyUserAttribute: VerifyUserAttributeCommand,
    DeleteUserAttributes: DeleteUserAttributesCommand,
    SetUserMFAPreference: SetUserMFAPreferenceCommand,
    StartWebAuthnRegistration: StartWebAuthnRegistrationCommand,
    CompleteWebAuthnRegistration: CompleteWebAuthnRegistrationCommand,
    ListWebAuthnCredentials: ListWebAuthnCredentialsCommand,
    DeleteWebAuthnCredential: DeleteWebAuthnCredentialCommand,
    GlobalSignOut: GlobalSignOutCommand,
    RevokeToken: RevokeTokenCommand,
    DeleteUser: DeleteUserCommand,
    GetTokensFromRefreshToken: GetTokensFromRefreshTokenCommand,
  });
}
