/**
 * `cognito-flow/oauth`: OAuth 2.0 against a Cognito user-pool domain with plain `fetch` — managed-login and
 * federated sign-in by authorization code with PKCE, refresh, revocation, userInfo, sign-out URLs and cached
 * client-credentials tokens. Imports nothing from the user-pool client or the AWS SDK.
 *
 * @module cognito-flow/oauth
 */
export type {
  InvalidConfigError,
  InvalidParameterError,
  NetworkError,
  TooManyRequestsError,
  UnexpectedError,
} from '../errors/types.js';
export type { TokenSet } from '../tokens/token-set.js';
export type { AuthorizationRequest, AuthorizeUrlInput } from './authorize-url.js';
export { type CallbackParameters, parseCallback } from './callback.js';
export type { ClientCredentialsInput } from './client-credentials.js';
export type { IdTokenVerifier, OAuthClientConfig } from './config.js';
export { type DiscoverOptions, discoverEndpoints } from './discover.js';
export { cognitoEndpoints, type OAuthEndpoints } from './endpoints.js';
export type { OAuthClientError, OAuthUrlError } from './errors.js';
export type { ExchangeCodeInput } from './exchange-code.js';
export type { LogoutUrlInput } from './logout-url.js';
export { OAuthClient } from './oauth-client.js';
export { isOAuthErrorCode, type OAuthError, type OAuthErrorCode } from './oauth-error.js';
export { codeChallengeS256 } from './pkce.js';
export type { ClientCredentialsToken } from './token-response.js';
export type { UserInfo } from './user-info.js';
