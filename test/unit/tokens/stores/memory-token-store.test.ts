import { describe, expect, it } from 'vitest';
import { memoryTokenStore } from '../../../../src/tokens/stores/memory-token-store.js';

describe('memoryTokenStore', () => {
  it('gets what was set, per key, and nothing after delete', async () => {
    const store = memoryTokenStore();
    await store.set('a', { n: 1 });
    await store.set('b', { n: 2 });
    expect(await store.get('a')).toEqual({ n: 1 });
    await store.delete('a');
    expect(await store.get('a')).toBeUndefined();
    expect(await store.get('b')).toEqual({ n: 2 });
  });

  it('hands out copies: changing the stored or returned object does not change the store', async () => {
    const store = memoryTokenStore();
    const value = { n: 1 };
    await store.set('a', value);
    value.n = 2;
    const read = (await store.get('a')) as { n: number };
    read.n = 3;
    expect(await store.get('a')).toEqual({ n: 1 });
  });

  it('rejects a value JSON cannot hold, as a persistent store would', () => {
    const store = memoryTokenStore();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => store.set('a', cyclic)).toThrow();
  });

  it('treats "__proto__" as an ordinary key', async () => {
    const store = memoryTokenStore();
    await store.set('__proto__', { n: 1 });
    expect(await store.get('__proto__')).toEqual({ n: 1 });
    expect(await store.get('constructor')).toBeUndefined();
  });
});
