/**
 * How long to wait before retry number `retry` (1 for the first retry): "full jitter" exponential
 * backoff, a random delay in `[0, min(capMs, baseMs · 2^(retry-1)))`, so many clients throttled at
 * once do not retry in lockstep.
 *
 * @example
 * ```ts
 * await new Promise((resolve) => setTimeout(resolve, backoffDelay(1, 100)));
 * ```
 */
export function backoffDelay(
  retry: number,
  baseMs: number,
  capMs = 20_000,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}
