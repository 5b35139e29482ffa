import type { TokenStore } from './token-store.js';

/**
 * A {@link TokenStore} in memory, for the life of the process (or page). Values are stored as JSON
 * text, so what `get` returns is a copy that later changes to the stored object cannot reach, and a
 * value that cannot be serialised fails at `set`, as it would with any persistent store.
 *
 * @example
 * ```ts
 * const store = memoryTokenStore();
 * const session = auth.session(step.tokens, { store });
 * ```
 */
export function memoryTokenStore(): TokenStore {
  const entries = new Map<string, string>();
  return {
    get: (key) => {
      const json = entries.get(key);
      return json === undefined ? undefined : (JSON.parse(json) as unknown);
    },
    set: (key, value) => {
      entries.set(key, JSON.stringify(value));
    },
    delete: (key) => {
      entries.delete(key);
    },
  };
}
