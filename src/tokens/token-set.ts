import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import { err, ok, type Result } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import type { UnexpectedError } from '../errors/types.js';

/**
 * The tokens of a signed-in user. Plain data: safe to JSON-serialise and store.
 *
 * @example
 * ```ts
 * const fresh = (tokens: TokenSet) => tokens.expiresAt - Date.now() > 5 * 60_000;
 * ```
 */
export interface TokenSet {
  readonly idToken: string;
  readonly accessToken: string;
  /** Absent after a refresh that does not rotate the refresh token. */
  readonly refreshToken?: string;
  /** When the ID and access tokens expire, in epoch milliseconds. */
  readonly expiresAt: number;
  /** Always `Bearer` for Cognito. */
  readonly tokenType: string;
}

/**
 * Builds a {@link TokenSet} from Cognito's `AuthenticationResult`; `now` is epoch ms.
 *
 * @example
 * ```ts
 * const tokens = tokenSetFromAuthenticationResult(response.AuthenticationResult, Date.now());
 * ```
 */
export function tokenSetFromAuthenticationResult(
  result: AuthenticationResultType | undefined,
  now: number,
): Result<TokenSet, UnexpectedError> {
  const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
  if (!result || !nonEmpty(result.IdToken) || !nonEmpty(result.AccessToken)) {
    return err(makeError('Unexpected', 'Cognito answered without an ID token and an access token'));
  }
  const expiresIn = typeof result.ExpiresIn === 'number' && result.ExpiresIn > 0 ? result.ExpiresIn : 3600;
  const expiresAt = now + expiresIn * 1000;
  if (!Number.isFinite(expiresAt))
    return err(makeError('Unexpected', 'Cognito answered with an impossible ExpiresIn'));
  return ok({
    idToken: result.IdToken,
    accessToken: result.AccessToken,
    ...(nonEmpty(result.RefreshToken) ? { refreshToken: result.RefreshToken } : {}),
    expiresAt,
    tokenType: nonEmpty(result.TokenType) ? result.TokenType : 'Bearer',
  });
}
