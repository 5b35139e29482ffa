/** Order statistics for benchmark samples. */

/**
 * The `q`-quantile (0 ≤ q ≤ 1) of `values`, linearly interpolated between the closest ranks; NaN when empty.
 *
 * @example
 * ```ts
 * quantile([1, 2, 3, 4], 0.9); // 3.7
 * ```
 */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((x, y) => x - y);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return (
    (sorted[low] ?? Number.NaN) +
    ((sorted[high] ?? Number.NaN) - (sorted[low] ?? Number.NaN)) * (position - low)
  );
}

/**
 * The median of `values`.
 *
 * @example
 * ```ts
 * median([3, 1, 2]); // 2
 * ```
 */
export const median = (values: readonly number[]): number => quantile(values, 0.5);

/**
 * Paired ratio: `numerator[i] / denominator[i]` for each round, then the median over rounds — robust to
 * drifts that hit both contenders of a round alike (other work on a shared machine).
 *
 * @example
 * ```ts
 * pairedRatio([2, 4, 6], [1, 2, 2]); // 2
 * ```
 */
export function pairedRatio(numerator: readonly number[], denominator: readonly number[]): number {
  return median(numerator.map((value, i) => value / (denominator[i] ?? Number.NaN)));
}

/**
 * `count` indices in a rotating order for round `round`, so every contender runs first equally often.
 *
 * @example
 * ```ts
 * rotation(1, 3); // [1, 2, 0]
 * ```
 */
export function rotation(round: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => (round + k) % count);
}
