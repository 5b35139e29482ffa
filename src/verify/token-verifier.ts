import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { err, errAsync, ok, type Result, ResultAsync } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import type { InvalidConfigError, InvalidTokenError } from '../errors/types.js';
import {
  type AccessTokenClaims,
  accessTokenClaims,
  type IdTokenClaims,
  idTokenClaims,
} from '../tokens/claims.js';
import { jwksCacheFor } from './jwks-source.js';
import { mapVerifyError } from './map-verify-error.js';
import {
  parseVerifierConfig,
  type ResolvedVerifierConfig,
  stringList,
  type TokenVerifierConfig,
  type VerifyOptions,
} from './verifier-config.js';

/** The part of aws-jwt-verify's verifier used here (its generic types are not needed). */
interface JwtVerifierLike {
  verify(jwt: string, properties: Record<string, unknown>): Promise<unknown>;
  hydrate(): Promise<void>;
}

type TokenUse = 'id' | 'access';

/**
 * Verified claims of either kind of token, told apart by `token_use`.
 *
 * @example
 * ```ts
 * const who = (claims: VerifiedClaims) => (claims.token_use === 'id' ? claims['cognito:username'] : claims.username);
 * ```
 */
export type VerifiedClaims = IdTokenClaims | AccessTokenClaims;

const invalidToken = (reason: InvalidTokenError['reason'], message: string): InvalidTokenError =>
  makeError('InvalidToken', message, {}, { reason });

/**
 * Verifies Cognito user-pool tokens for a service that receives them, with aws-jwt-verify: the RS256
 * signature against the pool's JWKS (fetched once and cached; refetched when a token names a new key),
 * `iss` (the pool), `exp`, `token_use`, the app client id, and optionally groups and scopes. Answers
 * with typed claims or an `InvalidToken` error whose `reason` says what failed; never throws.
 *
 * Expiry is checked against the system clock (aws-jwt-verify reads `Date.now()`).
 *
 * @example
 * ```ts
 * const verifier = TokenVerifier.create({ userPoolId: 'eu-west-1_AbC123', clientId: 'web' })._unsafeUnwrap();
 * const claims = await verifier.verifyAccessToken(request.headers.authorization?.replace(/^Bearer /, '') ?? '');
 * if (claims.isErr()) return reply.status(401).send({ error: claims.error.reason });
 * console.log(claims.value.username, claims.value.scope);
 * ```
 */
export class TokenVerifier {
  readonly #config: ResolvedVerifierConfig;
  readonly #verifier: JwtVerifierLike;

  private constructor(config: ResolvedVerifierConfig, verifier: JwtVerifierLike) {
    this.#config = config;
    this.#verifier = verifier;
  }

  /**
   * Validates `config` and builds a verifier; invalid config (pool id, client ids, key set, URL) is an
   * `InvalidConfig` error.
   *
   * @example
   * ```ts
   * // Against a local moto server: its tokens carry the AWS issuer, so only the keys come from moto.
   * const verifier = TokenVerifier.create({
   *   userPoolId,
   *   clientId,
   *   jwks: `${motoUrl}/${userPoolId}/.well-known/jwks.json`,
   * });
   * ```
   */
  static create(config: TokenVerifierConfig): Result<TokenVerifier, InvalidConfigError> {
    return parseVerifierConfig(config).andThen((resolved) =>
      jwksCacheFor(resolved.jwks, resolved.jwksTimeoutMs).andThen((jwksCache) => {
        try {
          const verifier = CognitoJwtVerifier.create(
            {
              userPoolId: resolved.userPoolId,
              clientId: resolved.clientIds,
              tokenUse: null,
              graceSeconds: resolved.graceSeconds,
            },
            jwksCache ? { jwksCache } : undefined,
          ) as unknown as JwtVerifierLike;
          return ok(new TokenVerifier(resolved, verifier));
        } catch (error) {
          const detail = error instanceof Error ? `: ${error.message}` : '';
          return err(makeError('InvalidConfig', `Cannot verify tokens of this pool${detail}`));
        }
      }),
    );
  }

