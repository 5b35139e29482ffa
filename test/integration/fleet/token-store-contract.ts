import { expect, it } from 'vitest';
import type { TokenStore } from '../../../src/tokens/stores/token-store.js';

const tokens = (label: string) => ({
  idToken: `id.${label}`,
  accessToken: `access.${label}`,
  refreshToken: `refresh.${label}`,
  expiresAt: 1_900_000_000_000,
  tokenType: 'Bearer',
});

/** The TokenStore contract: every store (memory, file, Redis, DynamoDB) passes these. */
export function tokenStoreContract(make: () => Promise<TokenStore> | TokenStore): void {
  it('get of a key never written answers undefined', async () => {
    const store = await make();
    expect(await store.get('nobody')).toBeUndefined();
  });

  it('set then get gives back an equal copy; a second set replaces it', async () => {
    const store = await make();
    await store.set('user-1', tokens('a'));
    expect(await store.get('user-1')).toEqual(tokens('a'));
    await store.set('user-1', tokens('b'));
    expect(await store.get('user-1')).toEqual(tokens('b'));
  });

  it('keys are independent, including ones with braces, colons, unicode and "__proto__"', async () => {
    const store = await make();
    const keys = ['a', 'a:b', '{tag}x', 'ünï', '__proto__'];
    await Promise.all(keys.map((key) => store.set(key, tokens(key))));
    for (const key of keys) expect(await store.get(key)).toEqual(tokens(key));
    await store.delete('a');
    expect(await store.get('a')).toBeUndefined();
    expect(await store.get('a:b')).toEqual(tokens('a:b'));
  });

  it('delete removes the entry; deleting a missing key succeeds', async () => {
    const store = await make();
    await store.set('gone', tokens('g'));
    await store.delete('gone');
    expect(await store.get('gone')).toBeUndefined();
    await expect(Promise.resolve().then(() => store.delete('never-there'))).resolves.toBeUndefined();
  });

  it('20 concurrent sets of different keys all land', async () => {
    const store = await make();
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.set(`k${i}`, tokens(String(i)))));
    for (let i = 0; i < 20; i += 1) expect(await store.get(`k${i}`)).toEqual(tokens(String(i)));
  });

  it('a value that cannot be stored as JSON is refused at set, and the previous value stays', async () => {
    const store = await make();
    await store.set('c', tokens('c'));
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    await expect(Promise.resolve().then(() => store.set('c', circular))).rejects.toBeTruthy();
    expect(await store.get('c')).toEqual(tokens('c'));
  });
}
