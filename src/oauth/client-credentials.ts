import { errAsync, okAsync, type Result, ResultAsync } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import { formClient, postForm } from './client-auth.js';
import type { ResolvedOAuthConfig } from './config.js';
import type { OAuthClientError } from './errors.js';
import { scopeKey, scopeProblem } from './scopes.js';
import { type ClientCredentialsToken, clientCredentialsFromTokenAnswer } from './token-response.js';

/**
 * Input of `clientCredentials`.
 *
 * @example
 * ```ts
 * const input: ClientCredentialsInput = { scopes: ['orders/read', 'orders/write'] };
 * ```
 */
export interface ClientCredentialsInput {
  /** Custom scopes (`<resource server>/<scope>`); none asks for every scope the app client allows. */
  readonly scopes?: readonly string[] | undefined;
  /** Skip the cache (e.g. after an API answered 401); a request already running is still shared. */
  readonly forceRefresh?: boolean | undefined;
}

interface Entry {
  readonly token: ClientCredentialsToken;
  readonly renewAt: number;
}

type Outcome = Result<ClientCredentialsToken, OAuthClientError>;

/** Bound on cached scope sets: a service asks for a handful; this only stops unbounded growth. */
const MAX_SCOPE_SETS = 64;

/**
 * Machine-to-machine tokens (`grant_type=client_credentials`), cached per scope set (order and
 * duplicates do not matter) until `margin` before they expire — at most half their lifetime — and
 * single-flight: any number of concurrent callers for the same scope set share one token request.
 * Failures are not cached.
 *
 * @example
 * ```ts
 * const cache = new ClientCredentialsCache(config);
 * const [a, b] = await Promise.all([cache.get({ scopes: ['x/read'] }), cache.get({ scopes: ['x/read'] })]); // one request
 * ```
 */
export class ClientCredentialsCache {
  readonly #config: ResolvedOAuthConfig;
  readonly #entries = new Map<string, Entry>();
  readonly #inFlight = new Map<string, Promise<Outcome>>();

  /**
   * A cache for the client of `config`.
   *
   * @example
   * ```ts
   * const cache = new ClientCredentialsCache(parseOAuthConfig(config)._unsafeUnwrap());
   * ```
   */
  constructor(config: ResolvedOAuthConfig) {
    this.#config = config;
  }

  /**
   * A token for `input.scopes`: from the cache while fresh, else from the token endpoint (shared with
   * every concurrent caller for the same scopes).
   *
   * @example
   * ```ts
   * const token = await cache.get({ scopes: ['orders/read'] });
   * ```
   */
  get(input: ClientCredentialsInput = {}): ResultAsync<ClientCredentialsToken, OAuthClientError> {
    const config = this.#config;
    if (typeof input !== 'object' || input === null) {
      return errAsync(makeError('InvalidParameter', 'input must be an object'));
    }
    if (config.clientSecret === undefined) {
      return errAsync(
        makeError(
          'InvalidConfig',
          'clientCredentials needs an app client with a secret (configure clientSecret)',
        ),
      );
    }
    const scopes = input.scopes ?? [];
    if (!Array.isArray(scopes))
      return errAsync(makeError('InvalidParameter', 'scopes must be a list of strings'));
    const problem = scopes.map(scopeProblem).find((p) => p !== undefined);
    if (problem) return errAsync(makeError('InvalidParameter', `scopes has an entry that ${problem}`));
    const token = config.endpoints.token;
    if (token === undefined) return errAsync(makeError('InvalidParameter', 'No token endpoint configured'));

    const key = scopeKey(scopes);
    const cached = this.#entries.get(key);
    if (cached && !input.forceRefresh && config.now() < cached.renewAt) return okAsync(cached.token);
    const running = this.#inFlight.get(key);
    if (running) return new ResultAsync(running);

    const requested = key === '' ? [] : key.split(' ');
    const flight = (async (): Promise<Outcome> => {
      const outcome = await postForm(
        formClient(config),
        token,
        { grant_type: 'client_credentials', ...(key !== '' ? { scope: key } : {}) },
        'The token endpoint',
        [],
      ).andThen((json) => clientCredentialsFromTokenAnswer(json, config.now(), requested));
      if (outcome.isOk()) this.#remember(key, outcome.value);
      this.#inFlight.delete(key);
      return outcome;
    })();
    this.#inFlight.set(key, flight);
    return new ResultAsync(flight);
  }

  /**
   * Forgets every cached token (requests already running still finish).
   *
   * @example
   * ```ts
   * cache.clear(); // e.g. after the app client's secret was rotated
   * ```
   */
  clear(): void {
    this.#entries.clear();
  }

  #remember(key: string, token: ClientCredentialsToken): void {
    const now = this.#config.now();
    const lifetime = Math.max(0, token.expiresAt - now);
    const margin = Math.min(this.#config.clientCredentialsMarginMs, lifetime / 2);
    this.#entries.delete(key);
    this.#entries.set(key, { token, renewAt: token.expiresAt - margin });
    while (this.#entries.size > MAX_SCOPE_SETS) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }
}
