import { inspect } from 'node:util';
import {
  CognitoIdentityProviderClient,
  ConfirmDeviceCommand,
  ForgetDeviceCommand,
  InitiateAuthCommand,
  InvalidParameterException,
  ListDevicesCommand,
  NotAuthorizedException,
  UpdateDeviceStatusCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuthClient, type DeviceSecrets, type DeviceStore, memoryDeviceStore } from '../../../src/index.js';
import { fakeAccessToken, fakeIdToken } from '../../support/jwt.js';

const cognito = mockClient(CognitoIdentityProviderClient);
const userPoolId = 'eu-west-1_AbC123';
const clientId = 'client1';
const password = 'Hunter2-Correct!';
const accessToken = fakeAccessToken('alice');
const meta = { $metadata: { requestId: 'req-d', httpStatusCode: 400 } };
const deviceKey = 'eu-west-1_0d3f1c2e-device-key';
const deviceGroupKey = '-groupKeyAbc';
const newDeviceResult = {
  AuthenticationResult: {
    IdToken: fakeIdToken('alice'),
    AccessToken: accessToken,
    RefreshToken: 'r',
    ExpiresIn: 3600,
    TokenType: 'Bearer',
    NewDeviceMetadata: { DeviceKey: deviceKey, DeviceGroupKey: deviceGroupKey },
  },
};

function client(store: DeviceStore = memoryDeviceStore(), deviceName?: string) {
  return AuthClient.create({
    userPoolId,
    clientId,
    deviceStore: store,
    ...(deviceName ? { deviceName } : {}),
  })._unsafeUnwrap();
}

const stored: DeviceSecrets = { deviceKey, deviceGroupKey, devicePassword: 'stored-device-password-value' };

beforeEach(() => {
  cognito.reset();
});

