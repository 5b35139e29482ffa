import { errAsync, type ResultAsync } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import { formClient, postForm } from './client-auth.js';
import type { ResolvedOAuthConfig } from './config.js';
import type { OAuthClientError } from './errors.js';

/**
 * Revokes a refresh token, and every access token issued from it, at the revocation endpoint
 * (`POST /oauth2/revoke`, RFC 7009). Cognito answers 200 for a token it does not know, so an `Ok` means
 * "this token no longer works". An access token is `unsupported_token_type`; an app client without
 * token revocation enabled answers `invalid_request`.
 *
 * @example
 * ```ts
 * const done = await revokeToken(config, tokens.refreshToken);
 * ```
 */
export function revokeToken(
  config: ResolvedOAuthConfig,
  refreshToken: string,
): ResultAsync<void, OAuthClientError> {
  if (typeof refreshToken !== 'string' || refreshToken === '') {
    return errAsync(makeError('InvalidParameter', 'refreshToken must be a non-empty string'));
  }
  const revocation = config.endpoints.revocation;
  if (revocation === undefined) {
    return errAsync(
      makeError('InvalidParameter', 'No revocation endpoint: configure a domain or endpoints.revocation'),
    );
  }
  return postForm(formClient(config), revocation, { token: refreshToken }, 'The revocation endpoint', [
    refreshToken,
  ]).map(() => undefined);
}
