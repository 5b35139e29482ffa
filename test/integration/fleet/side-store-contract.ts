import { expect, it } from 'vitest';
import type { DeviceStore } from '../../../src/auth/devices/device-store.js';
import type { IdentityIdStore } from '../../../src/identity/identity-id-store.js';

const device = { deviceKey: 'us-east-1_dev-1', deviceGroupKey: '-group', devicePassword: 'device-password' };

/** The DeviceStore contract: memory, Redis and DynamoDB device stores pass these. */
export function deviceStoreContract(make: () => Promise<DeviceStore> | DeviceStore): void {
  it('device secrets: absent, set, read back, per user, deleted', async () => {
    const store = await make();
    expect(await store.get('alice')).toBeUndefined();
    await store.set('alice', device);
    await store.set('bob', { ...device, deviceKey: 'us-east-1_dev-2' });
    expect(await store.get('alice')).toEqual(device);
    expect((await store.get('bob'))?.deviceKey).toBe('us-east-1_dev-2');
    await store.delete('alice');
    expect(await store.get('alice')).toBeUndefined();
  });
}

/** The IdentityIdStore contract: memory, Redis and DynamoDB identity-id stores pass these. */
export function identityIdStoreContract(make: () => Promise<IdentityIdStore> | IdentityIdStore): void {
  it('identity ids: absent, set, read back, per key, deleted', async () => {
    const store = await make();
    const id = 'us-east-1:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
    expect(await store.get('alice')).toBeUndefined();
    await store.set('alice', id);
    expect(await store.get('alice')).toBe(id);
    expect(await store.get('bob')).toBeUndefined();
    await store.delete('alice');
    expect(await store.get('alice')).toBeUndefined();
  });
}
