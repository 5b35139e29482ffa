/**
 * Why `value` is not a usable OAuth scope (a non-empty string of printable characters without spaces,
 * RFC 6749 §3.3), or `undefined` when it is.
 *
 * @example
 * ```ts
 * scopeProblem('orders/read'); // undefined
 * scopeProblem('a b'); // 'is not a single scope (no spaces or quotes)'
 * ```
 */
export function scopeProblem(value: unknown): string | undefined {
  if (typeof value !== 'string' || value === '') return 'is not a non-empty string';
  return /^[\x21\x23-\x5B\x5D-\x7E]+$/.test(value)
    ? undefined
    : 'is not a single scope (no spaces or quotes)';
}

/**
 * The cache key of a scope set: sorted, without duplicates, space-separated — so `['b', 'a']` and
 * `['a', 'b', 'a']` share one cached client-credentials token.
 *
 * @example
 * ```ts
 * scopeKey(['orders/write', 'orders/read', 'orders/read']); // 'orders/read orders/write'
 * ```
 */
export function scopeKey(scopes: readonly string[]): string {
  return [...new Set(scopes)].sort().join(' ');
}
