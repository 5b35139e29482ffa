import {
  FetchError,
  JwtWithoutValidKidError,
  KidNotFoundInJwksError,
  NonRetryableFetchError,
} from 'aws-jwt-verify/error';
import type { Fetcher } from 'aws-jwt-verify/https';
import { assertIsJwks, findJwkInJwks, type Jwks, type JwksCache, SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { err, ok, type Result } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import type { InvalidConfigError } from '../errors/types.js';

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
 * Fetches the JWKS from `url` whatever URL aws-jwt-verify asks for (the pool's public one), with the
 * platform's `fetch`, so plain-http local servers work (aws-jwt-verify's own Node fetcher is https-only).
 * Concurrent fetches share one request (aws-jwt-verify asks once per issuer form of the pool).
 */
function redirectingFetcher(url: string, timeoutMs: number): Fetcher {
  let running: Promise<ArrayBuffer> | undefined;
  const download = async (): Promise<ArrayBuffer> => {
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw new FetchError(url, error instanceof Error ? error.message : String(error));
    }
    if (response.status !== 200) {
      throw new NonRetryableFetchError(url, `Status code is ${response.status}, expected 200`);
    }
    return response.arrayBuffer();
  };
  return {
    fetch: () => {
      running ??= download().finally(() => {
        running = undefined;
      });
      // Each caller gets its own copy: aws-jwt-verify's parser may consume the buffer.
      return running.then((body) => body.slice(0));
    },
  };
}

/**
 * The aws-jwt-verify JWKS cache for a {@link JwksSource} (`undefined` — aws-jwt-verify's default, fetching
 * the pool's public JWKS over https — when there is none); an invalid key set or URL is `InvalidConfig`.
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
  if (source === undefined) return ok(undefined);
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
    return ok(new SimpleJwksCache({ fetcher: redirectingFetcher(url.href, timeoutMs) }));
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
