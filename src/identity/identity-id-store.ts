/**
 * Where an {@link IdentityPool} remembers the identity id of each user (and of the guest), so that
 * later credential requests skip GetId. Methods may be synchronous or return promises.
 *
 * @example
 * ```ts
 * const redisStore: IdentityIdStore = {
 *   get: (key) => redis.get(`identity:${key}`).then((v) => v ?? undefined),
 *   set: (key, id) => redis.set(`identity:${key}`, id).then(() => undefined),
 *   delete: (key) => redis.del(`identity:${key}`).then(() => undefined),
 * };
 * ```
 */
export interface IdentityIdStore {
  get(key: string): string | undefined | Promise<string | undefined>;
  set(key: string, identityId: string): void | Promise<void>;
  delete(key: string): void | Promise<void>;
}

/**
 * An in-memory {@link IdentityIdStore} (the default), holding at most `maxEntries` ids
 * (the oldest is dropped first).
 *
 * @example
 * ```ts
 * const pool = IdentityPool.create({ identityPoolId, identityIdStore: memoryIdentityIdStore(10_000) });
 * ```
 */
export function memoryIdentityIdStore(maxEntries = 10_000): IdentityIdStore {
  const ids = new Map<string, string>();
  return {
    get: (key) => ids.get(key),
    set: (key, identityId) => {
      ids.delete(key);
      ids.set(key, identityId);
      if (ids.size > maxEntries) {
        const oldest = ids.keys().next();
        if (!oldest.done) ids.delete(oldest.value);
      }
    },
    delete: (key) => {
      ids.delete(key);
    },
  };
}
