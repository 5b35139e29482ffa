import type { IdentityIdStore } from '../identity/identity-id-store.js';
import { tokenStoreError } from '../tokens/stores/token-store.js';
import { isNil, type RedisStoreOptions, redisCommand, redisSettings } from './redis-client.js';

/** An identity id as Cognito writes it: `<region>:<uuid>`. */
const IDENTITY_ID = /^[\w-]+:[0-9a-f-]{36}$/;

/**
 * An {@link IdentityIdStore} on Redis: each user's identity id under `<prefix>identity:<key>`, so a fleet
 * skips GetId after any of its processes has asked once. A stored value that is not an identity id makes
 * `get` reject with a `TokenStore` error. Throws a `TypeError` on invalid options.
 *
 * @example
 * ```ts
 * const pool = IdentityPool.create({ identityPoolId, identityIdStore: redisIdentityIdStore(redis) });
 * ```
 */
export function redisIdentityIdStore(client: unknown, options: RedisStoreOptions = {}): IdentityIdStore {
  const settings = redisSettings(client, options);
  const keyOf = (key: string) => `${settings.prefix}identity:${key}`;
  return {
    get: async (key) => {
      const value = await redisCommand(settings, ['GET', keyOf(key)]);
      if (isNil(value)) return undefined;
      if (typeof value !== 'string' || value.length > 128 || !IDENTITY_ID.test(value)) {
        throw tokenStoreError('The stored identity id is malformed');
      }
      return value;
    },
    set: async (key, identityId) => {
      await redisCommand(settings, ['SET', keyOf(key), identityId]);
    },
    delete: async (key) => {
      await redisCommand(settings, ['DEL', keyOf(key)]);
    },
  };
}
