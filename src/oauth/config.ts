import { err, ok, type Result } from 'neverthrow';
import { invalidConfig, REGION_PATTERN } from '../config/checks.js';
import type { InvalidConfigError } from '../errors/types.js';
import { cognitoIdTokenCheck, type IdTokenCheck } from './cognito-id-token.js';
import { cognitoEndpoints, endpointProblem, type OAuthEndpoints, prefixDomainOrigin } from './endpoints.js';
import { redirectUriProblem } from './redirect-uri.js';
import { scopeProblem } from './scopes.js';

/**
 * Configuration of an {@link OAuthClient}: where the user-pool domain is (a Cognito prefix domain with
 * its region, or a custom domain), the app client, and its registered URLs and scopes.
 *
 * @example
 * ```ts
 * const config: OAuthClientConfig = {
 *   domainPrefix: 'my-app', region: 'eu-west-1',      // or: domain: 'https://auth.example.com'
 *   clientId: '1example23456789', clientSecret: process.env.COGNITO_CLIENT_SECRET,
 *   userPoolId: 'eu-west-1_AbC123', // verifies the ID token of each code exchange
 *   redirectUris: ['https://app.example.com/callback'], logoutUris: ['https://app.example.com/'],
 *   scopes: ['openid', 'email', 'profile'],
 * };
 * ```
 */
export interface OAuthClientConfig {
  /** A custom domain or the full Cognito domain, as an origin (`https://auth.example.com`); `https://` may be left out. */
  readonly domain?: string | undefined;
  /** The prefix of a Cognito domain (`https://<prefix>.auth.<region>.amazoncognito.com`); needs `region`. */
  readonly domainPrefix?: string | undefined;
  /** The region of a prefix domain, e.g. `eu-west-1`. */
  readonly region?: string | undefined;
  /** The app client id. */
  readonly clientId: string;
  /** The app client secret, sent with HTTP Basic authentication to the token and revocation endpoints. */
  readonly clientSecret?: string | undefined;
  /** The callback URLs registered on the app client; the first is the default `redirectUri`. */
  readonly redirectUris?: readonly string[] | undefined;
  /** The sign-out URLs registered on the app client; the first is the default `logoutUri`. */
  readonly logoutUris?: readonly string[] | undefined;
  /** Default scopes of `authorizeUrl` (default `['openid']`). */
  readonly scopes?: readonly string[] | undefined;
  /** Endpoint URLs that replace the domain's (another OpenID Connect server, a local stand-in, a proxy). */
  readonly endpoints?: Partial<OAuthEndpoints> | undefined;
  /** Time-out of one request in milliseconds (default 10 000). */
  readonly timeoutMs?: number | undefined;
  /** How long before expiry a cached client-credentials token is renewed, in ms (default 60 000; at most half its lifetime). */
  readonly clientCredentialsMarginMs?: number | undefined;
  /** The `fetch` to use (default `globalThis.fetch`). */
  readonly fetch?: typeof fetch | undefined;
  /** Clock in epoch milliseconds (default `Date.now`). */
  readonly now?: (() => number) | undefined;
  /**
   * The user pool (`eu-west-1_AbC123`) whose ID tokens a code exchange returns: with it, each is verified
   * with aws-jwt-verify's `CognitoJwtVerifier` (signature against the pool's JWKS, `iss`, `aud` = `clientId`,
   * `exp`, `token_use`) before its `nonce` is compared. A code exchange needs this or `idTokenVerifier`.
   */
  readonly userPoolId?: string | undefined;
  /**
   * Verifies the ID token a code exchange returns instead of the default built from `userPoolId`: a
   * `TokenVerifier` from `cognito-flow/verify`, or an adapter over another issuer's verifier (another
   * OpenID Connect server, a local stand-in). Without this or `userPoolId`, a code exchange fails with
   * `InvalidConfig` before sending anything: tokens are never taken unverified.
   */
  readonly idTokenVerifier?: IdTokenVerifier | undefined;
}

/**
 * What verifies the ID token of a code exchange: `TokenVerifier` of `cognito-flow/verify` fits.
 *
 * @example
 * ```ts
 * const created = TokenVerifier.create({ userPoolId, clientId });
 * if (created.isErr()) throw new Error(created.error.message);
 * const idTokenVerifier: IdTokenVerifier = created.value;
 * ```
 */
