import { tokenStoreError } from '../tokens/stores/token-store.js';

/**
 * The one method cognito-flow needs from a Redis client: node-redis's `client.sendCommand([...])`
 * (`createClient()` from the `redis` package). With ioredis, pass `{ sendCommand: (args) => redis.call(...args) }`.
 *
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * const client: RedisCommandClient = await createClient({ url: process.env.REDIS_URL }).connect();
 * ```
 */
export interface RedisCommandClient {
  sendCommand(args: readonly string[]): Promise<unknown>;
}

/**
 * Options shared by every Redis store and the coordinator.
 *
 * @example
 * ```ts
 * const store = redisTokenStore(redis, { prefix: 'my-app:', commandTimeoutMs: 1000 });
 * ```
 */
export interface RedisStoreOptions {
  /** Prepended to every key (default `cognito-flow:`). */
  readonly prefix?: string;
  /**
   * How long one command may take before the call fails with a `TokenStore` error, in ms (default 2000):
   * while Redis is unreachable, node-redis queues commands until it reconnects; this bounds the wait.
   */
  readonly commandTimeoutMs?: number;
}

/** Validated {@link RedisStoreOptions}. */
export interface RedisSettings {
  readonly client: RedisCommandClient;
  readonly prefix: string;
  readonly commandTimeoutMs: number;
}

/**
 * Checks the client and the options; throws a `TypeError` listing every problem (a deployment mistake).
 *
 * @example
 * ```ts
 * const settings = redisSettings(client, { prefix: 'app:' });
 * ```
 */
export function redisSettings(client: unknown, options: RedisStoreOptions = {}): RedisSettings {
  const problems: string[] = [];
  if (typeof (client as { sendCommand?: unknown } | null)?.sendCommand !== 'function') {
    problems.push('client must have a sendCommand(args) method (a node-redis client)');
  }
  const prefix = options.prefix ?? 'cognito-flow:';
  if (typeof prefix !== 'string' || prefix.length > 256)
    problems.push('prefix must be a string of at most 256 characters');
  const timeout = options.commandTimeoutMs ?? 2000;
  if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout <= 0) {
    problems.push('commandTimeoutMs must be a positive number of milliseconds');
  }
  if (problems.length > 0) throw new TypeError(`Invalid Redis store options: ${problems.join('; ')}`);
  return { client: client as RedisCommandClient, prefix, commandTimeoutMs: timeout };
}

/**
 * The Redis keys of one session key: one hash tag, so a record and its lease live on the same Redis
 * Cluster slot (scripts touch both).
 *
 * @example
 * ```ts
 * redisKeys('cognito-flow:', 'user-1'); // { record: 'cognito-flow:{user-1}:tokens', lease: 'cognito-flow:{user-1}:lease' }
 * ```
 */
export function redisKeys(prefix: string, key: string) {
  const tag = `${prefix}{${key}}`;
  return { record: `${tag}:tokens`, lease: `${tag}:lease` };
}

/**
 * Sends one command, failing with a `TokenStore` error when Redis answers an error or does not answer within
 * the timeout (the message names the command, never its arguments).
 *
 * @example
 * ```ts
 * const reply = await redisCommand(settings, ['GET', key]);
 * ```
 */
export async function redisCommand(settings: RedisSettings, args: readonly string[]): Promise<unknown> {
  const name = args[0] === 'EVAL' ? 'EVAL (cognito-flow script)' : (args[0] ?? '');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(tokenStoreError(`Redis did not answer ${name} within ${settings.commandTimeoutMs} ms`)),
      settings.commandTimeoutMs,
    );
  });
  try {
    return await Promise.race([settings.client.sendCommand(args), timedOut]);
  } catch (error) {
    if ((error as { type?: unknown }).type === 'TokenStore') throw error;
    const detail = error instanceof Error ? error.message.slice(0, 200) : 'unknown error';
    throw tokenStoreError(`Redis ${name} failed: ${detail}`, error);
  } finally {
    clearTimeout(timer);
  }
}

/** A nil reply, whatever the protocol version and client spell it as. */
export const isNil = (value: unknown): boolean => value === null || value === undefined || value === false;
