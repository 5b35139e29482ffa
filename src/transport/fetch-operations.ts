/** The two Cognito services {@link fetchTransport} speaks to. */
export type FetchService = 'cognito-idp' | 'cognito-identity';

/** The `X-Amz-Target` prefix of each service. */
export const TARGET_PREFIX: Readonly<Record<FetchService, string>> = {
  'cognito-idp': 'AWSCognitoIdentityProviderService',
  'cognito-identity': 'AWSCognitoIdentityService',
};

/**
 * The operations Cognito accepts without AWS credentials (a public app client, or authorised by the
 * user's access token, session or ID token). Everything else must be signed (SigV4) and so needs the
 * AWS SDK transport.
 */
export const UNSIGNED_OPERATIONS: Readonly<Record<FetchService, ReadonlySet<string>>> = {
  'cognito-idp': new Set([
    'InitiateAuth',
    'RespondToAuthChallenge',
    'GetTokensFromRefreshToken',
    'RevokeToken',
    'GlobalSignOut',
    'SignUp',
    'ConfirmSignUp',
    'ResendConfirmationCode',
    'ForgotPassword',
    'ConfirmForgotPassword',
    'ChangePassword',
    'GetUser',
    'DeleteUser',
    'UpdateUserAttributes',
    'DeleteUserAttributes',
    'GetUserAttributeVerificationCode',
    'VerifyUserAttribute',
    'SetUserMFAPreference',
    'SetUserSettings',
    'GetUserAuthFactors',
    'AssociateSoftwareToken',
    'VerifySoftwareToken',
    'ConfirmDevice',
    'GetDevice',
    'ListDevices',
    'UpdateDeviceStatus',
    'ForgetDevice',
    'StartWebAuthnRegistration',
    'CompleteWebAuthnRegistration',
    'ListWebAuthnCredentials',
    'DeleteWebAuthnCredential',
  ]),
  'cognito-identity': new Set(['GetId', 'GetCredentialsForIdentity', 'GetOpenIdToken']),
};

/**
 * The regional endpoint of `service` (`.amazonaws.com.cn` in the China regions).
 *
 * @example
 * ```ts
 * regionalEndpoint('cognito-idp', 'eu-west-1'); // 'https://cognito-idp.eu-west-1.amazonaws.com/'
 * ```
 */
export function regionalEndpoint(service: FetchService, region: string): string {
  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `https://${service}.${region}.${suffix}/`;
}
