/** Nesting deeper than this is never a step (the deepest, WEB_AUTHN's options, needs about six levels). */
const MAX_DEPTH = 32;

/**
 * Whether a parsed JSON-like value stays within `limit` "characters" — those of its strings and keys,
 * plus one per value — and {@link MAX_DEPTH} levels of nesting. Walks iteratively and stops as soon as
 * the budget is spent, so a huge or deeply nested value costs at most `limit` steps and no stack.
 *
 * @example
 * ```ts
 * jsonSizeWithin({ step: 'SMS_MFA', session: 'x'.repeat(100) }, 64 * 1024); // true
 * ```
 */
export function jsonSizeWithin(value: unknown, limit: number): boolean {
  let budget = limit;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    budget -= 1;
    if (typeof current === 'string') budget -= current.length;
    else if (typeof current === 'object' && current !== null) {
      if (depth >= MAX_DEPTH) return false;
      if (Array.isArray(current)) {
        budget -= current.length;
        if (budget < 0) return false;
        for (const item of current) stack.push([item, depth + 1]);
      } else {
        // for…in rather than Object.keys: a million-key object is refused after `limit` keys, not listed.
        for (const key in current) {
          if (!Object.hasOwn(current, key)) continue;
          budget -= key.length + 1;
          if (budget < 0) return false;
          stack.push([(current as Record<string, unknown>)[key], depth + 1]);
        }
      }
    }
    if (budget < 0) return false;
  }
  return true;
}
