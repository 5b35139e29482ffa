import { makeError } from './make-error.js';
import type { CognitoError } from './types.js';

/**
 * Keeps an error whose `type` is one of `allowed`; turns any other into `Unexpected`
 * (keeping message, retryability, request id and cause), so an operation's error union stays sound.
 *
 * @example
 * ```ts
 * const e = narrowError(mapSdkError(thrown), ['NotAuthorized', 'Network']);
 * ```
 */
export function narrowError<const T extends CognitoError['type']>(
  error: CognitoError,
  allowed: readonly T[],
): Extract<CognitoError, { type: T | 'Unexpected' }> {
  type Narrowed = Extract<CognitoError, { type: T | 'Unexpected' }>;
  if (error.type === 'Unexpected' || (allowed as readonly string[]).includes(error.type))
    return error as Narrowed;
  return makeError('Unexpected', `${error.type}: ${error.message}`, {
    retryable: error.retryable,
    requestId: error.requestId,
    cause: error.cause,
  }) as Narrowed;
}
