import { makeError } from '../../errors/make-error.js';
import type { TokenStoreError } from '../../errors/types.js';

/**
 * Where a {@link Session} keeps its tokens (and, through {@link deviceStoreFromTokenStore}, where the
 * remembered-device secrets can live too): a small key-value store of JSON-serialisable objects.
 * Methods may be synchronous or return promises; a method that throws or rejects makes the session
 * answer with a `TokenStore` error (a thrown `TokenStore` error is passed on as it is).
 *
 * `get` returns what `set` stored under the key, or `undefined`. The session checks the shape of what it
 * reads, so a store may hand back parsed JSON from anywhere (a file, `localStorage`, a database row).
 *
 * @example
 * ```ts
 * const redisStore: TokenStore = {
 *   get: async (key) => JSON.parse((await redis.get(`tokens:${key}`)) ?? 'null') ?? undefined,
 *   set: async (key, value) => { await redis.set(`tokens:${key}`, JSON.stringify(value)); },
 *   delete: async (key) => { await redis.del(`tokens:${key}`); },
 * };
 * ```
 */
export interface TokenStore {
  get(key: string): unknown;
  set(key: string, value: object): void | Promise<void>;
  delete(key: string): void | Promise<void>;
}

/**
 * Builds a `TokenStore` error; `cause` stays non-enumerable.
 *
 * @example
 * ```ts
 * throw tokenStoreError('The token file is corrupt');
 * ```
 */
export function tokenStoreError(message: string, cause?: unknown): TokenStoreError {
  return makeError('TokenStore', message, cause === undefined ? {} : { cause });
}

/**
 * Whether `value` is already a `TokenStore` error (so a store can throw one and have it passed on).
 *
 * @example
 * ```ts
 * const error = isTokenStoreError(thrown) ? thrown : tokenStoreError('The token store failed', thrown);
 * ```
 */
export function isTokenStoreError(value: unknown): value is TokenStoreError {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'TokenStore' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/**
 * Checks that `value` has the three methods of a {@link TokenStore}.
 *
 * @example
 * ```ts
 * if (!isTokenStore(options.store)) return invalid('store must have get, set and delete methods');
 * ```
 */
export function isTokenStore(value: unknown): value is TokenStore {
  if (typeof value !== 'object' || value === null) return false;
  const store = value as Record<string, unknown>;
  return (
    typeof store.get === 'function' && typeof store.set === 'function' && typeof store.delete === 'function'
  );
}
