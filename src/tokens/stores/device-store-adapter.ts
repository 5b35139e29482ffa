import type { DeviceSecrets, DeviceStore } from '../../auth/devices/device-store.js';
import { type TokenStore, tokenStoreError } from './token-store.js';

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

function parseDeviceSecrets(value: unknown): DeviceSecrets | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (!nonEmpty(v.deviceKey) || !nonEmpty(v.deviceGroupKey) || !nonEmpty(v.devicePassword)) return undefined;
  return { deviceKey: v.deviceKey, deviceGroupKey: v.deviceGroupKey, devicePassword: v.devicePassword };
}

/**
 * A {@link DeviceStore} that keeps remembered-device secrets in a {@link TokenStore}, under
 * `prefix + username` (default prefix `device:`), so one store (for example one 0600 file) holds both a
 * user's session and the device that lets them skip MFA. Pick session keys that do not start with the
 * prefix. A malformed entry makes `get` reject with a `TokenStore` error (the sign-in then fails with an
 * `Unexpected` error rather than silently forgetting the device).
 *
 * @example
 * ```ts
 * const store = fileTokenStore(`${homedir()}/.my-cli/session.json`);
 * const auth = AuthClient.create({ userPoolId, clientId, deviceStore: deviceStoreFromTokenStore(store) });
 * ```
 */
export function deviceStoreFromTokenStore(
  store: TokenStore,
  options: { readonly prefix?: string } = {},
): DeviceStore {
  const prefix = options.prefix ?? 'device:';
  return {
    get: async (username) => {
      const value: unknown = await store.get(prefix + username);
      if (value === undefined || value === null) return undefined;
      const secrets = parseDeviceSecrets(value);
      if (!secrets) throw tokenStoreError('The stored device secrets are malformed');
      return secrets;
    },
    set: async (username, secrets) => {
      await store.set(prefix + username, {
        deviceKey: secrets.deviceKey,
        deviceGroupKey: secrets.deviceGroupKey,
        devicePassword: secrets.devicePassword,
      });
    },
    delete: async (username) => {
      await store.delete(prefix + username);
    },
  };
}