describe('confirming a new device at sign-in', () => {
  it('sends ConfirmDevice with the access token, device key, name and an SRP verifier, and stores the secrets', async () => {
    const store = memoryDeviceStore();
    cognito.on(InitiateAuthCommand).resolves(newDeviceResult);
    cognito.on(ConfirmDeviceCommand).resolves({ UserConfirmationNecessary: true });
    const step = (
      await client(store).signIn({
        username: 'alice',
        password,
        flow: 'USER_PASSWORD_AUTH',
        deviceName: 'Laptop',
      })
    )._unsafeUnwrap();
    expect(step).toMatchObject({
      step: 'SIGNED_IN',
      newDevice: { confirmed: true, userConfirmationNecessary: true },
    });
    const input = cognito.commandCalls(ConfirmDeviceCommand)[0]?.args[0].input;
    expect(input).toMatchObject({ AccessToken: accessToken, DeviceKey: deviceKey, DeviceName: 'Laptop' });
    expect(input?.DeviceSecretVerifierConfig?.PasswordVerifier).toMatch(/^[A-Za-z0-9+/]+=*$/);
    // 16 random bytes as a padHex integer, as AWS's client sends it: a leading zero byte shortens it, a high bit
    // adds a 0x00 — so 1 to 17 bytes, almost always 16 or 17.
    const saltLength = Buffer.from(input?.DeviceSecretVerifierConfig?.Salt ?? '', 'base64').length;
    expect(saltLength).toBeGreaterThanOrEqual(1);
    expect(saltLength).toBeLessThanOrEqual(17);
    const secrets = await store.get('alice');
    expect(secrets).toMatchObject({ deviceKey, deviceGroupKey });
    expect(secrets?.devicePassword).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it('uses the client deviceName when the sign-in gives none', async () => {
    cognito.on(InitiateAuthCommand).resolves(newDeviceResult);
    cognito.on(ConfirmDeviceCommand).resolves({ UserConfirmationNecessary: false });
    await client(memoryDeviceStore(), 'Kiosk 7').signIn({
      username: 'alice',
      password,
      flow: 'USER_PASSWORD_AUTH',
    });
    expect(cognito.commandCalls(ConfirmDeviceCommand)[0]?.args[0].input.DeviceName).toBe('Kiosk 7');
  });

  it('keeps device secrets out of the step and its JSON', async () => {
    const store = memoryDeviceStore();
    cognito.on(InitiateAuthCommand).resolves(newDeviceResult);
    cognito.on(ConfirmDeviceCommand).resolves({ UserConfirmationNecessary: false });
    const step = (
      await client(store).signIn({ username: 'alice', password, flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrap();
    const json = JSON.stringify(step);
    const secrets = await store.get('alice');
    expect(json).not.toContain(deviceKey);
    expect(json).not.toContain(deviceGroupKey);
    expect(json).not.toContain(secrets?.devicePassword ?? 'missing');
  });

  it('still signs in when ConfirmDevice fails, reporting confirmed: false and storing nothing', async () => {
    const store = memoryDeviceStore();
    cognito.on(InitiateAuthCommand).resolves(newDeviceResult);
    cognito
      .on(ConfirmDeviceCommand)
      .rejects(new InvalidParameterException({ message: 'bad verifier', ...meta }));
    const step = (
      await client(store).signIn({ username: 'alice', password, flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrap();
    expect(step).toMatchObject({
      step: 'SIGNED_IN',
      newDevice: { confirmed: false, userConfirmationNecessary: false, reason: 'InvalidParameter' },
    });
    expect(await store.get('alice')).toBeUndefined();
  });

  it('reports a store that fails as confirmed: false with reason DeviceStore', async () => {
    const failing: DeviceStore = {
      get: () => undefined,
      set: () => Promise.reject(new Error('disk full')),
      delete: () => undefined,
    };
    cognito.on(InitiateAuthCommand).resolves(newDeviceResult);
    cognito.on(ConfirmDeviceCommand).resolves({ UserConfirmationNecessary: false });
    const step = (
      await client(failing).signIn({ username: 'alice', password, flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrap();
    expect(step).toMatchObject({ newDevice: { confirmed: false, reason: 'DeviceStore' } });
  });

  it('sends the stored DEVICE_KEY with the next InitiateAuth', async () => {
    const store = memoryDeviceStore();
    await store.set('alice', stored);
    cognito.on(InitiateAuthCommand).resolves({
      AuthenticationResult: { ...newDeviceResult.AuthenticationResult, NewDeviceMetadata: undefined },
    });
    await client(store).signIn({ username: 'alice', password, flow: 'USER_PASSWORD_AUTH' });
    expect(cognito.commandCalls(InitiateAuthCommand)[0]?.args[0].input.AuthParameters?.DEVICE_KEY).toBe(
      deviceKey,
    );
  });

  it('turns a device store that throws on get into Unexpected, not a throw', async () => {
    const broken: DeviceStore = {
      get: () => {
        throw new Error('boom');
      },
      set: () => undefined,
      delete: () => undefined,
    };
    const error = (
      await client(broken).signIn({ username: 'alice', password, flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrapErr();
    expect(error.type).toBe('Unexpected');
    expect(cognito.calls()).toHaveLength(0);
  });
});

describe('rememberDevice, forgetDevice, listDevices', () => {
  it('rememberDevice marks the stored device remembered', async () => {
    const store = memoryDeviceStore();
    await store.set('alice', stored);
    cognito.on(UpdateDeviceStatusCommand).resolves({});
    (await client(store).rememberDevice({ username: 'alice', accessToken }))._unsafeUnwrap();
    expect(cognito.commandCalls(UpdateDeviceStatusCommand)[0]?.args[0].input).toEqual({
      AccessToken: accessToken,
      DeviceKey: deviceKey,
      DeviceRememberedStatus: 'remembered',
    });
  });

  it('rememberDevice with remembered: false marks it not remembered', async () => {
    const store = memoryDeviceStore();
    await store.set('alice', stored);
    cognito.on(UpdateDeviceStatusCommand).resolves({});
    await client(store).rememberDevice({ username: 'alice', accessToken, remembered: false });
    expect(cognito.commandCalls(UpdateDeviceStatusCommand)[0]?.args[0].input.DeviceRememberedStatus).toBe(
      'not_remembered',
    );
  });

  it('rememberDevice without a stored device is InvalidParameter, without a request', async () => {
    const error = (await client().rememberDevice({ username: 'alice', accessToken }))._unsafeUnwrapErr();
    expect(error.type).toBe('InvalidParameter');
    expect(cognito.calls()).toHaveLength(0);
  });

  it('rememberDevice with an empty access token is InvalidParameter', async () => {
    expect(
      (await client().rememberDevice({ username: 'alice', accessToken: '' }))._unsafeUnwrapErr().type,
    ).toBe('InvalidParameter');
  });

  it('a rejected access token is NotAuthorized and the device key stays out of the error', async () => {
    const store = memoryDeviceStore();
    await store.set('alice', stored);
    cognito
      .on(UpdateDeviceStatusCommand)
      .rejects(
        new NotAuthorizedException({ message: `Access Token has expired for device ${deviceKey}`, ...meta }),
      );
    const error = (await client(store).rememberDevice({ username: 'alice', accessToken }))._unsafeUnwrapErr();
    expect(error.type).toBe('NotAuthorized');
    for (const text of [error.message, JSON.stringify(error), inspect(error, { depth: 5 })]) {
      expect(text).not.toContain(deviceKey);
      expect(text).not.toContain(accessToken);
    }
  });

  it('forgetDevice forgets the stored device in Cognito and then deletes its secrets', async () => {
    const store = memoryDeviceStore();
    await store.set('alice', stored);
    cognito.on(ForgetDeviceCommand).resolves({});
    (await client(store).forgetDevice({ username: 'alice', accessToken }))._unsafeUnwrap();
    expect(cognito.commandCalls(ForgetDeviceCommand)[0]?.args[0].input).toEqual({
      AccessToken: accessToken,
      DeviceKey: deviceKey,
    });
    expect(await store.get('alice')).toBeUndefined();
  });

  it('forgetDevice keeps the secrets when Cognito fails', async () => {
    const store = memoryDeviceStore();
    await store.set('alice', stored);
    cognito.on(ForgetDeviceCommand).rejects(new NotAuthorizedException({ message: 'expired', ...meta }));
    expect(
      (await client(store).forgetDevice({ username: 'alice', accessToken }))._unsafeUnwrapErr().type,
    ).toBe('NotAuthorized');
    expect(await store.get('alice')).toEqual(stored);
  });

  it('forgetDevice of another device by key leaves the stored one alone', async () => {
    const store = memoryDeviceStore();
    await store.set('alice', stored);
    cognito.on(ForgetDeviceCommand).resolves({});
    await client(store).forgetDevice({ username: 'alice', accessToken, deviceKey: 'eu-west-1_other' });
    expect(cognito.commandCalls(ForgetDeviceCommand)[0]?.args[0].input.DeviceKey).toBe('eu-west-1_other');
    expect(await store.get('alice')).toEqual(stored);
  });

  it('forgetDevice with nothing stored and no key is InvalidParameter, without a request', async () => {
    expect((await client().forgetDevice({ username: 'alice', accessToken }))._unsafeUnwrapErr().type).toBe(
      'InvalidParameter',
    );
    expect(cognito.calls()).toHaveLength(0);
  });

  it('listDevices maps ListDevices into devices with names, status and dates, and passes paging', async () => {
    const created = new Date('2026-01-02T03:04:05Z');
    cognito.on(ListDevicesCommand).resolves({
      Devices: [
        {
          DeviceKey: 'k1',
          DeviceAttributes: [
            { Name: 'device_name', Value: 'Laptop' },
            { Name: 'device_status', Value: 'remembered' },
          ],
          DeviceCreateDate: created,
          DeviceLastAuthenticatedDate: created,
        },
        { DeviceAttributes: [] },
      ],
      PaginationToken: 'next-page',
    });
    const page = (
      await client().listDevices({ accessToken, limit: 10, paginationToken: 'p1' })
    )._unsafeUnwrap();
    expect(page).toEqual({
      devices: [
        {
          deviceKey: 'k1',
          name: 'Laptop',
          rememberedStatus: 'remembered',
          createdAt: created,
          lastAuthenticatedAt: created,
          attributes: { device_name: 'Laptop', device_status: 'remembered' },
        },
      ],
      paginationToken: 'next-page',
    });
    expect(cognito.commandCalls(ListDevicesCommand)[0]?.args[0].input).toEqual({
      AccessToken: accessToken,
      Limit: 10,
      PaginationToken: 'p1',
    });
  });

  it.each([0, 61, 1.5])(
    'listDevices rejects limit %s with InvalidParameter, without a request',
    async (limit) => {
      expect((await client().listDevices({ accessToken, limit }))._unsafeUnwrapErr().type).toBe(
        'InvalidParameter',
      );
      expect(cognito.calls()).toHaveLength(0);
    },
  );
});