export interface IdTokenVerifier {
  /** A neverthrow-style `Result`: `isErr()`, and on failure an `error` with `type` and `message`. */
  verifyIdToken(token: string): {
    then<A>(onfulfilled: (verdict: { isErr(): boolean }) => A | PromiseLike<A>): PromiseLike<A>;
  };
}

/**
 * A validated {@link OAuthClientConfig}.
 *
 * @example
 * ```ts
 * const parsed = parseOAuthConfig(config);
 * if (parsed.isErr()) return parsed.error;
 * const resolved: ResolvedOAuthConfig = parsed.value;
 * resolved.endpoints.token; // 'https://my-app.auth.eu-west-1.amazoncognito.com/oauth2/token'
 * ```
 */
export interface ResolvedOAuthConfig {
  readonly clientId: string;
  readonly clientSecret: string | undefined;
  readonly endpoints: Partial<OAuthEndpoints>;
  readonly redirectUris: readonly string[];
  readonly logoutUris: readonly string[];
  readonly scopes: readonly string[];
  readonly timeoutMs: number;
  readonly clientCredentialsMarginMs: number;
  readonly fetch: typeof fetch;
  readonly now: () => number;
  readonly idTokenVerifier: IdTokenVerifier | undefined;
  /** The default ID-token check built from `userPoolId` (`undefined` without it). */
  readonly cognitoIdToken: IdTokenCheck | undefined;
}

/** Cognito's rule for a domain prefix (CreateUserPoolDomain's `Domain`). */
/** Cognito's user pool id: `<region>_<id>`. */
const USER_POOL_ID = /^[a-z]{2}(?:-[a-z]+)+-\d+_[0-9A-Za-z]+$/;
const DOMAIN_PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const ENDPOINT_NAMES = ['authorization', 'token', 'revocation', 'userInfo', 'logout'] as const;

const fail = (message: string): Result<never, InvalidConfigError> => err(invalidConfig(message));

function domainOrigin(c: Record<string, unknown>): Result<string | undefined, InvalidConfigError> {
  if (c.domain !== undefined && c.domainPrefix !== undefined) {
    return fail('give either domain or domainPrefix (with region), not both');
  }
  if (c.domainPrefix !== undefined) {
    if (typeof c.domainPrefix !== 'string' || !DOMAIN_PREFIX.test(c.domainPrefix)) {
      return fail('domainPrefix must be lowercase letters, digits and hyphens, e.g. "my-app"');
    }
    if (typeof c.region !== 'string' || !REGION_PATTERN.test(c.region)) {
      return fail('region must look like "eu-west-1" when domainPrefix is given');
    }
    return ok(prefixDomainOrigin(c.domainPrefix, c.region));
  }
  if (c.domain === undefined) return ok(undefined);
  if (typeof c.domain !== 'string' || c.domain.trim() === '')
    return fail('domain must be a non-empty string');
  const withScheme = c.domain.includes('://') ? c.domain : `https://${c.domain}`;
  const problem = endpointProblem(withScheme);
  if (problem) return fail(`domain ${problem}`);
  const url = new URL(withScheme);
  if (url.pathname !== '/' || url.search !== '') {
    return fail('domain must be an origin such as "https://auth.example.com", without a path or query');
  }
  return ok(url.origin);
}

function endpointsFrom(
  origin: string | undefined,
  overrides: unknown,
): Result<Partial<OAuthEndpoints>, InvalidConfigError> {
  if (overrides !== undefined && (typeof overrides !== 'object' || overrides === null)) {
    return fail('endpoints must be an object of URLs');
  }
  const given = (overrides ?? {}) as Record<string, unknown>;
  const endpoints: Record<string, string> = origin ? { ...cognitoEndpoints(origin) } : {};
  for (const name of ENDPOINT_NAMES) {
    const value = given[name];
    if (value === undefined) continue;
    const problem = endpointProblem(value);
    if (problem) return fail(`endpoints.${name} ${problem}`);
    endpoints[name] = value as string;
  }
  const unknown = Object.keys(given).filter((key) => !(ENDPOINT_NAMES as readonly string[]).includes(key));
  if (unknown.length > 0) return fail(`endpoints has unknown keys: ${unknown.join(', ')}`);
  if (endpoints.token === undefined) {
    return fail('give domain, or domainPrefix and region, or at least endpoints.token');
  }
  return ok(endpoints);
}

