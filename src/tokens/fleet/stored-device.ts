import type { DeviceSecrets } from '../../auth/devices/device-store.js';
import { tokenStoreError } from '../stores/token-store.js';

const MAX_DEVICE_CHARS = 4096;
const nonEmpty = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= 1024;

/**
 * Parses stored device secrets (untrusted: size-checked before parsing), throwing a `TokenStore` error when
 * they are not what this library writes.
 *
 * @example
 * ```ts
 * const secrets = parseStoredDevice(text); // DeviceSecrets
 * ```
 */
export function parseStoredDevice(text: unknown): DeviceSecrets {
  if (typeof text !== 'string' || text.length > MAX_DEVICE_CHARS)
    throw tokenStoreError('The stored device secrets are malformed');
  let v: Record<string, unknown>;
  try {
    v = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw tokenStoreError('The stored device secrets are malformed');
  }
  if (
    typeof v !== 'object' ||
    v === null ||
    !nonEmpty(v.deviceKey) ||
    !nonEmpty(v.deviceGroupKey) ||
    !nonEmpty(v.devicePassword)
  ) {
    throw tokenStoreError('The stored device secrets are malformed');
  }
  return { deviceKey: v.deviceKey, deviceGroupKey: v.deviceGroupKey, devicePassword: v.devicePassword };
}
