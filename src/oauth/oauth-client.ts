import { err, errAsync, ok, type Result, type ResultAsync } from 'neverthrow';
import type { InvalidConfigError, UnexpectedError } from '../errors/types.js';
import type { TokenSet } from '../tokens/token-set.js';
import { type AuthorizationRequest, type AuthorizeUrlInput, buildAuthorizeUrl } from './authorize-url.js';
import { ClientCredentialsCache, type ClientCredentialsInput } from './client-credentials.js';
import { type OAuthClientConfig, parseOAuthConfig, type ResolvedOAuthConfig } from './config.js';
import type { OAuthEndpoints } from './endpoints.js';
import type { OAuthClientError, OAuthUrlError } from './errors.js';
import { completeAuthorization, type ExchangeCodeInput, exchangeCode } from './exchange-code.js';
import { buildLogoutUrl, type LogoutUrlInput } from './logout-url.js';
import { refreshTokens } from './refresh.js';
import { revokeToken } from './revoke.js';
import type { ClientCredentialsToken } from './token-response.js';
import { type UserInfo, userInfo } from './user-info.js';

interface Ready {
  readonly config: ResolvedOAuthConfig;
  readonly clientCredentials: ClientCredentialsCache;
}

/**
 * OAuth 2.0 against a Cognito user-pool domain, with plain `fetch` (Node ≥ 20, browsers, workers):
 * hosted/managed-login and federated sign-in (Google, Facebook, Apple, SAML, OIDC) by authorization code
 * with PKCE, refresh, revocation, userInfo, sign-out URLs, and cached client-credentials tokens for
 * machine-to-machine calls. App clients with a secret authenticate with HTTP Basic. Every method returns a
 * `Result`/`ResultAsync` and never throws; the tokens are the same `TokenSet` the rest of cognito-flow uses
 * (`auth.session(tokens)`, `cognito-flow/verify`, `cognito-flow/identity`).
 *
 * @example
 * ```ts
 * const oauth = OAuthClient.create({
 *   domainPrefix: 'my-app', region: 'eu-west-1', clientId, clientSecret,
 *   redirectUris: ['https://app.example.com/callback'],
 * })._unsafeUnwrap();
 * const started = (await oauth.authorizeUrl({ identityProvider: 'Google' }))._unsafeUnwrap();
 * // …redirect to started.url, keep started; on the callback:
 * const tokens = await oauth.completeAuthorization(req.url, started);
 * ```
 */
export class OAuthClient {
  readonly #ready: Result<Ready, InvalidConfigError>;

  /**
   * Validates `config` and builds a client; invalid config is an `InvalidConfig` error.
   *
   * @example
   * ```ts
   * const oauth = OAuthClient.create({ domain: 'https://auth.example.com', clientId: '1example23456789' });
   * ```
   */
  static create(config: OAuthClientConfig): Result<OAuthClient, InvalidConfigError> {
    const client = new OAuthClient(config);
    return client.#ready.isErr() ? err(client.#ready.error) : ok(client);
  }

