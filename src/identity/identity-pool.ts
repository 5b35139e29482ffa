import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { err, errAsync, ok, type Result, ResultAsync } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import { narrowError } from '../errors/narrow.js';
import type { InvalidConfigError } from '../errors/types.js';
import {
  type IdentityPoolConfig,
  parseIdentityPoolConfig,
  type ResolvedIdentityPoolConfig,
} from './config.js';
import { type AwsCredentials, credentialsFromResponse, isFresh } from './credentials.js';
import { IDENTITY_ERRORS, type IdentityError } from './errors.js';
import { type IdentityPoolTransport, identitySdkTransport } from './identity-transport.js';
import { identityFromIdToken } from './logins.js';

interface PoolContext {
  readonly config: ResolvedIdentityPoolConfig;
  readonly transport: IdentityPoolTransport;
}

interface CacheEntry {
  readonly credentials: AwsCredentials;
  readonly obtainedAt: number;
}

type Logins = Record<string, string> | undefined;

const GUEST_KEY = 'guest';
/** Bound on cached credential sets, so a service signing in many users does not grow without limit. */
const MAX_CACHED_CREDENTIALS = 10_000;

/**
 * An identity pool: exchanges a user-pool ID token (or nothing, for guests) for temporary AWS
 * credentials. Identity ids are remembered per user (GetId only the first time) and credentials are
 * cached until shortly before they expire; concurrent callers for the same user share one request.
 *
 * @example
 * ```ts
 * const pool = IdentityPool.create({ identityPoolId: 'eu-west-1:1a2b3c4d-...' })._unsafeUnwrap();
 * const creds = await pool.getCredentials({ idToken: tokens.idToken });
 * if (creds.isOk()) new S3Client({ region: 'eu-west-1', credentials: creds.value });
 * ```
 */
export class IdentityPool {
  readonly #context: Result<PoolContext, InvalidConfigError>;
  readonly #cache = new Map<string, CacheEntry>();
  readonly #inFlight = new Map<string, Promise<Result<AwsCredentials, IdentityError>>>();

  /**
   * Validates `config` and builds a pool; invalid config is an `InvalidConfig` error.
   *
   * @example
   * ```ts
   * const pool = IdentityPool.create({ identityPoolId: 'eu-west-1:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d' });
   * ```
   */
  static create(config: IdentityPoolConfig): Result<IdentityPool, InvalidConfigError> {
    const pool = new IdentityPool(config);
    return pool.#context.isErr() ? err(pool.#context.error) : ok(pool);
  }

