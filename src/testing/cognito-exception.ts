import { CognitoIdentityServiceException } from '@aws-sdk/client-cognito-identity';
import { CognitoIdentityProviderServiceException } from '@aws-sdk/client-cognito-identity-provider';
import { freshUuid } from './test-identifiers.js';

/**
 * The exception names Cognito answers with (user pools and identity pools), as the AWS SDK throws
 * them; any other name is accepted too.
 *
 * @example
 * ```ts
 * const name: CognitoExceptionName = 'NotAuthorizedException';
 * ```
 */
export type CognitoExceptionName =
  | 'NotAuthorizedException'
  | 'UserNotFoundException'
  | 'UserNotConfirmedException'
  | 'PasswordResetRequiredException'
  | 'CodeMismatchException'
  | 'ExpiredCodeException'
  | 'InvalidPasswordException'
  | 'UsernameExistsException'
  | 'AliasExistsException'
  | 'LimitExceededException'
  | 'TooManyRequestsException'
  | 'TooManyFailedAttemptsException'
  | 'InvalidParameterException'
  | 'ResourceNotFoundException'
  | 'UserLambdaValidationException'
  | 'InvalidUserPoolConfigurationException'
  | 'InvalidIdentityPoolConfigurationException'
  | 'ExternalServiceException'
  | 'InternalErrorException'
  | (string & {});

/** Cognito's own wording for the common ones. */
const MESSAGES: Readonly<Record<string, string>> = {
  NotAuthorizedException: 'Incorrect username or password.',
  UserNotFoundException: 'User does not exist.',
  UserNotConfirmedException: 'User is not confirmed.',
  PasswordResetRequiredException: 'Password reset required for the user',
  CodeMismatchException: 'Invalid code received for user',
  ExpiredCodeException: 'Invalid code provided, please request a code again.',
  InvalidPasswordException: 'Password does not conform to policy: Password not long enough',
  UsernameExistsException: 'User already exists',
  AliasExistsException: 'An account with the given email already exists.',
  LimitExceededException: 'Attempt limit exceeded, please try after some time.',
  TooManyRequestsException: 'Too many requests',
  TooManyFailedAttemptsException: 'Too many failed attempts.',
  InvalidParameterException: 'Invalid parameter',
  ResourceNotFoundException: 'Resource not found',
  InternalErrorException: 'Internal error',
};

const STATUS: Readonly<Record<string, number>> = {
  TooManyRequestsException: 429,
  ResourceNotFoundException: 404,
  InternalErrorException: 500,
};

/**
 * The error the AWS SDK throws when Cognito answers with exception `name` — a service exception with
 * that `name`, `$fault`, and `$metadata` (HTTP status and a request id), exactly what cognito-flow maps
 * to its typed errors. `service` picks the identity-pool SDK's exception class.
 *
 * @example
 * ```ts
 * cognitoException('CodeMismatchException'); // what `submitCode` turns into a `CodeMismatch` error
 * ```
 */
export function cognitoException(
  name: CognitoExceptionName,
  options: { readonly message?: string; readonly service?: 'user-pool' | 'identity-pool' } = {},
): Error {
  const status = STATUS[name] ?? 400;
  const init = {
    name,
    $fault: status >= 500 ? ('server' as const) : ('client' as const),
    $metadata: { httpStatusCode: status, requestId: freshUuid(), attempts: 1, totalRetryDelay: 0 },
    message: options.message ?? MESSAGES[name] ?? name,
  };
  return options.service === 'identity-pool'
    ? new CognitoIdentityServiceException(init)
    : new CognitoIdentityProviderServiceException(init);
}
