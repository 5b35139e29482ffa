import type { CognitoError } from './types.js';

type Extra<E> = Omit<E, 'type' | 'message' | 'retryable' | 'requestId' | 'cause'>;

/** Options for {@link makeError}. */
export interface MakeErrorOptions {
  readonly retryable?: boolean;
  readonly requestId?: string | undefined;
  readonly cause?: unknown;
}

/**
 * Builds a frozen error object. `cause` is attached as a non-enumerable property so that
 * serialising or inspecting the error can never print the SDK error (or what it echoes).
 *
 * @example
 * ```ts
 * const err = makeError('InvalidStep', 'Expected a NEW_PASSWORD_REQUIRED step');
 * err.type; // 'InvalidStep'
 * ```
 */
export function makeError<T extends CognitoError['type']>(
  type: T,
  message: string,
  options: MakeErrorOptions = {},
  ...extra: Extra<Extract<CognitoError, { type: T }>> extends Record<string, never>
    ? []
    : [Extra<Extract<CognitoError, { type: T }>>]
): Extract<CognitoError, { type: T }> {
  const error: Record<string, unknown> = {
    type,
    message,
    retryable: options.retryable ?? false,
    ...(options.requestId !== undefined ? { requestId: options.requestId } : {}),
    ...(extra[0] ?? {}),
  };
  if (options.cause !== undefined) {
    Object.defineProperty(error, 'cause', { value: options.cause, enumerable: false });
  }
  return Object.freeze(error) as unknown as Extract<CognitoError, { type: T }>;
}
