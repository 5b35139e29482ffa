import { err, errAsync, ok, type Result, ResultAsync } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import type {
  InvalidConfigError,
  InvalidParameterError,
  NetworkError,
  UnexpectedError,
} from '../errors/types.js';
import { decodeJwt } from '../tokens/jwt.js';
import type { TokenSet } from '../tokens/token-set.js';
import type { AuthorizationRequest } from './authorize-url.js';
import { checkState, parseCallback } from './callback.js';
import { formClient, postForm } from './client-auth.js';
import type { ResolvedOAuthConfig } from './config.js';
import type { OAuthClientError } from './errors.js';
import { type OAuthError, oauthError } from './oauth-error.js';
import { isCodeVerifier } from './pkce.js';
import { chooseUrl } from './redirect-uri.js';
import { tokenSetFromTokenAnswer } from './token-response.js';

/**
 * Input of `exchangeCode`. Pass `state` (from the redirect) with `expectedState` (kept from
 * `authorizeUrl`) to have them compared, and `nonce` to have the ID token's `nonce` checked.
 *
 * @example
 * ```ts
 * const input: ExchangeCodeInput = {
 *   code: url.searchParams.get('code') ?? '', state: url.searchParams.get('state') ?? undefined,
 *   codeVerifier: started.codeVerifier, redirectUri: started.redirectUri,
 *   expectedState: started.state, nonce: started.nonce,
 * };
 * ```
 */
export interface ExchangeCodeInput {
  /** The one-time authorization code from the redirect (valid five minutes at Cognito). */
  readonly code: string;
  /** The PKCE code verifier returned by `authorizeUrl`. */
  readonly codeVerifier: string;
  /** The redirect URI the sign-in was started with (default: the first configured). */
  readonly redirectUri?: string | undefined;
  /** The `state` the redirect carried. */
  readonly state?: string | undefined;
  /** The `state` returned by `authorizeUrl`; when given, `state` must equal it. */
  readonly expectedState?: string | undefined;
  /** The `nonce` returned by `authorizeUrl`; when given, the ID token must carry it. */
  readonly nonce?: string | undefined;
}

const invalid = (message: string): Result<never, InvalidParameterError> =>
  err(makeError('InvalidParameter', message));

function checkInput(
  config: ResolvedOAuthConfig,
  input: ExchangeCodeInput,
): Result<{ token: string; redirectUri: string }, InvalidParameterError | InvalidConfigError | OAuthError> {
  if (!config.idTokenVerifier && !config.cognitoIdToken) {
    return err(
      makeError(
        'InvalidConfig',
        'A code exchange needs its ID token verified: configure userPoolId (or, for another issuer, idTokenVerifier) on the OAuth client',
      ),
    );
  }
  if (typeof input !== 'object' || input === null) return invalid('input must be an object');
  if (typeof input.code !== 'string' || input.code === '') return invalid('code must be a non-empty string');
  if (!isCodeVerifier(input.codeVerifier)) {
    return invalid('codeVerifier must be the 43 to 128 character verifier that authorizeUrl returned');
  }
  if (input.nonce !== undefined && (typeof input.nonce !== 'string' || input.nonce === '')) {
    return invalid('nonce, when given, must be a non-empty string');
  }
  const redirect = chooseUrl(input.redirectUri, config.redirectUris, 'redirectUri');
  if ('problem' in redirect) return invalid(redirect.problem);
  const token = config.endpoints.token;
  if (token === undefined) return invalid('No token endpoint configured');
  if (input.expectedState === undefined) {
    return input.state === undefined
      ? ok({ token, redirectUri: redirect.url })
      : invalid('state was given without expectedState (the state authorizeUrl returned) to compare it with');
  }
  if (typeof input.expectedState !== 'string' || input.expectedState === '') {
    return invalid('expectedState must be a non-empty string');
  }
  return checkState(input.state, input.expectedState).map(() => ({ token, redirectUri: redirect.url }));
}

/**
 * The verdict on the ID token (signature, iss, aud, exp) of the configured `idTokenVerifier`, else of the
 * default built from `userPoolId`; tokens unchanged when it passes. `checkInput` made sure one exists.
 */
