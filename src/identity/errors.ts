import type { ExternalServiceError, NotAuthorizedError, ServiceError } from '../errors/types.js';

/**
 * The errors getting identity-pool credentials can return.
 *
 * @example
 * ```ts
 * if (creds.isErr() && creds.error.type === 'NotAuthorized') await session.refresh();
 * ```
 */
export type IdentityError = NotAuthorizedError | ExternalServiceError | ServiceError;

/** The error tags an SDK failure of an identity-pool call is kept as. */
export const IDENTITY_ERRORS = [
  'NotAuthorized',
  'ExternalService',
  'InvalidParameter',
  'ResourceNotFound',
  'LimitExceeded',
  'TooManyRequests',
  'LambdaTrigger',
  'InvalidConfiguration',
  'Internal',
  'Network',
] as const satisfies readonly IdentityError['type'][];
