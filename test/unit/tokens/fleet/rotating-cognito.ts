import {
  type CognitoIdentityProviderClientResolvedConfig,
  GetTokensFromRefreshTokenCommand,
  type ServiceInputTypes,
  type ServiceOutputTypes,
} from '@aws-sdk/client-cognito-identity-provider';
import type { AwsStub } from 'aws-sdk-client-mock';
import { authenticationResult } from '../session-support.js';

/**
 * Cognito's GetTokensFromRefreshToken with refresh-token rotation and no grace period, on aws-sdk-client-mock:
 * each refresh token works once and is replaced; a spent one is refused with RefreshTokenReuseException.
 */
export function rotatingCognito(
  cognito: AwsStub<ServiceInputTypes, ServiceOutputTypes, CognitoIdentityProviderClientResolvedConfig>,
  clock: { now: number },
  options: { delayMs?: number } = {},
) {
  let current = 'refresh-token-1';
  let requests = 0;
  let reused = 0;
  cognito.on(GetTokensFromRefreshTokenCommand).callsFake(async (input: { RefreshToken?: string }) => {
    requests += 1;
    await new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 0));
    if (input.RefreshToken !== current) {
      reused += 1;
      throw Object.assign(new Error('Refresh token has been used'), {
        name: 'RefreshTokenReuseException',
        $metadata: { httpStatusCode: 400 },
      });
    }
    current = `refresh-token-${requests + 1}`;
    return authenticationResult(clock.now, { label: `refresh-${requests}`, refreshToken: current });
  });
  return { requests: () => requests, reuseRejections: () => reused, current: () => current };
}
