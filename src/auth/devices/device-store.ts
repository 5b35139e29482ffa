/**
 * What Cognito and the client share about a remembered device. All three are secrets: they let
 * their holder skip MFA for the user. cognito-flow never logs them or puts them in an error.
 *
 * @example
 * ```ts
 * const secrets: DeviceSecrets = { deviceKey: 'eu-west-1_…', deviceGroupKey: '-abc…', devicePassword: '…' };
 * ```
 */
export interface DeviceSecrets {
  readonly deviceKey: string;
  readonly deviceGroupKey: string;
  readonly devicePassword: string;
}

/**
 * Where the {@link AuthClient} keeps device secrets, per user name as typed at sign-in. Methods may be
 * synchronous or return promises. In a browser, back it with storage the page controls; on a server,
 * with the user's own record (never a shared cache without encryption).
 *
 * @example
 * ```ts
 * const store: DeviceStore = {
 *   get: (username) => db.devices.find(username),
 *   set: (username, secrets) => db.devices.upsert(username, secrets),
 *   delete: (username) => db.devices.remove(username),
 * };
 * ```
 */
export interface DeviceStore {
  get(username: string): DeviceSecrets | undefined | Promise<DeviceSecrets | undefined>;
  set(username: string, secrets: DeviceSecrets): void | Promise<void>;
  delete(username: string): void | Promise<void>;
}

/**
 * An in-memory {@link DeviceStore} (the default): devices are remembered for the life of the process.
 *
 * @example
 * ```ts
 * const auth = AuthClient.create({ userPoolId, clientId, deviceStore: memoryDeviceStore() });
 * ```
 */
export function memoryDeviceStore(): DeviceStore {
  const devices = new Map<string, DeviceSecrets>();
  return {
    get: (username) => devices.get(username),
    set: (username, secrets) => {
      devices.set(username, secrets);
    },
    delete: (username) => {
      devices.delete(username);
    },
  };
}
