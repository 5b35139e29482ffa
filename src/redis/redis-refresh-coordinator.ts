import { recordTtlSeconds } from '../tokens/fleet/record-ttl.js';
import type { LeaseAttempt, RefreshCoordinator, RefreshLease } from '../tokens/fleet/refresh-coordinator.js';
import { encodeValue, leaseTimings, newOwnerId, pollDelay } from '../tokens/fleet/versioned-record.js';
import { tokenStoreError } from '../tokens/stores/token-store.js';
import { isNil, type RedisStoreOptions, redisCommand, redisKeys, redisSettings } from './redis-client.js';
import { readRecord, recordFrom } from './redis-record.js';

/**
 * Options of {@link redisRefreshCoordinator}.
 *
 * @example
 * ```ts
 * const coordinator = redisRefreshCoordinator(redis, { leaseTtlMs: 5_000, waitTimeoutMs: 15_000 });
 * ```
 */
export interface RedisRefreshCoordinatorOptions extends RedisStoreOptions {
  /** Lease time to live in ms (default 10 s): measured by the Redis server's clock, whatever the processes' clocks say. */
  readonly leaseTtlMs?: number;
  /** How long a session waits for another holder, in ms (default 2 × lease + 5 s). */
  readonly waitTimeoutMs?: number;
  /** The record time to live set by a commit, in seconds: use the token store's (default 30 days). */
  readonly ttlSeconds?: number;
}

// The lease is a string `<owner>|<expiry in server ms>`, kept ten times its time to live so that a
// taker can tell it took over an expired holder's lease. Expiry uses the server's TIME: one clock for all.
const ACQUIRE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local held = redis.call('GET', KEYS[1])
local rec = redis.call('HMGET', KEYS[2], 'v', 'data')
if held then
  local sep = string.find(held, '|', 1, true)
  local expires = sep and tonumber(string.sub(held, sep + 1)) or 0
  if expires > now then return {0, rec[1], rec[2], expires - now, 0} end
end
local ttl = tonumber(ARGV[2])
redis.call('SET', KEYS[1], ARGV[1] .. '|' .. (now + ttl), 'PX', ttl * 10)
return {1, rec[1], rec[2], 0, held and 1 or 0}`;

// Writes only when the stored version is still the lease's; frees the lease if still ours.
const COMMIT_SCRIPT = `
local v = tonumber(redis.call('HGET', KEYS[2], 'v') or '0')
if v ~= tonumber(ARGV[2]) then return 0 end
redis.call('HSET', KEYS[2], 'v', v + 1, 'data', ARGV[3])
if tonumber(ARGV[4]) > 0 then redis.call('EXPIRE', KEYS[2], ARGV[4]) end
local held = redis.call('GET', KEYS[1])
if held and string.sub(held, 1, #ARGV[1] + 1) == ARGV[1] .. '|' then redis.call('DEL', KEYS[1]) end
return 1`;

const RELEASE_SCRIPT = `
local held = redis.call('GET', KEYS[1])
if held and string.sub(held, 1, #ARGV[1] + 1) == ARGV[1] .. '|' then redis.call('DEL', KEYS[1]) end
return 1`;

const toNumber = (value: unknown): number =>
  typeof value === 'string' ? Number(value) : Number(value ?? Number.NaN);

/**
 * A {@link RefreshCoordinator} on Redis: across every process using the same Redis (and prefix), one refresh
 * runs per session key; the others wait and read its tokens. Each call is one `EVAL` (a Lua script, atomic):
 * `acquire` takes the lease and reads the record together; `commit` writes only when the stored version
 * is still the lease's, so a holder whose lease expired (a slow or dead process) writes nothing. Pair it
 * with {@link redisTokenStore} on the same client and prefix. Throws a `TypeError` on invalid options.
 *
 * @example
 * ```ts
 * import { createClient } from 'redis';
 * import { redisRefreshCoordinator, redisTokenStore } from 'cognito-flow/redis';
 *
 * const redis = await createClient({ url: process.env.REDIS_URL }).connect();
 * const options = { store: redisTokenStore(redis), coordinator: redisRefreshCoordinator(redis), key: `user:${userId}` };
 * const restored = await auth.restoreSession(options);
 * ```
 */
export function redisRefreshCoordinator(
  client: unknown,
  options: RedisRefreshCoordinatorOptions = {},
): RefreshCoordinator {
  const settings = redisSettings(client, options);
  const { leaseTtlMs, waitTimeoutMs } = leaseTimings(options);
  const ttl = String(recordTtlSeconds(options.ttlSeconds, 'Redis'));
  const ttlMs = String(Math.ceil(leaseTtlMs));
  const script = (source: string, key: string, ...args: string[]) => {
    const keys = redisKeys(settings.prefix, key);
    return redisCommand(settings, ['EVAL', source, '2', keys.lease, keys.record, ...args]);
  };
  return {
    leaseTtlMs,
    waitTimeoutMs,
    read: (key) => readRecord(settings, key),
    async acquire(key): Promise<LeaseAttempt> {
      const owner = newOwnerId();
      const reply = await script(ACQUIRE_SCRIPT, key, owner, ttlMs);
      if (!Array.isArray(reply) || reply.length !== 5) {
        throw tokenStoreError('Redis answered the lease script with something unexpected');
      }
      const record = recordFrom(reply[1], reply[2]);
      if (toNumber(reply[0]) !== 1) {
        return { acquired: false, record, retryInMs: pollDelay(toNumber(reply[3])) };
      }
      return {
        acquired: true,
        lease: { key, owner, version: record?.version ?? 0 },
        record,
        tookOver: toNumber(reply[4]) === 1,
      };
    },
    async commit(lease: RefreshLease, value: object): Promise<boolean> {
      let data: string;
      try {
        data = encodeValue(value);
      } catch (error) {
        throw tokenStoreError((error as Error).message);
      }
      const reply = await script(COMMIT_SCRIPT, lease.key, lease.owner, String(lease.version), data, ttl);
      if (isNil(reply)) throw tokenStoreError('Redis answered the commit script with nothing');
      return toNumber(reply) === 1;
    },
    async release(lease: RefreshLease): Promise<void> {
      await script(RELEASE_SCRIPT, lease.key, lease.owner);
    },
  };
}
