import { makeError } from './make-error.js';
import { redact } from './redact.js';
import type { CognitoError } from './types.js';

/** The errors an SDK failure can become (the rest are raised by cognito-flow itself). */
type Tag = Exclude<CognitoError['type'], 'UnsupportedChallenge' | 'MissingRequiredAttributes'>;

/** Cognito (user pools and identity pools) exception names and the error each becomes. */
const BY_NAME: Readonly<Record<string, Tag>> = {
  NotAuthorizedException: 'NotAuthorized',
  UserNotFoundException: 'UserNotFound',
  UserNotConfirmedException: 'UserNotConfirmed',
  PasswordResetRequiredException: 'PasswordResetRequired',
  CodeMismatchException: 'CodeMismatch',
  ExpiredCodeException: 'ExpiredCode',
  InvalidPasswordException: 'InvalidPassword',
  PasswordHistoryPolicyViolationException: 'InvalidPassword',
  UsernameExistsException: 'UsernameExists',
  AliasExistsException: 'UsernameExists',
  LimitExceededException: 'LimitExceeded',
  TooManyRequestsException: 'TooManyRequests',
  TooManyFailedAttemptsException: 'TooManyRequests',
  ThrottlingException: 'TooManyRequests',
  InvalidParameterException: 'InvalidParameter',
  ValidationException: 'InvalidParameter',
  ResourceNotFoundException: 'ResourceNotFound',
  InvalidLambdaResponseException: 'LambdaTrigger',
  UnexpectedLambdaException: 'LambdaTrigger',
  UserLambdaValidationException: 'LambdaTrigger',
  InvalidUserPoolConfigurationException: 'InvalidConfiguration',
  InvalidIdentityPoolConfigurationException: 'InvalidConfiguration',
  InvalidSmsRoleAccessPolicyException: 'InvalidConfiguration',
  InvalidSmsRoleTrustRelationshipException: 'InvalidConfiguration',
  InvalidEmailRoleAccessPolicyException: 'InvalidConfiguration',
  ExternalServiceException: 'ExternalService',
  InternalErrorException: 'Internal',
  InternalServerError: 'Internal',
  InternalServerException: 'Internal',
  TimeoutError: 'Network',
  AbortError: 'Network',
  RequestTimeout: 'Network',
  RequestTimeoutException: 'Network',
};

/** System error codes that mean the request never got an answer. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

const ALWAYS_RETRYABLE = new Set<Tag>(['TooManyRequests', 'Internal', 'Network']);

/** Cognito's words when a sign-in session has run out. */
const SESSION_EXPIRED = /session is expired|invalid session for the user/i;

interface SdkLikeError {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly $fault?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: number; readonly requestId?: string };
}

function tagFor(err: SdkLikeError, message: string): Tag {
  const name = typeof err.name === 'string' ? err.name : '';
  const code = typeof err.code === 'string' ? err.code : '';
  if (name === 'NotAuthorizedException' && SESSION_EXPIRED.test(message)) return 'SessionExpired';
  if (name === 'CodeMismatchException' && SESSION_EXPIRED.test(message)) return 'SessionExpired';
  const byName = BY_NAME[name];
  if (byName) return byName;
  if (NETWORK_CODES.has(code)) return 'Network';
  return 'Unexpected';
}

/**
 * Maps anything an AWS SDK v3 call can throw (service exceptions, network failures,
 * deserialisation errors on non-JSON answers) to a typed {@link CognitoError}.
 *
 * `secrets` are the sensitive values of the failed call (password, session, tokens,
 * client secret): each is replaced by `[REDACTED]` in the message.
 *
 * @example
 * ```ts
 * try {
 *   await client.send(new InitiateAuthCommand(input));
 * } catch (e) {
 *   const error = mapSdkError(e, [password]);
 *   if (error.type === 'NotAuthorized') console.log(error.message);
 * }
 * ```
 */
export function mapSdkError(thrown: unknown, secrets: readonly (string | undefined)[] = []): CognitoError {
  const err: SdkLikeError = typeof thrown === 'object' && thrown !== null ? (thrown as SdkLikeError) : {};
  const rawMessage =
    typeof err.message === 'string' && err.message.length > 0 ? err.message : String(err.name ?? thrown);
  const message = redact(rawMessage, secrets);
  const type = tagFor(err, rawMessage);
  const status = err.$metadata?.httpStatusCode;
  const serverFault = err.$fault === 'server' || (status !== undefined && status >= 500);
  const retryable = ALWAYS_RETRYABLE.has(type) || (type === 'Unexpected' && serverFault);
  const requestId = err.$metadata?.requestId;
  const detail =
    type === 'Unexpected' && status !== undefined
      ? `Unexpected answer from Cognito (HTTP ${status}): ${message}`
      : message;
  return makeError(type, detail, { retryable, requestId, cause: thrown });
}
