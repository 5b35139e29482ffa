import { err, errAsync, ok, type Result, ResultAsync } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import type { InvalidConfigError } from '../errors/types.js';
import {
  type IdentityPoolConfig,
  isRoleArn,
  parseIdentityPoolConfig,
  type ResolvedIdentityPoolConfig,
} from './config.js';
import {
  type CognitoCredentialProvider,
  type CredentialProviderOptions,
  credentialProvider,
  type IdTokenSource,
} from './credential-provider.js';
import { type AwsCredentials, isFresh } from './credentials.js';
import {
  type DeveloperIdentityError,
  type DeveloperIdentityInput,
  type DeveloperIdentityToken,
  openIdTokenForDeveloperIdentity,
} from './developer-identity.js';
import type { IdentityError } from './errors.js';
import { type ExchangeContext, type ExchangePlan, exchangeCredentials, storeCall } from './exchange.js';
import type { IdentityPoolTransport } from './identity-transport.js';
import { type IdentityLogin, resolveLogins } from './provider-logins.js';

interface CacheEntry {
  readonly credentials: AwsCredentials;
  readonly obtainedAt: number;
}

/**
 * Options of a signed-in credential request.
 *
 * @example
 * ```ts
 * const options: CredentialOptions = { customRoleArn: 'arn:aws:iam::123456789012:role/admins' };
 * ```
 */
export interface CredentialOptions {
  /** The role to ask for when the pool maps several (enhanced flow), or to assume (basic flow). */
  readonly customRoleArn?: string;
  /**
   * A guest identity id to sign in: Cognito turns that identity into the user's, so data kept
   * under it stays with the user. If Cognito reports it gone, the user's own identity is used.
   */
  readonly identityId?: string;
}

const GUEST_KEY = 'guest';

/** Bound on cached credential sets, so a service signing in many users does not grow without limit. */
const MAX_CACHED_CREDENTIALS = 10_000;
const IDENTITY_ID = /^[a-z]{2}(?:-[a-z]+)+-\d+:[0-9a-f-]+$/;

/**
 * The transport a pool uses when none is passed: the SDK entry builds AWS SDK v3 clients, the browser
 * entry plain `fetch`.
 *
 * @example
 * ```ts
 * const sdk: DefaultIdentityTransport = (config) => identitySdkTransport(new CognitoIdentityClient({ region: config.region }));
 * ```
 */
export type DefaultIdentityTransport = (config: ResolvedIdentityPoolConfig) => IdentityPoolTransport;

/**
 * An identity pool: exchanges ID tokens and other provider logins (or nothing, for guests) for
 * temporary AWS credentials. Identity ids are remembered per user (GetId only the first time) and
 * credentials are cached per exact token until shortly before they expire; concurrent callers for
 * the same token share one request. `provider(session)` plugs it into any AWS SDK v3 client.
 *
 * @example
 * ```ts
 * const pool = IdentityPool.create({ identityPoolId: 'eu-west-1:1a2b3c4d-...' })._unsafeUnwrap();
 * const s3 = new S3Client({ region: 'eu-west-1', credentials: pool.provider(session) });
 * const creds = await pool.getCredentials({ idToken: tokens.idToken });
 * ```
 */
export class IdentityPoolCore {
  readonly #context: Result<ExchangeContext, InvalidConfigError>;
  readonly #cache = new Map<string, CacheEntry>();
  readonly #inFlight = new Map<string, Promise<Result<AwsCredentials, IdentityError>>>();

