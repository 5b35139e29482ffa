import type { VersionedRecord } from '../tokens/fleet/refresh-coordinator.js';
import { decodeRecord } from '../tokens/fleet/versioned-record.js';
import { tokenStoreError } from '../tokens/stores/token-store.js';
import { isNil, type RedisSettings, redisCommand, redisKeys } from './redis-client.js';

/**
 * Checks a record's two fields as Redis returned them, rejecting with a `TokenStore` error when they are not
 * what this library writes.
 *
 * @example
 * ```ts
 * const record = recordFrom(reply[0], reply[1]);
 * ```
 */
export function recordFrom(version: unknown, data: unknown): VersionedRecord | undefined {
  try {
    return decodeRecord(isNil(version) ? undefined : version, isNil(data) ? undefined : data);
  } catch (error) {
    throw tokenStoreError(`Redis holds an unusable session record: ${(error as Error).message}`);
  }
}

/**
 * Reads one record in one round trip (`HMGET v data`).
 *
 * @example
 * ```ts
 * const record = await readRecord(settings, 'user-1'); // { value, version } or undefined
 * ```
 */
export async function readRecord(settings: RedisSettings, key: string): Promise<VersionedRecord | undefined> {
  const reply = await redisCommand(settings, ['HMGET', redisKeys(settings.prefix, key).record, 'v', 'data']);
  if (!Array.isArray(reply) || reply.length !== 2)
    throw tokenStoreError('Redis answered HMGET with something else than two fields');
  return recordFrom(reply[0], reply[1]);
}