function verifyIdToken(
  config: ResolvedOAuthConfig,
  tokens: TokenSet,
): ResultAsync<TokenSet, OAuthError | NetworkError | UnexpectedError> {
  const verifier = config.idTokenVerifier;
  if (!verifier) {
    return config.cognitoIdToken
      ? config.cognitoIdToken(tokens.idToken).map(() => tokens)
      : errAsync(makeError('Unexpected', 'No ID token verifier is configured'));
  }
  return ResultAsync.fromPromise(Promise.resolve(verifier.verifyIdToken(tokens.idToken)), (cause) =>
    makeError('Unexpected', 'The ID token verifier failed', { cause }),
  ).andThen((verdict) => {
    if (!verdict.isErr()) return ok(tokens);
    const error = (verdict as { readonly error?: { readonly type?: unknown; readonly message?: unknown } })
      .error;
    return err(
      oauthError(
        'invalid_token',
        `The ID token from the code exchange failed verification (${String(error?.type)}): ${String(error?.message)}`,
      ),
    );
  });
}

function checkNonce(
  tokens: TokenSet,
  nonce: string | undefined,
): Result<TokenSet, OAuthError | UnexpectedError> {
  if (nonce === undefined) return ok(tokens);
  return decodeJwt(tokens.idToken).andThen(({ payload }) =>
    payload.nonce === nonce
      ? ok(tokens)
      : err(
          oauthError(
            'nonce_mismatch',
            typeof payload.nonce === 'string'
              ? 'The ID token carries another nonce than the sign-in sent: it may be replayed; start the sign-in again'
              : 'The ID token carries no nonce, but the sign-in sent one; start the sign-in again',
          ),
        ),
  );
}

/**
 * Exchanges an authorization code (with its PKCE verifier) for the user's tokens at the token endpoint,
 * after checking `state`, and then verifies the ID token (with `idTokenVerifier`, else aws-jwt-verify's
 * `CognitoJwtVerifier` for `userPoolId`; without either it fails with `InvalidConfig` before any request)
 * and checks its `nonce`. The client secret, when configured, goes in HTTP Basic.
 *
 * @example
 * ```ts
 * const tokens = await exchangeCode(config, { code, codeVerifier, redirectUri, state, expectedState, nonce });
 * ```
 */
export function exchangeCode(
  config: ResolvedOAuthConfig,
  input: ExchangeCodeInput,
): ResultAsync<TokenSet, OAuthClientError> {
  const checked = checkInput(config, input);
  if (checked.isErr()) return errAsync(checked.error);
  const { token, redirectUri } = checked.value;
  const { code, codeVerifier } = input;
  return postForm(
    formClient(config),
    token,
    { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: codeVerifier },
    'The token endpoint',
    [code, codeVerifier],
  )
    .andThen((json) => tokenSetFromTokenAnswer(json, config.now()))
    .andThen((tokens) => verifyIdToken(config, tokens))
    .andThen((tokens) => checkNonce(tokens, input.nonce));
}

function checkStarted(request: unknown): Result<AuthorizationRequest, InvalidParameterError> {
  if (typeof request !== 'object' || request === null) {
    return invalid('request must be the object authorizeUrl returned');
  }
  const r = request as Record<string, unknown>;
  const missing = (['state', 'nonce', 'codeVerifier', 'redirectUri'] as const).filter(
    (key) => typeof r[key] !== 'string' || r[key] === '',
  );
  return missing.length === 0
    ? ok(request as AuthorizationRequest)
    : invalid(`request is missing ${missing.join(', ')}: pass the object authorizeUrl returned`);
}

/**
 * Finishes a sign-in started with `authorizeUrl`: reads the redirect (an `error` on it becomes an
 * {@link OAuthError} such as `access_denied`), checks `state`, exchanges the code with the kept PKCE
 * verifier and redirect URI, and verifies the ID token and its `nonce` (see {@link exchangeCode}).
 *
 * @example
 * ```ts
 * const tokens = await completeAuthorization(config, req.url, started);
 * ```
 */
export function completeAuthorization(
  config: ResolvedOAuthConfig,
  callback: string | URL | URLSearchParams,
  request: Pick<AuthorizationRequest, 'state' | 'nonce' | 'codeVerifier' | 'redirectUri'>,
): ResultAsync<TokenSet, OAuthClientError> {
  const started = checkStarted(request);
  if (started.isErr()) return errAsync(started.error);
  const parsed = parseCallback(callback);
  if (parsed.isErr()) return errAsync(parsed.error);
  const { state, nonce, codeVerifier, redirectUri } = started.value;
  return exchangeCode(config, {
    code: parsed.value.code,
    state: parsed.value.state,
    expectedState: state,
    nonce,
    codeVerifier,
    redirectUri,
  });
}
