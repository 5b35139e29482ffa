import { describe, expect, it } from 'vitest';
import { memoryIdentityIdStore } from '../../../src/identity/index.js';

describe('memoryIdentityIdStore', () => {
  it('returns undefined for a key it does not hold', () => {
    expect(memoryIdentityIdStore().get('missing')).toBeUndefined();
  });

  it('returns what was set, synchronously', () => {
    const store = memoryIdentityIdStore();
    store.set('user-a', 'us-east-1:aaaa');
    expect(store.get('user-a')).toBe('us-east-1:aaaa');
  });

  it('keeps keys apart', () => {
    const store = memoryIdentityIdStore();
    store.set('user-a', 'us-east-1:aaaa');
    store.set('user-b', 'us-east-1:bbbb');
    expect(store.get('user-a')).toBe('us-east-1:aaaa');
    expect(store.get('user-b')).toBe('us-east-1:bbbb');
  });

  it('overwrites a key that is set again', () => {
    const store = memoryIdentityIdStore();
    store.set('user-a', 'us-east-1:old');
    store.set('user-a', 'us-east-1:new');
    expect(store.get('user-a')).toBe('us-east-1:new');
  });

  it('forgets a deleted key and ignores deleting an unknown one', () => {
    const store = memoryIdentityIdStore();
    store.set('user-a', 'us-east-1:aaaa');
    store.delete('user-a');
    store.delete('never-set');
    expect(store.get('user-a')).toBeUndefined();
  });

  it('does not share state between stores', () => {
    const one = memoryIdentityIdStore();
    const two = memoryIdentityIdStore();
    one.set('user-a', 'us-east-1:aaaa');
    expect(two.get('user-a')).toBeUndefined();
  });

  it('evicts the oldest entry when it grows past maxEntries', () => {
    const store = memoryIdentityIdStore(3);
    store.set('a', '1');
    store.set('b', '2');
    store.set('c', '3');
    expect(store.get('a')).toBe('1');

    store.set('d', '4');

    expect(store.get('a')).toBeUndefined();
    expect(store.get('b')).toBe('2');
    expect(store.get('c')).toBe('3');
    expect(store.get('d')).toBe('4');
  });

  it('keeps evicting in insertion order', () => {
    const store = memoryIdentityIdStore(2);
    for (const key of ['a', 'b', 'c', 'd', 'e']) store.set(key, `id-${key}`);
    expect(['a', 'b', 'c', 'd', 'e'].map((key) => store.get(key))).toEqual([
      undefined,
      undefined,
      undefined,
      'id-d',
      'id-e',
    ]);
  });

  it('treats a key set again as the newest, so it outlives older ones', () => {
    const store = memoryIdentityIdStore(2);
    store.set('a', '1');
    store.set('b', '2');
    store.set('a', '1-again');

    store.set('c', '3');

    expect(store.get('b')).toBeUndefined();
    expect(store.get('a')).toBe('1-again');
    expect(store.get('c')).toBe('3');
  });

  it('does not evict when overwriting an existing key at capacity', () => {
    const store = memoryIdentityIdStore(2);
    store.set('a', '1');
    store.set('b', '2');
    store.set('b', '2-again');
    expect(store.get('a')).toBe('1');
    expect(store.get('b')).toBe('2-again');
  });

  it('frees room when a key is deleted', () => {
    const store = memoryIdentityIdStore(2);
    store.set('a', '1');
    store.set('b', '2');
    store.delete('b');
    store.set('c', '3');
    expect(store.get('a')).toBe('1');
    expect(store.get('c')).toBe('3');
  });

  it('holds 10 000 entries by default and evicts the first at 10 001', () => {
    const store = memoryIdentityIdStore();
    for (let i = 0; i < 10_000; i += 1) store.set(`user-${i}`, `id-${i}`);
    expect(store.get('user-0')).toBe('id-0');

    store.set('user-10000', 'id-10000');

    expect(store.get('user-0')).toBeUndefined();
    expect(store.get('user-1')).toBe('id-1');
    expect(store.get('user-10000')).toBe('id-10000');
  });
});
