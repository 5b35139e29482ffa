import { recordTtlSeconds } from '../tokens/fleet/record-ttl.js';
import { encodeValue } from '../tokens/fleet/versioned-record.js';
import type { TokenStore } from '../tokens/stores/token-store.js';
import { tokenStoreError } from '../tokens/stores/token-store.js';
import { isNil, type RedisStoreOptions, redisCommand, redisKeys, redisSettings } from './redis-client.js';
import { readRecord } from './redis-record.js';

/**
 * Options of {@link redisTokenStore}.
 *
 * @example
 * ```ts
 * const store = redisTokenStore(redis, { prefix: 'my-app:', ttlSeconds: 7 * 24 * 3600 });
 * ```
 */
export interface RedisTokenStoreOptions extends RedisStoreOptions {
  /** Each record expires this long after its last write, in seconds (default 30 days, Cognito's default refresh-token validity; 0: never). */
  readonly ttlSeconds?: number;
}

/** Writes a new version of a record: one more than the stored one. */
const SET_SCRIPT = `
local v = redis.call('HINCRBY', KEYS[1], 'v', 1)
redis.call('HSET', KEYS[1], 'data', ARGV[1])
if tonumber(ARGV[2]) > 0 then redis.call('EXPIRE', KEYS[1], ARGV[2]) end
return v`;

/**
 * A {@link TokenStore} on Redis, for services whose sessions outlive a process or span several: each key is a
 * hash `<prefix>{<key>}:tokens` holding the JSON value (`data`, at most 64 KiB, checked before parsing) and
 * its version (`v`, one more on every write), which {@link redisRefreshCoordinator} fences refreshes with.
 * `get` is one `HMGET`. Methods reject with a `TokenStore` error on failure or after `commandTimeoutMs`.
 * Throws a `TypeError` when the client or options are invalid.
 *
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * import { redisRefreshCoordinator, redisTokenStore } from 'cognito-flow/redis';
 *
 * const redis = await createClient({ url: process.env.REDIS_URL }).connect();
 * const session = auth.session(step.tokens, {
 *   store: redisTokenStore(redis),
 *   coordinator: redisRefreshCoordinator(redis),
 *   key: `user:${userId}`,
 * });
 * ```
 */
export function redisTokenStore(client: unknown, options: RedisTokenStoreOptions = {}): TokenStore {
  const settings = redisSettings(client, options);
  const ttl = String(recordTtlSeconds(options.ttlSeconds, 'Redis'));
  return {
    get: async (key) => (await readRecord(settings, key))?.value,
    set: async (key, value) => {
      let data: string;
      try {
        data = encodeValue(value);
      } catch (error) {
        throw tokenStoreError((error as Error).message);
      }
      await redisCommand(settings, [
        'EVAL',
        SET_SCRIPT,
        '1',
        redisKeys(settings.prefix, key).record,
        data,
        ttl,
      ]);
    },
    delete: async (key) => {
      const keys = redisKeys(settings.prefix, key);
      const removed = await redisCommand(settings, ['DEL', keys.record, keys.lease]);
      if (isNil(removed)) throw tokenStoreError('Redis DEL gave no answer');
    },
  };
}