  /**
   * Builds a pool without checking the result: with an invalid `config` every call returns the
   * `InvalidConfig` error. Prefer {@link IdentityPool.create}.
   *
   * @example
   * ```ts
   * const pool = new IdentityPool({ identityPoolId, endpoint: 'http://127.0.0.1:5000' });
   * ```
   */
  constructor(config: IdentityPoolConfig, transport?: IdentityPoolTransport) {
    this.#context = parseIdentityPoolConfig(config).map((resolved) => ({
      config: resolved,
      transport:
        transport ??
        identitySdkTransport(
          resolved.client ??
            new CognitoIdentityClient({
              region: resolved.region,
              ...(resolved.endpoint ? { endpoint: resolved.endpoint } : {}),
            }),
        ),
    }));
  }

  /**
   * Credentials for the user of a Cognito user-pool ID token (the Logins key is read from the
   * token's issuer). Two requests the first time, one when the identity id is known, none while
   * cached credentials are fresh.
   *
   * @example
   * ```ts
   * const creds = await pool.getCredentials({ idToken: step.tokens.idToken });
   * ```
   */
  getCredentials(input: { readonly idToken: string }): ResultAsync<AwsCredentials, IdentityError> {
    if (typeof input?.idToken !== 'string' || input.idToken.length === 0) {
      return errAsync(makeError('InvalidParameter', 'idToken must be a non-empty string'));
    }
    const who = identityFromIdToken(input.idToken);
    if (who.isErr()) {
      return errAsync(makeError('InvalidParameter', `idToken is not usable: ${who.error.message}`));
    }
    const { loginsKey, sub } = who.value;
    // Identity ids are remembered per user; credentials only per exact token, since the token is not
    // verified here: a forged token naming someone's `sub` must never be handed that user's cached credentials.
    return this.#obtain(`${loginsKey}#${sub}`, `token:${input.idToken}`, { [loginsKey]: input.idToken }, [
      input.idToken,
    ]);
  }

  /**
   * Credentials for an unauthenticated (guest) identity; the pool must allow guest access.
   *
   * @example
   * ```ts
   * const guest = await pool.getGuestCredentials();
   * ```
   */
  getGuestCredentials(): ResultAsync<AwsCredentials, IdentityError> {
    return this.#obtain(GUEST_KEY, GUEST_KEY, undefined, []);
  }

  #obtain(
    identityKey: string,
    cacheKey: string,
    logins: Logins,
    secrets: string[],
  ): ResultAsync<AwsCredentials, IdentityError> {
    if (this.#context.isErr()) return errAsync(this.#context.error);
    const context = this.#context.value;
    const cached = this.#cache.get(cacheKey);
    const { now, refreshMargin } = context.config;
    if (cached) {
      if (isFresh(cached.credentials, cached.obtainedAt, now(), refreshMargin)) {
        return ResultAsync.fromSafePromise(Promise.resolve(cached.credentials));
      }
      this.#cache.delete(cacheKey);
    }
    let pending = this.#inFlight.get(cacheKey);
    if (!pending) {
      pending = this.#fetch(context, identityKey, logins, secrets)
        .then((result) => {
          if (result.isOk()) this.#remember(cacheKey, result.value, context.config.now());
          return result;
        })
        .finally(() => this.#inFlight.delete(cacheKey));
      this.#inFlight.set(cacheKey, pending);
    }
    return new ResultAsync(pending);
  }

  #remember(cacheKey: string, credentials: AwsCredentials, obtainedAt: number): void {
    this.#cache.set(cacheKey, { credentials, obtainedAt });
    if (this.#cache.size > MAX_CACHED_CREDENTIALS) {
      const oldest = this.#cache.keys().next();
      if (!oldest.done) this.#cache.delete(oldest.value);
    }
  }

  async #fetch(
    context: PoolContext,
    key: string,
    logins: Logins,
    secrets: string[],
  ): Promise<Result<AwsCredentials, IdentityError>> {
    const { config, transport } = context;
    const store = config.identityIdStore;
    const stored = await storeCall(() => store.get(key));
    if (stored.isErr()) return err(stored.error);
    let identityId = stored.value;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const fromStore = identityId !== undefined;
      if (identityId === undefined) {
        const got = await transport(
          'GetId',
          { IdentityPoolId: config.identityPoolId, ...(logins ? { Logins: logins } : {}) },
          { secrets },
        );
        if (got.isErr()) return err(narrowError(got.error, IDENTITY_ERRORS));
        if (!got.value.IdentityId)
          return err(makeError('Unexpected', 'Cognito answered GetId without an IdentityId'));
        identityId = got.value.IdentityId;
      }
      const answer = await transport(
        'GetCredentialsForIdentity',
        { IdentityId: identityId, ...(logins ? { Logins: logins } : {}) },
        { secrets },
      );
      if (answer.isErr()) {
        if (fromStore && answer.error.type === 'ResourceNotFound') {
          // The remembered identity is gone (deleted or pool recreated): forget it and ask again.
          const deleted = await storeCall(() => store.delete(key));
          if (deleted.isErr()) return err(deleted.error);
          identityId = undefined;
          continue;
        }
        return err(narrowError(answer.error, IDENTITY_ERRORS));
      }
      const credentials = credentialsFromResponse(answer.value, identityId);
      if (credentials.isErr()) return err(credentials.error);
      const saved = await storeCall(() => store.set(key, credentials.value.identityId));
      if (saved.isErr()) return err(saved.error);
      return ok(credentials.value);
    }
    return err(makeError('Unexpected', 'Cognito kept reporting the identity as missing'));
  }
}

async function storeCall<T>(call: () => T | Promise<T>): Promise<Result<T, IdentityError>> {
  try {
    return ok(await call());
  } catch (thrown) {
    return err(makeError('Unexpected', 'The identity id store failed', { cause: thrown }));
  }
}
