/** Default lifetime of a fleet store's record after its last write: 30 days, in seconds. */
const DEFAULT_TTL_SECONDS = 30 * 24 * 3600;

/**
 * Resolves a fleet store's `ttlSeconds` option (default 30 days; 0: never expires), throwing the
 * constructor's `TypeError` for anything but a whole number of seconds, 0 or more.
 *
 * @example
 * ```ts
 * const ttl = recordTtlSeconds(options.ttlSeconds, 'Redis'); // 2592000
 * ```
 */
export function recordTtlSeconds(ttlSeconds: number | undefined, store: 'Redis' | 'DynamoDB'): number {
  const ttl = ttlSeconds ?? DEFAULT_TTL_SECONDS;
  if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < 0) {
    throw new TypeError(
      `Invalid ${store} store options: ttlSeconds must be a whole number of seconds, 0 or more`,
    );
  }
  return ttl;
}
