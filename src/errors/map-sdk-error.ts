import { makeError } from './make-error.js';
import { redact } from './redact.js';
import { redactCause } from './redact-cause.js';
import type { CognitoError } from './types.js';

/** The errors an SDK failure can become (the rest are raised by cognito-flow itself). */
type Tag = Exclude<
  CognitoError['type'],
  'MissingRequiredAttributes' | 'SrpAborted' | 'SessionEnded' | 'InvalidToken' | 'TokenStore'
>;

/** Cognito (user pools and identity pools) exception names and the error each becomes. */
const BY_NAME: ReadonlyMap<string, Tag> = new Map(
  Object.entries({
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
    // VerifySoftwareToken's answer to a wrong code (moto answers CodeMismatchException).
    EnableSoftwareTokenMFAException: 'CodeMismatch',
    SoftwareTokenMFANotFoundException: 'InvalidParameter',
    // RevokeToken with a wrong client secret, a non-refresh token, or revocation off for the client.
    UnauthorizedException: 'NotAuthorized',
    UnsupportedTokenTypeException: 'InvalidParameter',
    UnsupportedOperationException: 'InvalidConfiguration',
    // Passkeys: not enabled, or the registration does not match the pool's relying party or client.
    WebAuthnNotEnabledException: 'InvalidConfiguration',
    WebAuthnConfigurationMissingException: 'InvalidConfiguration',
    WebAuthnChallengeNotFoundException: 'InvalidParameter',
    WebAuthnClientMismatchException: 'InvalidParameter',
    WebAuthnCredentialNotSupportedException: 'InvalidParameter',
    WebAuthnOriginNotAllowedException: 'InvalidParameter',
    WebAuthnRelyingPartyMismatchException: 'InvalidParameter',
  } satisfies Record<string, Tag>),
);

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
  readonly $metadata?: { readonly httpStatusCode?: unknown; readonly requestId?: unknown };
}

/** `fetch` failures: Node's undici ("fetch failed", code on `cause`) and browsers ("Failed to fetch", …). */
const FETCH_FAILED =
  /^(fetch failed|failed to fetch|networkerror when attempting to fetch resource\.?|load failed)$/i;

function codeOf(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  const code = (value as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}

function tagFor(err: SdkLikeError, message: string, status: number | undefined): Tag {
  const name = typeof err.name === 'string' ? err.name : '';
  if (name === 'NotAuthorizedException' && SESSION_EXPIRED.test(message)) return 'SessionExpired';
  if (name === 'CodeMismatchException' && SESSION_EXPIRED.test(message)) return 'SessionExpired';
  const byName = BY_NAME.get(name);
  if (byName) return byName;
  // HTTP 429 without a Cognito error (an API gateway, a WAF, a proxy's rate limit) is throttling too.
  if (status === 429) return 'TooManyRequests';
  if (NETWORK_CODES.has(codeOf(err)) || NETWORK_CODES.has(codeOf((err as { cause?: unknown }).cause))) {
    return 'Network';
  }
  if (name === 'TypeError' && FETCH_FAILED.test(message)) return 'Network';
  return 'Unexpected';
}

function describeThrown(thrown: unknown, err: SdkLikeError): string {
  if (typeof err.message === 'string' && err.message.length > 0) return err.message;
  if (typeof err.name === 'string' && err.name.length > 0) return err.name;
  if (typeof thrown === 'object' && thrown !== null) return 'Unknown error';
  return String(thrown);
}

/**
 * Maps anything an AWS SDK v3 call can throw (service exceptions, network failures,
 * deserialisation errors on non-JSON answers) to a typed {@link CognitoError}.
 *
 * `secrets` are the sensitive values of the failed call (password, session, tokens,
 * client secret): each is replaced by `[REDACTED]` in the message, and in the message and stack of
 * the `cause` (the thrown value) and its own causes.
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
  try {
    return mapThrown(thrown, snapshot(thrown), secrets);
  } catch {
    // A thrown value whose getters throw, a revoked Proxy, …: still a typed error, never a throw.
    return makeError('Unexpected', 'Unknown error', { cause: thrown });
  }
}

/** Reads the fields the mapping uses once, so later reads cannot throw or change. */
function snapshot(thrown: unknown): SdkLikeError {
  if (typeof thrown !== 'object' || thrown === null) return {};
  const source = thrown as SdkLikeError;
  const metadata = source.$metadata;
  return {
    name: source.name,
    code: source.code,
    message: source.message,
    $fault: source.$fault,
    $metadata:
      typeof metadata === 'object' && metadata !== null
        ? { httpStatusCode: metadata.httpStatusCode, requestId: metadata.requestId }
        : undefined,
    cause: (source as { cause?: unknown }).cause,
  } as SdkLikeError;
}

function mapThrown(
  thrown: unknown,
  err: SdkLikeError,
  secrets: readonly (string | undefined)[],
): CognitoError {
  const rawMessage = describeThrown(thrown, err);
  const message = redact(rawMessage, secrets);
  const rawStatus = err.$metadata?.httpStatusCode;
  const status = typeof rawStatus === 'number' ? rawStatus : undefined;
  const type = tagFor(err, rawMessage, status);
  const serverFault = err.$fault === 'server' || (status !== undefined && status >= 500);
  const retryable = ALWAYS_RETRYABLE.has(type) || (type === 'Unexpected' && serverFault);
  const rawRequestId = err.$metadata?.requestId;
  const requestId = typeof rawRequestId === 'string' ? rawRequestId : undefined;
  const detail =
    (type === 'Unexpected' || (type === 'TooManyRequests' && !BY_NAME.has(String(err.name)))) &&
    status !== undefined
      ? `Unexpected answer from Cognito (HTTP ${status}): ${message}`
      : message;
  return makeError(type, detail, { retryable, requestId, cause: redactCause(thrown, secrets) });
}
