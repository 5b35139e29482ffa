import { errAsync, type ResultAsync } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import type { TokenSet } from '../tokens/token-set.js';
import { formClient, postForm } from './client-auth.js';
import type { ResolvedOAuthConfig } from './config.js';
import type { OAuthClientError } from './errors.js';
import { tokenSetFromTokenAnswer } from './token-response.js';

/**
 * Gets new ID and access tokens for a refresh token at the token endpoint (`grant_type=refresh_token`).
 * Cognito does not send a new refresh token unless refresh-token rotation is on; the result then keeps
 * the one passed in, so it can be stored as is. A revoked or expired refresh token is `invalid_grant`.
 *
 * @example
 * ```ts
 * const fresh = await refreshTokens(config, tokens.refreshToken);
 * ```
 */
export function refreshTokens(
  config: ResolvedOAuthConfig,
  refreshToken: string,
): ResultAsync<TokenSet, OAuthClientError> {
  if (typeof refreshToken !== 'string' || refreshToken === '') {
    return errAsync(makeError('InvalidParameter', 'refreshToken must be a non-empty string'));
  }
  const token = config.endpoints.token;
  if (token === undefined) return errAsync(makeError('InvalidParameter', 'No token endpoint configured'));
  return postForm(
    formClient(config),
    token,
    { grant_type: 'refresh_token', refresh_token: refreshToken },
    'The token endpoint',
    [refreshToken],
  ).andThen((json) => tokenSetFromTokenAnswer(json, config.now(), refreshToken));
}
