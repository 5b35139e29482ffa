/**
 * A partial expectation of an SDK input: any subset of its fields, nested objects partial too.
 *
 * @example
 * ```ts
 * const expected: PartialInput<InitiateAuthCommandInput> = { AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'alice' } };
 * ```
 */
export type PartialInput<T> = T extends readonly (infer U)[]
  ? readonly PartialInput<U>[]
  : T extends Date
    ? T
    : T extends object
      ? { readonly [K in keyof T]?: PartialInput<T[K]> }
      : T;

/**
 * Whether `actual` has every field of `expected` with an equal value (objects compared field by field
 * and partially, arrays element by element and in full length, everything else with `Object.is`).
 *
 * @example
 * ```ts
 * matchesPartially({ a: 1, b: { c: 2, d: 3 } }, { b: { c: 2 } }); // true
 * ```
 */
export function matchesPartially(actual: unknown, expected: unknown): boolean {
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((item, index) => matchesPartially(actual[index], item))
    );
  }
  if (expected instanceof Date) return actual instanceof Date && actual.getTime() === expected.getTime();
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null) return false;
    return Object.entries(expected).every(([key, value]) =>
      matchesPartially((actual as Record<string, unknown>)[key], value),
    );
  }
  return Object.is(actual, expected);
}