  /**
   * Verifies an ID token (`token_use` `id`, `aud` one of the client ids, groups when required).
   *
   * @example
   * ```ts
   * const claims = await verifier.verifyIdToken(idToken);
   * if (claims.isOk()) console.log(claims.value.email, claims.value['cognito:groups']);
   * ```
   */
  verifyIdToken(token: string, options?: VerifyOptions): ResultAsync<IdTokenClaims, InvalidTokenError> {
    return this.#verify(token, 'id', options).andThen(({ use, payload }) =>
      use === 'id' ? claimsOf(idTokenClaims(payload)) : err(invalidToken('token_use', 'Not an ID token')),
    );
  }

  /**
   * Verifies an access token (`token_use` `access`, `client_id` one of the client ids, groups and scopes
   * when required).
   *
   * @example
   * ```ts
   * const claims = await verifier.verifyAccessToken(accessToken, { scopes: 'orders/write' });
   * ```
   */
  verifyAccessToken(
    token: string,
    options?: VerifyOptions,
  ): ResultAsync<AccessTokenClaims, InvalidTokenError> {
    return this.#verify(token, 'access', options).andThen(({ use, payload }) =>
      use === 'access'
        ? claimsOf(accessTokenClaims(payload))
        : err(invalidToken('token_use', 'Not an access token')),
    );
  }

  /**
   * Verifies a token of either kind; `claims.token_use` says which it was. Scopes, when required, only
   * apply to access tokens.
   *
   * @example
   * ```ts
   * const claims = await verifier.verify(token);
   * if (claims.isOk() && claims.value.token_use === 'access') console.log(claims.value.scope);
   * ```
   */
  verify(token: string, options?: VerifyOptions): ResultAsync<VerifiedClaims, InvalidTokenError> {
    return this.#verify(token, null, options).andThen(
      ({ use, payload }): Result<VerifiedClaims, InvalidTokenError> =>
        use === 'id' ? claimsOf(idTokenClaims(payload)) : claimsOf(accessTokenClaims(payload)),
    );
  }

  /**
   * Downloads the pool's JWKS now (it is otherwise fetched on the first verification), so a service can
   * fail fast at start-up; a no-op for a key set given in the config.
   *
   * @example
   * ```ts
   * const ready = await verifier.hydrate();
   * if (ready.isErr()) process.exit(1);
   * ```
   */
  hydrate(): ResultAsync<void, InvalidTokenError> {
    return ResultAsync.fromPromise(
      Promise.resolve().then(() => this.#verifier.hydrate()),
      (thrown) => mapVerifyError(thrown),
    );
  }

  /**
   * Verifies with aws-jwt-verify; answers with the token's `token_use` and the payload aws-jwt-verify
   * decoded (the claims come from it: decoding the token a second time cost more than the signature check).
   */
  #verify(
    token: string,
    tokenUse: TokenUse | null,
    options: VerifyOptions | undefined,
  ): ResultAsync<Verified, InvalidTokenError> {
    if (typeof token !== 'string' || token.length === 0) {
      return errAsync(invalidToken('malformed', 'The token must be a non-empty string'));
    }
    const groups = options?.groups !== undefined ? stringList(options.groups) : this.#config.groups;
    const scopes = options?.scopes !== undefined ? stringList(options.scopes) : this.#config.scopes;
    if (groups === null || scopes === null) {
      return errAsync(
        makeError(
          'InvalidToken',
          'groups and scopes must be non-empty strings or lists',
          {},
          { reason: 'claims' },
        ),
      );
    }
    const properties = {
      clientId: this.#config.clientIds,
      tokenUse,
      groups: groups ?? null,
      ...(scopes && tokenUse !== 'id' ? { scope: scopes } : {}),
    };
    return ResultAsync.fromPromise(
      Promise.resolve().then(async (): Promise<Verified> => {
        const payload = (await this.#verifier.verify(token, properties)) as Record<string, unknown>;
        return { use: payload.token_use === 'id' ? 'id' : 'access', payload };
      }),
      (thrown) => mapVerifyError(thrown, token),
    ).andThen((verified): Result<Verified, InvalidTokenError> => {
      // `verify` without a kind: an ID token has no scopes, so a scope requirement rejects it.
      if (tokenUse === null && verified.use === 'id' && scopes) {
        return err(invalidToken('scope', 'The token has none of the required scopes (it is an ID token)'));
      }
      return ok(verified);
    });
  }
}

/** What aws-jwt-verify accepted: the token's kind and its payload. */
interface Verified {
  readonly use: TokenUse;
  readonly payload: Readonly<Record<string, unknown>>;
}

function claimsOf<C>(decoded: Result<C, { message: string }>): Result<C, InvalidTokenError> {
  return decoded.mapErr((error) => invalidToken('claims', error.message));
}
