import { describe, expect, it } from 'vitest';
import { deviceStoreFromTokenStore } from '../../../../src/tokens/stores/device-store-adapter.js';
import { memoryTokenStore } from '../../../../src/tokens/stores/memory-token-store.js';

const secrets = { deviceKey: 'eu-west-1_dev', deviceGroupKey: '-group', devicePassword: 'device-password' };

describe('deviceStoreFromTokenStore', () => {
  it('keeps device secrets in the token store under device:<username>, next to the session', async () => {
    const store = memoryTokenStore();
    await store.set('tokens', { idToken: 'x' });
    const devices = deviceStoreFromTokenStore(store);
    await devices.set('alice@example.com', secrets);
    expect(await store.get('device:alice@example.com')).toEqual(secrets);
    expect(await devices.get('alice@example.com')).toEqual(secrets);
    expect(await devices.get('bob')).toBeUndefined();
    await devices.delete('alice@example.com');
    expect(await store.get('device:alice@example.com')).toBeUndefined();
    expect(await store.get('tokens')).toEqual({ idToken: 'x' });
  });

  it('uses a custom prefix', async () => {
    const store = memoryTokenStore();
    await deviceStoreFromTokenStore(store, { prefix: 'dev/' }).set('alice', secrets);
    expect(await store.get('dev/alice')).toEqual(secrets);
  });

  it('stores only the three secrets, whatever else the object carries', async () => {
    const store = memoryTokenStore();
    await deviceStoreFromTokenStore(store).set('alice', { ...secrets, extra: 'no' } as typeof secrets);
    expect(await store.get('device:alice')).toEqual(secrets);
  });

  it('a malformed entry rejects with a TokenStore error', async () => {
    const store = memoryTokenStore();
    await store.set('device:alice', { deviceKey: 'only-this' });
    await expect(deviceStoreFromTokenStore(store).get('alice')).rejects.toMatchObject({ type: 'TokenStore' });
  });
});
