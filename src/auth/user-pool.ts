import { err, errAsync, type Result, type ResultAsync } from 'neverthrow';
import { type AuthClientConfig, parseAuthConfig, type ResolvedAuthConfig } from '../config/auth-config.js';
import { makeError } from '../errors/make-error.js';
import type { InvalidConfigError } from '../errors/types.js';
import { type AuthContext, authContext } from './context.js';
import type { UserPoolTransport } from './user-pool-transport.js';

/**
 * The transport a client uses when none is passed: the SDK entry builds AWS SDK v3 clients, the browser
 * entry plain `fetch`.
 *
 * @example
 * ```ts
 * const sdk: DefaultTransport = (config) => userPoolSdkTransport(new CognitoIdentityProviderClient({ region: config.region }));
 * ```
 */
export type DefaultTransport = (config: ResolvedAuthConfig) => UserPoolTransport;

/**
 * A handle on one app client of a user pool, for the tree-shakable functions of `cognito-flow/browser`
 * (`signIn(pool, input)`, `submitCode(pool, step, code)`, `refreshTokens(pool, tokens)`, …). It holds no
 * per-user state and shows nothing of its configuration (no client secret in logs or JSON): its `userPoolId`
 * and `clientId` are there for display, and `valid` says whether the configuration was accepted.
 *
 * @example
 * ```ts
 * const pool = userPool({ userPoolId: 'eu-west-1_AbC123', clientId: '1example' });
 * const step = await signIn(pool, { username: 'alice', password });
 * ```
 */
export interface UserPool {
  /** The configured user pool id (as given, even when invalid). */
  readonly userPoolId: string;
  /** The configured app client id (as given, even when invalid). */
  readonly clientId: string;
  /** Whether the configuration was valid; when not, every call answers the `InvalidConfig` error. */
  readonly valid: boolean;
}

/** Each pool's validated context, or the error its configuration got. Not reachable from the handle itself. */
const contexts = new WeakMap<UserPool, Result<AuthContext, InvalidConfigError>>();

const asText = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Validates `config` and builds a {@link UserPool} on `transport`, or on `defaultTransport(config)`. Never
 * throws: an invalid configuration gives a pool whose every call answers the `InvalidConfig` error.
 *
 * @example
 * ```ts
 * const pool = createUserPool(config, undefined, (resolved) => fetchTransport({ service: 'cognito-idp', region: resolved.region }));
 * ```
 */
export function createUserPool(
  config: AuthClientConfig,
  transport: UserPoolTransport | undefined,
  defaultTransport: DefaultTransport,
): UserPool {
  const context = parseAuthConfig(config).map((resolved) =>
    authContext(resolved, transport ?? defaultTransport(resolved)),
  );
  const source = (typeof config === 'object' && config !== null ? config : {}) as Partial<AuthClientConfig>;
  const pool: UserPool = Object.freeze({
    userPoolId: asText(source.userPoolId),
    clientId: asText(source.clientId),
    valid: context.isOk(),
  });
  contexts.set(pool, context);
  return pool;
}

/**
 * The pool's context, or the `InvalidConfig` error of its configuration (also for an object that is not a
 * pool made by `userPool`/`createUserPool`).
 *
 * @example
 * ```ts
 * poolContext(pool).map(({ config }) => config.region);
 * ```
 */
export function poolContext(pool: UserPool): Result<AuthContext, InvalidConfigError> {
  return (
    contexts.get(pool) ??
    err(makeError('InvalidConfig', 'Not a user pool: build one with userPool(config) (or AuthClient.create)'))
  );
}

/**
 * Runs `operation` with the pool's context, or answers the pool's `InvalidConfig` error.
 *
 * @example
 * ```ts
 * withPool(pool, (context) => signInFlow(context, input));
 * ```
 */
export function withPool<T, E>(
  pool: UserPool,
  operation: (context: AuthContext) => ResultAsync<T, E>,
): ResultAsync<T, E | InvalidConfigError> {
  return poolContext(pool).match(operation, (error) => errAsync(error));
}
