import type { DeviceType } from '@aws-sdk/client-cognito-identity-provider';
import { errAsync, ResultAsync } from 'neverthrow';
import { fromAttributeList } from '../../attributes/format.js';
import type { AttributeMap } from '../../attributes/types.js';
import { makeError } from '../../errors/make-error.js';
import { narrowError } from '../../errors/narrow.js';
import type { UnexpectedError } from '../../errors/types.js';
import { ACCOUNT_ERRORS, type AccountError } from '../account/account-errors.js';
import type { AuthContext } from '../context.js';
import { loadDevice } from '../flows/sign-in.js';

/**
 * The errors of the device calls (`rememberDevice`, `forgetDevice`, `listDevices`): those of any call
 * authorised by the user's access token.
 *
 * @example
 * ```ts
 * if (result.isErr() && result.error.type === 'NotAuthorized') await session.refresh();
 * ```
 */
export type DeviceError = AccountError;

const DEVICE_ERRORS = ACCOUNT_ERRORS;

/**
 * A device of the signed-in user, as ListDevices reports it.
 *
 * @example
 * ```ts
 * const names = devices.map((device: Device) => device.name ?? device.deviceKey);
 * ```
 */
export interface Device {
  readonly deviceKey: string;
  /** The name given at confirmation (`device_name` attribute). */
  readonly name?: string;
  /** `remembered` or `not_remembered` (`device_status` attribute), when set. */
  readonly rememberedStatus?: string;
  readonly createdAt?: Date;
  readonly lastModifiedAt?: Date;
  readonly lastAuthenticatedAt?: Date;
  readonly attributes: AttributeMap;
}

/**
 * A page of devices.
 *
 * @example
 * ```ts
 * const page: DevicePage = (await auth.listDevices({ accessToken }))._unsafeUnwrap();
 * ```
 */
export interface DevicePage {
  readonly devices: readonly Device[];
  /** Pass to the next `listDevices` call to get the next page. */
  readonly paginationToken?: string;
}

function requireToken(accessToken: unknown): string | undefined {
  return typeof accessToken === 'string' && accessToken.length > 0 ? accessToken : undefined;
}

/**
 * Marks the device remembered for `username` (UpdateDeviceStatus), so later sign-ins from it can skip MFA.
 * With `remembered: false` it marks it not remembered.
 *
 * @example
 * ```ts
 * await rememberDevice(context, { username: 'alice', accessToken, remembered: true });
 * ```
 */
export function rememberDevice(
  context: AuthContext,
  input: { readonly username: string; readonly accessToken: string; readonly remembered?: boolean },
): ResultAsync<void, DeviceError> {
  const accessToken = requireToken(input?.accessToken);
  if (!accessToken) return errAsync(makeError('InvalidParameter', 'accessToken must be a non-empty string'));
  return loadDevice(context, input.username)
    .andThen((device) => {
      if (!device) {
        return errAsync(makeError('InvalidParameter', 'No device is stored for this user: sign in first'));
      }
      return context.transport(
        'UpdateDeviceStatus',
        {
          AccessToken: accessToken,
          DeviceKey: device.deviceKey,
          DeviceRememberedStatus: input.remembered === false ? 'not_remembered' : 'remembered',
        },
        { secrets: [accessToken, device.deviceKey] },
      );
    })
    .map(() => undefined)
    .mapErr((error) => narrowError(error, DEVICE_ERRORS));
}

/**
 * Forgets a device (ForgetDevice): the user's stored device by default, or any device by `deviceKey`
 * (e.g. one from `listDevices`). The stored secrets are deleted when they belong to that device.
 *
 * @example
 * ```ts
 * await forgetDevice(context, { username: 'alice', accessToken });
 * ```
 */
export function forgetDevice(
  context: AuthContext,
  input: { readonly username: string; readonly accessToken: string; readonly deviceKey?: string },
): ResultAsync<void, DeviceError> {
  const accessToken = requireToken(input?.accessToken);
  if (!accessToken) return errAsync(makeError('InvalidParameter', 'accessToken must be a non-empty string'));
  return loadDevice(context, input.username)
    .andThen((stored) => {
      const deviceKey = input.deviceKey ?? stored?.deviceKey;
      if (!deviceKey) return errAsync(makeError('InvalidParameter', 'No device is stored for this user'));
      return (
        context
          .transport(
            'ForgetDevice',
            { AccessToken: accessToken, DeviceKey: deviceKey },
            { secrets: [accessToken, deviceKey] },
          )
          // Delete the secrets only after Cognito forgot the device, so a failure leaves both sides as they were.
          .andThen(() =>
            storeCall(() =>
              stored?.deviceKey === deviceKey ? context.config.deviceStore.delete(input.username) : undefined,
            ),
          )
      );
    })
    .mapErr((error) => narrowError(error, DEVICE_ERRORS));
}

/** Runs a DeviceStore call, turning a throw or rejection into an `Unexpected` error. */
function storeCall(call: () => void | Promise<void>): ResultAsync<void, UnexpectedError> {
  return ResultAsync.fromPromise(Promise.resolve().then(call), (cause) =>
    makeError('Unexpected', 'The device store failed', { cause }),
  );
}

function deviceFromSdk(device: DeviceType): Device | undefined {
  if (!device.DeviceKey) return undefined;
  const attributes = fromAttributeList(device.DeviceAttributes);
  return {
    deviceKey: device.DeviceKey,
    ...(attributes.device_name ? { name: attributes.device_name } : {}),
    ...(attributes.device_status ? { rememberedStatus: attributes.device_status } : {}),
    ...(device.DeviceCreateDate ? { createdAt: device.DeviceCreateDate } : {}),
    ...(device.DeviceLastModifiedDate ? { lastModifiedAt: device.DeviceLastModifiedDate } : {}),
    ...(device.DeviceLastAuthenticatedDate
      ? { lastAuthenticatedAt: device.DeviceLastAuthenticatedDate }
      : {}),
    attributes,
  };
}

/**
 * Lists the signed-in user's devices (ListDevices), a page at a time.
 *
 * @example
 * ```ts
 * const page = await listDevices(context, { accessToken, limit: 20 });
 * ```
 */
export function listDevices(
  context: AuthContext,
  input: { readonly accessToken: string; readonly limit?: number; readonly paginationToken?: string },
): ResultAsync<DevicePage, DeviceError> {
  const accessToken = requireToken(input?.accessToken);
  if (!accessToken) return errAsync(makeError('InvalidParameter', 'accessToken must be a non-empty string'));
  const limit = input.limit;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > 60)) {
    return errAsync(makeError('InvalidParameter', 'limit must be a whole number from 1 to 60'));
  }
  return context
    .transport(
      'ListDevices',
      {
        AccessToken: accessToken,
        ...(limit !== undefined ? { Limit: limit } : {}),
        ...(input.paginationToken ? { PaginationToken: input.paginationToken } : {}),
      },
      { secrets: [accessToken] },
    )
    .map((output) => ({
      devices: (output?.Devices ?? []).flatMap((device) => deviceFromSdk(device) ?? []),
      ...(output?.PaginationToken ? { paginationToken: output.PaginationToken } : {}),
    }))
    .mapErr((error) => narrowError(error, DEVICE_ERRORS));
}
