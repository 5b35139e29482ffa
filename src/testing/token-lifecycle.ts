import { cognitoException } from './cognito-exception.js';
import { type MintedTokens, mintTokens } from './mint-tokens.js';
import { field, type MockRule, type ScenarioContext } from './mock-rule.js';
import type { SignInTokenOptions } from './sign-in-scenario.js';

/**
 * The tokens one scenario user was issued, and what Cognito does with them afterwards: refresh
 * (GetTokensFromRefreshToken, InitiateAuth REFRESH_TOKEN_AUTH — new ID and access tokens, the same refresh
 * token, as for an app client without rotation), RevokeToken (that refresh token stops working) and
 * GlobalSignOut (all of the user's refresh tokens stop working).
 *
 * @example
 * ```ts
 * const lifecycle = tokenLifecycle('carol', {}, context);
 * const result = await lifecycle.issue(clientId); // AuthenticationResult for a sign-in
 * rules.push(...lifecycle.rules);
 * ```
 */
export interface TokenLifecycle {
  /** Mints the tokens of a sign-in for `clientId` and remembers its refresh token. */
  issue(clientId: string): Promise<MintedTokens>;
  readonly rules: readonly MockRule[];
}

const revoked = () =>
  cognitoException('NotAuthorizedException', { message: 'Refresh Token has been revoked' });

/**
 * The token lifecycle of scenario user `username`.
 *
 * @example
 * ```ts
 * const lifecycle = tokenLifecycle('carol', { groups: ['staff'] }, context);
 * ```
 */
export function tokenLifecycle(
  username: string,
  options: SignInTokenOptions,
  context: ScenarioContext,
): TokenLifecycle {
  /** Every refresh token issued → the app client it was issued to; `live` are those not revoked. */
  const refreshTokens = new Map<string, string>();
  const live = new Set<string>();
  const accessTokens = new Set<string>();
  const mint = async (clientId: string) => {
    const minted = mintTokens({
      ...options,
      username,
      clientId,
      userPoolId: await context.userPoolId(),
      key: context.key,
    });
    accessTokens.add(minted.accessToken);
    return minted;
  };
  const refreshed = async (refreshToken: string | undefined, clientId: string) => {
    const issuedTo = refreshToken === undefined ? undefined : refreshTokens.get(refreshToken);
    if (issuedTo === undefined || !live.has(refreshToken ?? '')) throw revoked();
    if (issuedTo !== clientId)
      throw cognitoException('NotAuthorizedException', { message: 'Invalid Refresh Token' });
    const { RefreshToken: _sameAsBefore, ...result } = (await mint(clientId)).authenticationResult;
    return { AuthenticationResult: result, ChallengeParameters: {}, $metadata: {} };
  };
  return {
    issue: async (clientId) => {
      const minted = await mint(clientId);
      refreshTokens.set(minted.refreshToken, clientId);
      live.add(minted.refreshToken);
      return minted;
    },
    rules: [
      {
        operation: 'GetTokensFromRefreshToken',
        matches: (input) => refreshTokens.has(field(input, 'RefreshToken') ?? ''),
        answer: (input) => refreshed(field(input, 'RefreshToken'), field(input, 'ClientId') ?? ''),
      },
      {
        operation: 'InitiateAuth',
        matches: (input) =>
          (input?.AuthFlow === 'REFRESH_TOKEN_AUTH' || input?.AuthFlow === 'REFRESH_TOKEN') &&
          refreshTokens.has(field(input.AuthParameters, 'REFRESH_TOKEN') ?? ''),
        answer: (input) =>
          refreshed(field(input.AuthParameters, 'REFRESH_TOKEN'), field(input, 'ClientId') ?? ''),
      },
      {
        operation: 'RevokeToken',
        matches: (input) => refreshTokens.has(field(input, 'Token') ?? ''),
        answer: (input) => {
          live.delete(field(input, 'Token') ?? '');
          return { $metadata: {} };
        },
      },
      {
        operation: 'GlobalSignOut',
        matches: (input) => accessTokens.has(field(input, 'AccessToken') ?? ''),
        answer: () => {
          live.clear();
          return { $metadata: {} };
        },
      },
    ],
  };
}
