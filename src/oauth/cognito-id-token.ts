import { CognitoJwtVerifier } from 'aws-jwt-verify';
import {
  CognitoJwtInvalidClientIdError,
  CognitoJwtInvalidTokenUseError,
  FetchError,
  JwtExpiredError,
  JwtInvalidSignatureError,
  JwtNotBeforeError,
  KidNotFoundInJwksError,
  NonRetryableFetchError,
  ParameterValidationError,
} from 'aws-jwt-verify/error';
import type { Fetcher } from 'aws-jwt-verify/https';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { ResultAsync } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import type { NetworkError } from '../errors/types.js';
import type { HttpOptions } from './http.js';
import { type OAuthError, oauthError } from './oauth-error.js';

/** The largest JWKS read (bytes); a Cognito pool's is under 2 kB. */
const JWKS_MAX_BYTES = 64 * 1024;

/**
 * Verifies an ID token (signature, `iss`, `aud`, `exp`, `token_use`); resolves to nothing when it passes.
 *
 * @example
 * ```ts
 * const verdict = await check(tokens.idToken); // Ok(undefined), or Err(invalid_token / Network)
 * ```
 */
export type IdTokenCheck = (idToken: string) => ResultAsync<void, OAuthError | NetworkError>;

/** Fetches the pool's JWKS with the client's own `fetch` and time-out; no redirects followed. */
function jwksFetcher(http: HttpOptions): Fetcher {
  return {
    fetch: async (uri: string) => {
      let response: Response;
      try {
        response = await http.fetch(uri, { redirect: 'error', signal: AbortSignal.timeout(http.timeoutMs) });
      } catch (error) {
        throw new FetchError(uri, error instanceof Error ? error.message : String(error));
      }
      if (response.status !== 200) {
        throw new NonRetryableFetchError(uri, `Status code is ${response.status}, expected 200`);
      }
      const body = await response.arrayBuffer();
      if (body.byteLength > JWKS_MAX_BYTES) {
        throw new NonRetryableFetchError(uri, `The JWKS is over ${JWKS_MAX_BYTES} bytes`);
      }
      return body;
    },
  };
}

/** Why aws-jwt-verify rejected the token, in our words (its own messages may quote claim values). */
function reason(error: unknown): string {
  if (error instanceof JwtExpiredError) return 'it has expired';
  if (error instanceof JwtNotBeforeError) return 'it is not valid yet';
  if (error instanceof ParameterValidationError) return 'it was not issued by this user pool (iss)';
  if (error instanceof CognitoJwtInvalidClientIdError) return 'it was issued to another app client (aud)';
  if (error instanceof CognitoJwtInvalidTokenUseError) return 'it is not an ID token (token_use)';
  if (error instanceof JwtInvalidSignatureError || error instanceof KidNotFoundInJwksError) {
    return 'its signature does not verify against the user pool keys';
  }
  return 'it is not a valid ID token of this user pool';
}

/**
 * The default ID-token check of a client whose config names `userPoolId`: aws-jwt-verify's
 * `CognitoJwtVerifier` (token use `id`, audience the app client), the pool's JWKS fetched with the
 * client's `fetch` and cached. A failed JWKS download is a retryable `Network` error; a rejected
 * token an `invalid_token` {@link OAuthError} whose message names the reason, never the token.
 *
 * @example
 * ```ts
 * const check = cognitoIdTokenCheck('eu-west-1_AbC123', '1example23456789', { fetch, timeoutMs: 10_000 });
 * ```
 */
export function cognitoIdTokenCheck(userPoolId: string, clientId: string, http: HttpOptions): IdTokenCheck {
  const verifier = CognitoJwtVerifier.create(
    { userPoolId, clientId, tokenUse: 'id' },
    { jwksCache: new SimpleJwksCache({ fetcher: jwksFetcher(http) }) },
  );
  return (idToken) =>
    ResultAsync.fromPromise(
      verifier.verify(idToken).then(() => undefined),
      (error): OAuthError | NetworkError =>
        error instanceof FetchError
          ? makeError(
              'Network',
              `The user pool keys (JWKS) to verify the ID token could not be fetched: ${error.message}`,
              { retryable: true, cause: error },
            )
          : oauthError(
              'invalid_token',
              `The ID token from the code exchange failed verification: ${reason(error)}`,
            ),
    );
}