  /**
   * Builds a client without checking the result: with an invalid `config` every call returns the
   * `InvalidConfig` error. Prefer {@link OAuthClient.create}.
   *
   * @example
   * ```ts
   * const oauth = new OAuthClient({ domain: 'auth.example.com', clientId: '1example23456789' });
   * ```
   */
  constructor(config: OAuthClientConfig) {
    this.#ready = parseOAuthConfig(config).map((resolved) => ({
      config: resolved,
      clientCredentials: new ClientCredentialsCache(resolved),
    }));
  }

  /**
   * The endpoint URLs this client calls.
   *
   * @example
   * ```ts
   * oauth.endpoints._unsafeUnwrap().token; // 'https://my-app.auth.eu-west-1.amazoncognito.com/oauth2/token'
   * ```
   */
  get endpoints(): Result<Partial<OAuthEndpoints>, InvalidConfigError> {
    return this.#ready.map(({ config }) => config.endpoints);
  }

  /**
   * Starts an authorization-code sign-in with PKCE (S256): the URL to send the browser to, and the
   * `state`, `nonce`, `codeVerifier` and `redirectUri` to keep until the redirect comes back.
   *
   * @example
   * ```ts
   * const started = await oauth.authorizeUrl({ identityProvider: 'Google', scopes: ['openid', 'email'] });
   * if (started.isOk()) res.redirect(started.value.url);
   * ```
   */
  authorizeUrl(
    input: AuthorizeUrlInput = {},
  ): ResultAsync<AuthorizationRequest, OAuthUrlError | UnexpectedError> {
    return this.#ready.isErr()
      ? errAsync(this.#ready.error)
      : buildAuthorizeUrl(this.#ready.value.config, input);
  }

  /**
   * Exchanges an authorization code for tokens (`grant_type=authorization_code` with the PKCE verifier),
   * checking `state` against `expectedState` and the ID token's `nonce` when given.
   *
   * @example
   * ```ts
   * const tokens = await oauth.exchangeCode({
   *   code, state, expectedState: started.state, nonce: started.nonce,
   *   codeVerifier: started.codeVerifier, redirectUri: started.redirectUri,
   * });
   * ```
   */
  exchangeCode(input: ExchangeCodeInput): ResultAsync<TokenSet, OAuthClientError> {
    return this.#ready.isErr() ? errAsync(this.#ready.error) : exchangeCode(this.#ready.value.config, input);
  }

  /**
   * Finishes a sign-in from the redirect URL (`req.url` or a full URL) and what `authorizeUrl` returned:
   * redirect errors (`access_denied`, …), `state`, code exchange and `nonce`, in one call.
   *
   * @example
   * ```ts
   * const tokens = await oauth.completeAuthorization(req.url, JSON.parse(unseal(req.cookies.oauth)));
   * if (tokens.isOk()) session = auth.session(tokens.value);
   * ```
   */
  completeAuthorization(
    callback: string | URL | URLSearchParams,
    request: Pick<AuthorizationRequest, 'state' | 'nonce' | 'codeVerifier' | 'redirectUri'>,
  ): ResultAsync<TokenSet, OAuthClientError> {
    return this.#ready.isErr()
      ? errAsync(this.#ready.error)
      : completeAuthorization(this.#ready.value.config, callback, request);
  }

  /**
   * New ID and access tokens for a refresh token; the result keeps the refresh token when Cognito does
   * not rotate it. A revoked or expired refresh token is `OAuth`/`invalid_grant`.
   *
   * @example
   * ```ts
   * const fresh = await oauth.refresh(tokens.refreshToken ?? '');
   * ```
   */
  refresh(refreshToken: string): ResultAsync<TokenSet, OAuthClientError> {
    return this.#ready.isErr()
      ? errAsync(this.#ready.error)
      : refreshTokens(this.#ready.value.config, refreshToken);
  }

  /**
   * Revokes a refresh token and the access tokens issued from it (`/oauth2/revoke`).
   *
   * @example
   * ```ts
   * await oauth.revoke(tokens.refreshToken ?? '');
   * ```
   */
  revoke(refreshToken: string): ResultAsync<void, OAuthClientError> {
    return this.#ready.isErr()
      ? errAsync(this.#ready.error)
      : revokeToken(this.#ready.value.config, refreshToken);
  }

  /**
   * The user's attributes for an access token (`/oauth2/userInfo`).
   *
   * @example
   * ```ts
   * const me = await oauth.userInfo(tokens.accessToken);
   * if (me.isOk()) console.log(me.value.email);
   * ```
   */
  userInfo(accessToken: string): ResultAsync<UserInfo, OAuthClientError> {
    return this.#ready.isErr()
      ? errAsync(this.#ready.error)
      : userInfo(this.#ready.value.config, accessToken);
  }

  /**
   * A machine-to-machine access token for `scopes` (client-credentials grant; needs the app client's
   * secret), cached until shortly before it expires and shared by concurrent callers: 1,000 callers at
   * once cost one token request.
   *
   * @example
   * ```ts
   * const token = await oauth.clientCredentials({ scopes: ['orders/read'] });
   * if (token.isOk()) await fetch(api, { headers: { Authorization: `Bearer ${token.value.accessToken}` } });
   * ```
   */
  clientCredentials(
    input: ClientCredentialsInput = {},
  ): ResultAsync<ClientCredentialsToken, OAuthClientError> {
    return this.#ready.isErr() ? errAsync(this.#ready.error) : this.#ready.value.clientCredentials.get(input);
  }

  /**
   * Forgets the cached client-credentials tokens (e.g. after the app client's secret was rotated).
   *
   * @example
   * ```ts
   * oauth.clearClientCredentials();
   * ```
   */
  clearClientCredentials(): void {
    if (this.#ready.isOk()) this.#ready.value.clientCredentials.clear();
  }

  /**
   * The URL that ends the managed-login session and redirects to a registered sign-out URL.
   *
   * @example
   * ```ts
   * const url = oauth.logoutUrl({ logoutUri: 'https://app.example.com/' });
   * if (url.isOk()) res.redirect(url.value);
   * ```
   */
  logoutUrl(input: LogoutUrlInput = {}): Result<string, OAuthUrlError> {
    return this.#ready.isErr() ? err(this.#ready.error) : buildLogoutUrl(this.#ready.value.config, input);
  }
}
