/**
 * Sets `target[key] = value` as an own, enumerable property — also for `__proto__`, which a plain
 * assignment would treat as the prototype setter (and so silently drop).
 *
 * @example
 * ```ts
 * const out: Record<string, string> = {};
 * setOwn(out, '__proto__', 'x'); // Object.keys(out) → ['__proto__']
 * ```
 */
export function setOwn(target: Record<string, string>, key: string, value: string): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