function urlList(
  value: unknown,
  name: string,
  check: (url: unknown) => string | undefined,
): Result<string[], InvalidConfigError> {
  if (value === undefined) return ok([]);
  if (!Array.isArray(value)) return fail(`${name} must be a list of URLs`);
  for (const item of value) {
    const problem = check(item);
    if (problem) return fail(`${name} has an entry that ${problem}`);
  }
  return ok([...(value as string[])]);
}

function positiveNumber(value: unknown, fallback: number, name: string): Result<number, InvalidConfigError> {
  if (value === undefined) return ok(fallback);
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    return fail(`${name} must be a positive number of milliseconds`);
  }
  return ok(value);
}

function optionalFunction<F>(value: unknown, fallback: F, name: string): Result<F, InvalidConfigError> {
  if (value === undefined) return ok(fallback);
  return typeof value === 'function' ? ok(value as F) : fail(`${name} must be a function`);
}

function idTokenVerifierOf(value: unknown): Result<IdTokenVerifier | undefined, InvalidConfigError> {
  if (value === undefined) return ok(undefined);
  return typeof (value as { verifyIdToken?: unknown } | null)?.verifyIdToken === 'function'
    ? ok(value as IdTokenVerifier)
    : fail('idTokenVerifier must have a verifyIdToken method (a TokenVerifier from cognito-flow/verify)');
}

/**
 * Validates an {@link OAuthClientConfig}; never throws. The secret is never put in a message.
 *
 * @example
 * ```ts
 * parseOAuthConfig({ domain: 'auth.example.com', clientId: 'abc' }).isOk(); // true
 * ```
 */
export function parseOAuthConfig(input: unknown): Result<ResolvedOAuthConfig, InvalidConfigError> {
  if (typeof input !== 'object' || input === null) return fail('config must be an object');
  const c = input as Record<string, unknown>;
  if (typeof c.clientId !== 'string' || c.clientId.trim() === '') {
    return fail('clientId must be a non-empty string');
  }
  if (c.clientSecret !== undefined && (typeof c.clientSecret !== 'string' || c.clientSecret === '')) {
    return fail('clientSecret, when given, must be a non-empty string');
  }
  if (c.userPoolId !== undefined && (typeof c.userPoolId !== 'string' || !USER_POOL_ID.test(c.userPoolId))) {
    return fail('userPoolId, when given, must look like "eu-west-1_AbC123"');
  }
  const scopes = c.scopes ?? ['openid'];
  if (!Array.isArray(scopes)) return fail('scopes must be a list of strings');
  const badScope = scopes.map(scopeProblem).find((problem) => problem !== undefined);
  if (badScope) return fail(`scopes has an entry that ${badScope}`);
  const { clientId, userPoolId } = c;
  return domainOrigin(c)
    .andThen((origin) => endpointsFrom(origin, c.endpoints))
    .andThen((endpoints) =>
      urlList(c.redirectUris, 'redirectUris', redirectUriProblem).andThen((redirectUris) =>
        urlList(c.logoutUris, 'logoutUris', redirectUriProblem).andThen((logoutUris) =>
          positiveNumber(c.timeoutMs, 10_000, 'timeoutMs').andThen((timeoutMs) =>
            positiveNumber(c.clientCredentialsMarginMs, 60_000, 'clientCredentialsMarginMs').andThen(
              (clientCredentialsMarginMs) =>
                optionalFunction<typeof fetch>(c.fetch, (...args) => fetch(...args), 'fetch').andThen(
                  (fetchFn) =>
                    optionalFunction<() => number>(c.now, Date.now, 'now').andThen((now) =>
                      idTokenVerifierOf(c.idTokenVerifier).map((idTokenVerifier) => ({
                        clientId,
                        clientSecret: c.clientSecret as string | undefined,
                        endpoints,
                        redirectUris,
                        logoutUris,
                        scopes: [...(scopes as string[])],
                        timeoutMs,
                        clientCredentialsMarginMs,
                        fetch: fetchFn,
                        now,
                        idTokenVerifier,
                        cognitoIdToken:
                          userPoolId === undefined
                            ? undefined
                            : cognitoIdTokenCheck(userPoolId, clientId, { fetch: fetchFn, timeoutMs }),
                      })),
                    ),
                ),
            ),
          ),
        ),
      ),
    );
}
