import { errAsync, type ResultAsync } from 'neverthrow';
import { narrowError } from '../../errors/narrow.js';
import type { AuthContext } from '../context.js';
import { type RevokeTokenError, TOKEN_CALL_ERRORS } from './account-errors.js';
import { requireText } from './input-checks.js';

/**
 * Input of `revokeToken`.
 *
 * @example
 * ```ts
 * const input: RevokeTokenInput = { refreshToken: tokens.refreshToken ?? '' };
 * ```
 */
export interface RevokeTokenInput {
  /** The refresh token to revoke (the access and ID tokens issued from it stop working with Cognito too). */
  readonly refreshToken: string;
}

/**
 * Revokes a refresh token (RevokeToken), signing out this one session. With an app client secret, the
 * secret is sent as `ClientSecret`, as Cognito requires. A client without token revocation is
 * `InvalidConfiguration`; a wrong secret `NotAuthorized`.
 *
 * @example
 * ```ts
 * const revoked = await revokeToken(context, { refreshToken });
 * ```
 */
export function revokeToken(
  context: AuthContext,
  input: RevokeTokenInput,
): ResultAsync<void, RevokeTokenError> {
  const refreshToken = requireText(input?.refreshToken, 'refreshToken');
  if (refreshToken.isErr()) return errAsync(refreshToken.error);
  const { config, transport } = context;
  return transport(
    'RevokeToken',
    {
      Token: refreshToken.value,
      ClientId: config.clientId,
      ...(config.clientSecret !== undefined ? { ClientSecret: config.clientSecret } : {}),
    },
    { secrets: [refreshToken.value, config.clientSecret] },
  )
    .map(() => undefined)
    .mapErr((error) => narrowError(error, TOKEN_CALL_ERRORS));
}
