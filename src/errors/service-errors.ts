import type { ServiceError } from './types.js';

/**
 * The tags of {@link ServiceError} that an SDK failure can become — what any call reaching Cognito may
 * meet. Each operation's list of kept tags starts from these.
 *
 * @example
 * ```ts
 * const KEPT = ['NotAuthorized', ...SERVICE_ERROR_TAGS] as const;
 * ```
 */
export const SERVICE_ERROR_TAGS = [
  'InvalidParameter',
  'ResourceNotFound',
  'LimitExceeded',
  'TooManyRequests',
  'LambdaTrigger',
  'InvalidConfiguration',
  'Internal',
  'Network',
  // A transport that cannot send an operation (e.g. a signed one through the fetch transport).
  'InvalidConfig',
] as const satisfies readonly ServiceError['type'][];
