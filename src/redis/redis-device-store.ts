import type { DeviceStore } from '../auth/devices/device-store.js';
import { parseStoredDevice } from '../tokens/fleet/stored-device.js';
import { isNil, type RedisStoreOptions, redisCommand, redisSettings } from './redis-client.js';

/**
 * A {@link DeviceStore} on Redis: remembered-device secrets under `<prefix>device:<username>`, as JSON. They
 * let their holder skip MFA: use a Redis only your service reaches (TLS, ACLs). A malformed entry makes `get`
 * reject with a `TokenStore` error. Throws a `TypeError` on invalid options.
 *
 * @example
 * ```ts
 * const auth = AuthClient.create({ userPoolId, clientId, deviceStore: redisDeviceStore(redis) });
 * ```
 */
export function redisDeviceStore(client: unknown, options: RedisStoreOptions = {}): DeviceStore {
  const settings = redisSettings(client, options);
  const keyOf = (username: string) => `${settings.prefix}device:${username}`;
  return {
    get: async (username) => {
      const text = await redisCommand(settings, ['GET', keyOf(username)]);
      return isNil(text) ? undefined : parseStoredDevice(text);
    },
    set: async (username, secrets) => {
      const { deviceKey, deviceGroupKey, devicePassword } = secrets;
      await redisCommand(settings, [
        'SET',
        keyOf(username),
        JSON.stringify({ deviceKey, deviceGroupKey, devicePassword }),
      ]);
    },
    delete: async (username) => {
      await redisCommand(settings, ['DEL', keyOf(username)]);
    },
  };
}
