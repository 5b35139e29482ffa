import { JwtWithoutValidKidError, KidNotFoundInJwksError } from 'aws-jwt-verify/error';
import { assertIsJwks, findJwkInJwks, type Jwks, type JwksCache, SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { err, ok, type Result } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import type { InvalidConfigError } from '../errors/types.js';
import { guardedFetcher } from './guarded-fetcher.js';

/**
 * A JSON Web Key Set, as served at `https://cognito-idp.<region>.amazonaws.com/<poolId>/.well-known/jwks.json`.
 *
 * @example
 * ```ts
 * const jwks: JsonWebKeySet = await (await fetch(`${motoUrl}/${userPoolId}/.well-known/jwks.json`)).json();
 * ```
 */
export interface JsonWebKeySet {
  readonly keys: readonly Readonly<Record<string, unknown>>[];
}

/**
 * Where the pool's public keys come from instead of the pool's public JWKS URL: the key set itself (never
 * fetched; a token signed by a key not in it fails as `signature`), or the URL of a JWKS to fetch (http or
 * https — e.g. a local moto server's `http://127.0.0.1:5000/<poolId>/.well-known/jwks.json`).
 *
 * @example
 * ```ts
 * const source: JwksSource = new URL(`/${userPoolId}/.well-known/jwks.json`, motoUrl);
 * ```
 */
export type JwksSource = JsonWebKeySet | string | URL;

type DecomposedJwt = Parameters<JwksCache['getCachedJwk']>[1];

/** Serves one fixed key set: no network, ever. */
class StaticJwksCache implements JwksCache {
  #jwks: Jwks;

  constructor(jwks: Jwks) {
    this.#jwks = jwks;
  }

  getCachedJwk(_jwksUri: string, decomposedJwt: DecomposedJwt) {
    const kid = decomposedJwt.header.kid;
    if (typeof kid !== 'string') throw new JwtWithoutValidKidError('JWT header does not have a valid kid');
    const jwk = findJwkInJwks(this.#jwks, kid);
    if (!jwk) throw new KidNotFoundInJwksError(`JWK for kid "${kid}" not found in the JWKS`);
    return jwk;
  }

  async getJwk(jwksUri: string, decomposedJwt: DecomposedJwt) {
    return this.getCachedJwk(jwksUri, decomposedJwt);
  }

  addJwks(_jwksUri: string, jwks: Jwks): void {
    this.#jwks = jwks;
  }

  async getJwks(): Promise<Jwks> {
    return this.#jwks;
  }
}

/**
 * The aws-jwt-verify JWKS cache for a {@link JwksSource} (when there is none, the pool's public JWKS URL,
 * which aws-jwt-verify derives from the issuer), fetched through {@link guardedFetcher}: same-origin
 * redirects only, a size limit, and failures remembered with backoff. An invalid key set or URL is
 * `InvalidConfig`.
 *
 * @example
 * ```ts
 * const cache = jwksCacheFor({ keys: [publicJwk] });
 * ```
 */
export function jwksCacheFor(
  source: JwksSource | undefined,
  timeoutMs = 3000,
): Result<JwksCache | undefined, InvalidConfigError> {
  if (source === undefined) return ok(new SimpleJwksCache({ fetcher: guardedFetcher(timeoutMs) }));
  if (typeof source === 'string' || source instanceof URL) {
    let url: URL;
    try {
      url = new URL(source);
    } catch {
      return err(makeError('InvalidConfig', 'jwks must be a key set or an http(s) URL'));
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return err(makeError('InvalidConfig', 'jwks URL must be http or https'));
    }
    return ok(new SimpleJwksCache({ fetcher: guardedFetcher(timeoutMs, url.href) }));
  }
  try {
    assertIsJwks(source as unknown as Parameters<typeof assertIsJwks>[0]);
    for (const jwk of source.keys) {
      if (typeof jwk.kid !== 'string') throw new Error('every key needs a kid');
    }
  } catch (error) {
    const detail = error instanceof Error ? `: ${error.message}` : '';
    return err(makeError('InvalidConfig', `jwks is not a valid JSON Web Key Set${detail}`));
  }
  return ok(new StaticJwksCache(source as unknown as Jwks));
}
