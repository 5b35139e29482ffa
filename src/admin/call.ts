import type { ResultAsync } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import { narrowError } from '../errors/narrow.js';
import type { CognitoError } from '../errors/types.js';
import type { AdminOperations, AdminTransport } from './admin-transport.js';

/**
 * Administration exceptions the shared table does not know, and the closest error each becomes.
 * (A dedicated `AlreadyExists` error would fit the first two better; see docs/admin.md.)
 */
const ADMIN_EXCEPTIONS: ReadonlyMap<
  string,
  'InvalidParameter' | 'TooManyRequests' | 'InvalidConfiguration' | 'NotAuthorized'
> = new Map([
  ['DuplicateProviderException', 'InvalidParameter'],
  ['GroupExistsException', 'InvalidParameter'],
  ['ResourceConflictException', 'InvalidParameter'],
  ['UnsupportedUserStateException', 'InvalidParameter'],
  ['UnsupportedIdentityProviderException', 'InvalidParameter'],
  ['ScopeDoesNotExistException', 'InvalidParameter'],
  ['InvalidOAuthFlowException', 'InvalidParameter'],
  ['UserPoolTaggingException', 'InvalidParameter'],
  ['MFAMethodNotFoundException', 'InvalidParameter'],
  ['ConcurrentModificationException', 'TooManyRequests'],
  ['FeatureUnavailableInTierException', 'InvalidConfiguration'],
  ['UserPoolAddOnNotEnabledException', 'InvalidConfiguration'],
  ['AccessDeniedException', 'NotAuthorized'],
] as const);

/**
 * Gives the admin exceptions the shared mapping leaves as `Unexpected` their closest error.
 *
 * @example
 * ```ts
 * remapAdminError(mapSdkError(new Error('x'))); // unchanged
 * ```
 */
export function remapAdminError(error: CognitoError): CognitoError {
  if (error.type !== 'Unexpected') return error;
  const name = (error.cause as { name?: unknown } | undefined)?.name;
  const type = typeof name === 'string' ? ADMIN_EXCEPTIONS.get(name) : undefined;
  if (!type) return error;
  return makeError(type as 'InvalidParameter', error.message, {
    retryable: type === 'TooManyRequests',
    requestId: error.requestId,
    cause: error.cause,
  });
}

/**
 * One admin call through the seam, its error narrowed to `allowed`.
 *
 * @example
 * ```ts
 * adminCall(transport, 'AdminGetUser', { UserPoolId, Username }, USER_ERRORS);
 * ```
 */
export function adminCall<K extends keyof AdminOperations & string, const T extends CognitoError['type']>(
  transport: AdminTransport,
  operation: K,
  input: AdminOperations[K]['input'],
  allowed: readonly T[],
  secrets: readonly (string | undefined)[] = [],
): ResultAsync<AdminOperations[K]['output'], Extract<CognitoError, { type: T | 'Unexpected' }>> {
  return transport(operation, input, { secrets }).mapErr((error) =>
    narrowError(remapAdminError(error), allowed),
  );
}
