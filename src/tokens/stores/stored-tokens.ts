import { err, ok, type Result } from 'neverthrow';
import type { TokenSet } from '../token-set.js';

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/**
 * Checks that `value` is a {@link TokenSet} (as given by a sign-in, or as read back from a store) and
 * returns a clean copy holding only its known fields; the error is a description safe to log (it never
 * contains a token).
 *
 * @example
 * ```ts
 * const tokens = parseTokenSet(JSON.parse(text));
 * if (tokens.isErr()) console.warn(`Stored tokens are unusable: ${tokens.error}`);
 * ```
 */
export function parseTokenSet(value: unknown): Result<TokenSet, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return err('tokens must be an object');
  }
  const v = value as Record<string, unknown>;
  if (!nonEmpty(v.idToken)) return err('idToken must be a non-empty string');
  if (!nonEmpty(v.accessToken)) return err('accessToken must be a non-empty string');
  if (v.refreshToken !== undefined && !nonEmpty(v.refreshToken)) {
    return err('refreshToken, when present, must be a non-empty string');
  }
  if (typeof v.expiresAt !== 'number' || !Number.isFinite(v.expiresAt)) {
    return err('expiresAt must be a number (epoch milliseconds)');
  }
  if (v.tokenType !== undefined && typeof v.tokenType !== 'string') {
    return err('tokenType, when present, must be a string');
  }
  return ok({
    idToken: v.idToken,
    accessToken: v.accessToken,
    ...(v.refreshToken !== undefined ? { refreshToken: v.refreshToken } : {}),
    expiresAt: v.expiresAt,
    tokenType: typeof v.tokenType === 'string' ? v.tokenType : 'Bearer',
  });
}
