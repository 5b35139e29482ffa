import { err, ok, type Result } from 'neverthrow';
import { base64UrlToUtf8 } from '../crypto/base64.js';
import { makeError } from '../errors/make-error.js';
import type { UnexpectedError } from '../errors/types.js';

/**
 * A JWT split and decoded, not verified.
 *
 * @example
 * ```ts
 * const { header, payload }: DecodedJwt = decodeJwt(token)._unsafeUnwrap(); console.log(header.kid, payload.sub);
 * ```
 */
export interface DecodedJwt {
  readonly header: Readonly<Record<string, unknown>>;
  readonly payload: Readonly<Record<string, unknown>>;
}

function parseObject(segment: string | undefined): Record<string, unknown> | undefined {
  if (segment === undefined) return undefined;
  const json = base64UrlToUtf8(segment);
  if (json === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Decodes a JWT's header and payload **without verifying its signature**. For claims a service
 * must trust, verify the token (see `cognito-flow/verify`). The error message never contains the token.
 *
 * @example
 * ```ts
 * const decoded = decodeJwt(tokens.idToken);
 * if (decoded.isOk()) console.log(decoded.value.payload.sub);
 * ```
 */
export function decodeJwt(token: unknown): Result<DecodedJwt, UnexpectedError> {
  if (typeof token !== 'string') return err(makeError('Unexpected', 'Token is not a string'));
  const parts = token.split('.');
  if (parts.length !== 3) return err(makeError('Unexpected', 'Token is not a JWT (expected three segments)'));
  const header = parseObject(parts[0]);
  const payload = parseObject(parts[1]);
  if (!header || !payload)
    return err(makeError('Unexpected', 'Token segments are not base64url JSON objects'));
  return ok({ header, payload });
}
