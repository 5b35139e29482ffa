import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import { err, errAsync, type Result, type ResultAsync } from 'neverthrow';
import { type AuthContext, secretHashParameter } from '../auth/context.js';
import { makeError } from '../errors/make-error.js';
import type { CognitoError } from '../errors/types.js';
import { internalUsername, refreshDeviceKey } from './refresh-identity.js';
import { isOperationUnavailable } from './refresh-unavailable.js';
import { type TokenSet, tokenSetFromAuthenticationResult } from './token-set.js';

/**
 * How a session refreshes: `auto` (the default) calls GetTokensFromRefreshToken and falls back to
 * InitiateAuth `REFRESH_TOKEN_AUTH` only when the endpoint does not offer it (it answers that the
 * operation is unknown or unsupported); the other two force one call.
 *
 * @example
 * ```ts
 * const session = auth.session(tokens, { refreshOperation: 'REFRESH_TOKEN_AUTH' }); // e.g. against moto
 * ```
 */
export type RefreshOperation = 'auto' | 'GetTokensFromRefreshToken' | 'REFRESH_TOKEN_AUTH';

/** What {@link refreshTokens} needs besides the tokens. */
export interface RefreshOptions {
  readonly operation: RefreshOperation;
  /** The user name typed at sign-in (the DeviceStore key), when known. */
  readonly username?: string | undefined;
  /** Called when GetTokensFromRefreshToken proved unavailable, so the caller can skip it next time. */
  readonly onUnavailable?: () => void;
}

function tokensFrom(
  context: AuthContext,
  result: AuthenticationResultType | undefined,
  refreshToken: string,
): Result<TokenSet, CognitoError> {
  return tokenSetFromAuthenticationResult(result, context.config.now()).map((tokens) => ({
    ...tokens,
    // Without rotation Cognito sends no new refresh token: the one we used stays valid.
    refreshToken: tokens.refreshToken ?? refreshToken,
  }));
}

function withGetTokensFromRefreshToken(
  context: AuthContext,
  refreshToken: string,
  deviceKey: string | undefined,
): ResultAsync<TokenSet, CognitoError> {
  const { clientId, clientSecret } = context.config;
  return context
    .transport(
      'GetTokensFromRefreshToken',
      {
        ClientId: clientId,
        RefreshToken: refreshToken,
        ...(clientSecret !== undefined ? { ClientSecret: clientSecret } : {}),
        ...(deviceKey !== undefined ? { DeviceKey: deviceKey } : {}),
      },
      { secrets: [refreshToken, clientSecret, deviceKey] },
    )
    .andThen((output) => tokensFrom(context, output.AuthenticationResult, refreshToken));
}

function withRefreshTokenAuth(
  context: AuthContext,
  tokens: TokenSet,
  refreshToken: string,
  deviceKey: string | undefined,
): ResultAsync<TokenSet, CognitoError> {
  const { clientId, clientSecret } = context.config;
  // Only an app client with a secret needs the user name (for SECRET_HASH); without one it is unused.
  const username = clientSecret === undefined ? '' : internalUsername(tokens);
  if (username === undefined) {
    return errAsync(
      makeError(
        'Unexpected',
        'Cannot compute SECRET_HASH for the refresh: the tokens carry no cognito:username, username or sub',
      ),
    );
  }
  return secretHashParameter(context.config, username).andThen((secretHash) =>
    context
      .transport(
        'InitiateAuth',
        {
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          ClientId: clientId,
          AuthParameters: {
            REFRESH_TOKEN: refreshToken,
            ...secretHash,
            ...(deviceKey !== undefined ? { DEVICE_KEY: deviceKey } : {}),
          },
        },
        { secrets: [refreshToken, clientSecret, deviceKey] },
      )
      .andThen((output) => {
        if (!output.AuthenticationResult && output.ChallengeName) {
          return err(
            makeError('Unexpected', `Cognito answered the refresh with a ${output.ChallengeName} challenge`),
          );
        }
        return tokensFrom(context, output.AuthenticationResult, refreshToken);
      }),
  );
}

/**
 * Gets new tokens with the refresh token of `tokens`: GetTokensFromRefreshToken (with `ClientSecret` and
 * `DeviceKey` when there are ones, so refresh-token rotation works and the new refresh token is returned),
 * or InitiateAuth `REFRESH_TOKEN_AUTH` (with SECRET_HASH over the user's internal user name, and
 * `DEVICE_KEY`) as {@link RefreshOperation} says. The returned set always has a refresh token: the rotated
 * one, or the one used when Cognito did not rotate it.
 *
 * @example
 * ```ts
 * refreshTokens(context, tokens, { operation: 'auto' }).map((fresh) => fresh.expiresAt);
 * ```
 */
export function refreshTokens(
  context: AuthContext,
  tokens: TokenSet,
  options: RefreshOptions,
): ResultAsync<TokenSet, CognitoError> {
  const refreshToken = tokens.refreshToken;
  if (refreshToken === undefined) {
    return errAsync(makeError('NotAuthorized', 'The session has no refresh token'));
  }
  return refreshDeviceKey(context, tokens, options.username).andThen((deviceKey) => {
    if (options.operation === 'REFRESH_TOKEN_AUTH') {
      return withRefreshTokenAuth(context, tokens, refreshToken, deviceKey);
    }
    const first = withGetTokensFromRefreshToken(context, refreshToken, deviceKey);
    if (options.operation === 'GetTokensFromRefreshToken') return first;
    return first.orElse((error) => {
      if (!isOperationUnavailable(error)) return errAsync(error);
      options.onUnavailable?.();
      return withRefreshTokenAuth(context, tokens, refreshToken, deviceKey);
    });
  });
}