  /**
   * `pool` when its config was valid, else the `InvalidConfig` error (what each entry's `create` returns).
   *
   * @example
   * ```ts
   * const pool = IdentityPoolCore.validated(new IdentityPool(config));
   * ```
   */
  static validated<T extends IdentityPoolCore>(pool: T): Result<T, InvalidConfigError> {
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
  constructor(
    config: IdentityPoolConfig,
    transport: IdentityPoolTransport | undefined,
    defaultTransport: DefaultIdentityTransport,
  ) {
    this.#context = parseIdentityPoolConfig(config).map((resolved) => ({
      config: resolved,
      transport: transport ?? defaultTransport(resolved),
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
   * // A guest who signs in keeps their identity:
   * const mine = await pool.getCredentials({ idToken, identityId: guest.identityId });
   * ```
   */
  getCredentials(
    input: { readonly idToken: string } & CredentialOptions,
  ): ResultAsync<AwsCredentials, IdentityError> {
    if (typeof input?.idToken !== 'string' || input.idToken.length === 0) {
      return errAsync(makeError('InvalidParameter', 'idToken must be a non-empty string'));
    }
    return this.getCredentialsForLogins({ provider: 'cognito', idToken: input.idToken }, input);
  }

  /**
   * Credentials for one or more provider logins: Cognito user pools, Google, Facebook, Apple, Login
   * with Amazon, OIDC, SAML, or a developer-authenticated identity.
   *
   * @example
   * ```ts
   * const creds = await pool.getCredentialsForLogins({ provider: 'google', idToken: googleIdToken });
   * const dev = await pool.getCredentialsForLogins({ provider: 'developer', identityId, token });
   * ```
   */
  getCredentialsForLogins(
    logins: IdentityLogin | readonly IdentityLogin[],
    options: CredentialOptions = {},
  ): ResultAsync<AwsCredentials, IdentityError> {
    if (this.#context.isErr()) return errAsync(this.#context.error);
    const resolved = resolveLogins(logins);
    if (resolved.isErr()) return errAsync(resolved.error);
    const checked = this.#checkOptions(this.#context.value.config, options, false);
    if (checked.isErr()) return errAsync(checked.error);
    const { logins: map, identityKey, identityId, secrets } = resolved.value;
    const carried = identityId ? undefined : options.identityId;
    // Identity ids are remembered per user; credentials only per exact token(s), since tokens are not
    // verified here: a forged token naming someone's `sub` must never be handed that user's cached credentials.
    const cacheKey = `${checked.value ?? ''}|${Object.entries(map)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, token]) => `${key}=${token}`)
      .join('|')}`;
    return this.#obtain(
      cacheKey,
      {
        identityKey,
        givenIdentityId: identityId ?? carried,
        fallBackFromGiven: carried !== undefined,
        logins: map,
        secrets,
        roleArn: checked.value,
      },
      carried,
    );
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
    if (this.#context.isErr()) return errAsync(this.#context.error);
    const role = this.#checkOptions(this.#context.value.config, {}, true);
    if (role.isErr()) return errAsync(role.error);
    return this.#obtain(GUEST_KEY, {
      identityKey: GUEST_KEY,
      givenIdentityId: undefined,
      fallBackFromGiven: false,
      logins: undefined,
      secrets: [],
      roleArn: role.value,
    });
  }

  /**
   * An AWS SDK v3 credential provider for the user of `source` (a `Session`, or any function
   * returning a current ID token): it asks the source for the token on each call, so a refreshed
   * token is used as soon as there is one, and answers from the cache (no request) while the
   * credentials for that token are fresh. Concurrent calls share one request. On failure it rejects
   * with an {@link cognito-flow/identity!IdentityCredentialsError}.
   *
   * @example
   * ```ts
   * const s3 = new S3Client({ region: 'eu-west-1', credentials: pool.provider(session) });
   * const dynamo = new DynamoDBClient({ region: 'eu-west-1', credentials: pool.provider(() => getIdToken()) });
   * ```
   */
  provider(source: IdTokenSource, options: CredentialProviderOptions = {}): CognitoCredentialProvider {
    const roleOptions = options.customRoleArn !== undefined ? { customRoleArn: options.customRoleArn } : {};
    return credentialProvider(
      {
        signedIn: (idToken, identityId) =>
          this.getCredentials({ idToken, ...roleOptions, ...(identityId ? { identityId } : {}) }),
        guest: () => this.getGuestCredentials(),
      },
      source,
      options,
    );
  }

  /**
   * An AWS SDK v3 credential provider handing out guest credentials.
   *
   * @example
   * ```ts
   * const s3 = new S3Client({ region: 'eu-west-1', credentials: pool.guestProvider() });
   * ```
   */
  guestProvider(): CognitoCredentialProvider {
    return this.provider(async () => undefined, { guest: true });
  }

  /**
   * Back end of developer-authenticated identities: registers (or finds) the identity of one of your
   * users and issues an OpenID token for it (GetOpenIdTokenForDeveloperIdentity, signed with your AWS
   * credentials). Hand `identityId` and `token` to the app, which calls
   * `getCredentialsForLogins({ provider: 'developer', identityId, token })`.
   *
   * @example
   * ```ts
   * const issued = await pool.getOpenIdTokenForDeveloperIdentity({ developerProviderName: 'login.example.app', developerUserId: 'user-42' });
   * if (issued.isOk()) res.json({ identityId: issued.value.identityId, token: issued.value.token });
   * ```
   */
  getOpenIdTokenForDeveloperIdentity(
    input: DeveloperIdentityInput,
  ): ResultAsync<DeveloperIdentityToken, DeveloperIdentityError> {
    if (this.#context.isErr()) return errAsync(this.#context.error);
    const { config, transport } = this.#context.value;
    return openIdTokenForDeveloperIdentity(transport, config.identityPoolId, input);
  }

  /** The role for this call, or an error without a request. */
  #checkOptions(
    config: ExchangeContext['config'],
    options: CredentialOptions,
    guest: boolean,
  ): Result<string | undefined, IdentityError> {
    if (typeof options !== 'object' || options === null) {
      return err(makeError('InvalidParameter', 'options must be an object'));
    }
    if (options.customRoleArn !== undefined && !isRoleArn(options.customRoleArn)) {
      return err(makeError('InvalidParameter', 'customRoleArn must be an IAM role ARN'));
    }
    if (
      options.identityId !== undefined &&
      (typeof options.identityId !== 'string' || !IDENTITY_ID.test(options.identityId))
    ) {
      return err(makeError('InvalidParameter', 'identityId must look like "us-east-1:<uuid>"'));
    }
    const basic = config.basicFlow;
    if (!basic) return ok(options.customRoleArn ?? config.customRoleArn);
    const role = options.customRoleArn ?? (guest ? basic.unauthenticatedRoleArn : basic.authenticatedRoleArn);
    return role
      ? ok(role)
      : err(
          makeError(
            'InvalidConfig',
            'Guest credentials on the basic flow need basicFlow.unauthenticatedRoleArn',
          ),
        );
  }

  #obtain(
    cacheKey: string,
    plan: ExchangePlan,
    carriedGuestId?: string,
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
      pending = exchangeCredentials(context, plan)
        .then(async (result) => {
          if (result.isErr()) return result;
          if (carriedGuestId) {
            const forgotten = await this.#forgetGuest(context, carriedGuestId);
            if (forgotten.isErr()) return err(forgotten.error);
          }
          this.#remember(cacheKey, result.value, context.config.now());
          return result;
        })
        .finally(() => this.#inFlight.delete(cacheKey));
      this.#inFlight.set(cacheKey, pending);
    }
    return new ResultAsync(pending);
  }

  /** A guest identity that was signed in is no longer a guest's: drop it from the store and cache. */
  async #forgetGuest(context: ExchangeContext, guestId: string): Promise<Result<void, IdentityError>> {
    const store = context.config.identityIdStore;
    const current = await storeCall(() => store.get(GUEST_KEY));
    if (current.isErr()) return err(current.error);
    if (current.value !== guestId) return ok(undefined);
    this.#cache.delete(GUEST_KEY);
    return storeCall(() => store.delete(GUEST_KEY));
  }

  #remember(cacheKey: string, credentials: AwsCredentials, obtainedAt: number): void {
    this.#cache.set(cacheKey, { credentials, obtainedAt });
    if (this.#cache.size > MAX_CACHED_CREDENTIALS) {
      const oldest = this.#cache.keys().next();
      if (!oldest.done) this.#cache.delete(oldest.value);
    }
  }
}
