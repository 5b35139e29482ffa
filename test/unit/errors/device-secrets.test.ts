import { inspect } from 'node:util';
import {
  CognitoIdentityProviderClient,
  ConfirmDeviceCommand,
  type ConfirmDeviceCommandInput,
  ForgetDeviceCommand,
  InitiateAuthCommand,
  NotAuthorizedException,
  RespondToAuthChallengeCommand,
  type RespondToAuthChallengeCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthClient, memoryDeviceStore } from '../../../src/index.js';
import { fakeAccessToken, fakeIdToken } from '../../support/jwt.js';

/**
 * moto does not track devices, so the device part of the secrets check runs here, on aws-sdk-client-mock,
 * against a hostile Cognito that echoes every input it gets into its error messages.
 */
const cognito = mockClient(CognitoIdentityProviderClient);
const userPoolId = 'eu-west-1_AbC123';
const clientId = 'client1';
const clientSecret = 'device-test-client-secret';
const password = 'Hunter2-Correct!';
const deviceKey = 'eu-west-1_0d3f1c2e-device-key';
const deviceGroupKey = '-groupKeyAbc';
const devicePassword = Buffer.from('a device password of forty bytes, random').toString('base64');
const accessToken = fakeAccessToken('alice');
const meta = { $metadata: { requestId: 'req-d', httpStatusCode: 400 } };
const echo = (input: unknown) =>
  new NotAuthorizedException({ message: `echo ${JSON.stringify(input)}`, ...meta });

const secrets = new Set<string>([clientSecret, password, devicePassword, accessToken]);
const keep = (value: string | undefined) => {
  if (typeof value === 'string' && value.length >= 8) secrets.add(value);
};

function printed(value: unknown): string {
  const out: string[] = [];
  let current: unknown = value;
  for (let depth = 0; depth < 8 && typeof current === 'object' && current !== null; depth += 1) {
    out.push(
      JSON.stringify(current) ?? '',
      inspect(current, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    );
    const fields = current as { stack?: unknown; message?: unknown; cause?: unknown };
    out.push(String(current), String(fields.stack ?? ''), String(fields.message ?? ''));
    current = fields.cause;
  }
  return out.join('\n');
}

const leaksIn = (text: string) =>
  [...secrets].filter((secret) => text.includes(secret)).map((s) => s.slice(0, 8));

let randomSpy: ReturnType<typeof vi.spyOn> | undefined;
beforeEach(() => {
  cognito.reset();
  const original = globalThis.crypto.getRandomValues.bind(globalThis.crypto);
  randomSpy = vi
    .spyOn(globalThis.crypto, 'getRandomValues')
    .mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      const filled = original(array as never) as unknown as T;
      if (filled && filled.byteLength >= 32) {
        const bytes = Buffer.from(filled.buffer, filled.byteOffset, filled.byteLength);
        keep(bytes.toString('hex').replace(/^0+/, ''));
        keep(bytes.toString('base64'));
      }
      return filled;
    });
});
afterEach(() => randomSpy?.mockRestore());

function authWith(store = memoryDeviceStore()) {
  return AuthClient.create({ userPoolId, clientId, clientSecret, deviceStore: store })._unsafeUnwrap();
}

describe('device secrets never reach an error (a Cognito that echoes its input)', () => {
  it('a device sign-in whose DEVICE_PASSWORD_VERIFIER answer is refused: no device password, signature, session, SECRET_HASH or SRP secret in the error', async () => {
    const store = memoryDeviceStore();
    await store.set('alice', { deviceKey, deviceGroupKey, devicePassword });
    cognito.on(InitiateAuthCommand).callsFake((input) => {
      for (const value of Object.values(input.AuthParameters ?? {}))
        if (value !== 'alice') keep(String(value));
      return {
        ChallengeName: 'DEVICE_SRP_AUTH',
        Session: 'device-session-one-123456',
        ChallengeParameters: { USERNAME: 'internal-alice' },
      };
    });
    keep('device-session-one-123456');
    keep('device-session-two-123456');
    cognito.on(RespondToAuthChallengeCommand, { ChallengeName: 'DEVICE_SRP_AUTH' }).resolves({
      ChallengeName: 'DEVICE_PASSWORD_VERIFIER',
      Session: 'device-session-two-123456',
      ChallengeParameters: {
        SRP_B: 'ab'.repeat(64),
        SALT: 'cd'.repeat(16),
        SECRET_BLOCK: Buffer.from('secret block').toString('base64'),
        USERNAME: 'internal-alice',
      },
    });
    cognito
      .on(RespondToAuthChallengeCommand, { ChallengeName: 'DEVICE_PASSWORD_VERIFIER' })
      .callsFake((input: RespondToAuthChallengeCommandInput) => {
        keep(input.ChallengeResponses?.PASSWORD_CLAIM_SIGNATURE);
        keep(input.ChallengeResponses?.SECRET_HASH);
        throw echo(input);
      });
    const result = await authWith(store).signIn({ username: 'alice', password, flow: 'USER_PASSWORD_AUTH' });
    const error = result._unsafeUnwrapErr();
    expect(error.type).toBe('NotAuthorized');
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)).toHaveLength(2);
    expect(leaksIn(printed(error))).toEqual([]);
  });

  it('a ConfirmDevice that is refused leaves no verifier, device password or token in the step, and stores nothing', async () => {
    const store = memoryDeviceStore();
    cognito.on(InitiateAuthCommand).resolves({
      AuthenticationResult: {
        IdToken: fakeIdToken('alice'),
        AccessToken: accessToken,
        RefreshToken: 'refresh-token-value-123',
        ExpiresIn: 3600,
        TokenType: 'Bearer',
        NewDeviceMetadata: { DeviceKey: deviceKey, DeviceGroupKey: deviceGroupKey },
      },
    });
    cognito.on(ConfirmDeviceCommand).callsFake((input: ConfirmDeviceCommandInput) => {
      keep(input.DeviceSecretVerifierConfig?.PasswordVerifier);
      throw echo(input);
    });
    const step = (
      await authWith(store).signIn({ username: 'alice', password, flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrap();
    expect(step).toMatchObject({ step: 'SIGNED_IN', newDevice: { confirmed: false } });
    // The step holds the tokens by design; everything but them must be free of secrets.
    const { tokens: _tokens, ...rest } = step as typeof step & { tokens?: unknown };
    expect(leaksIn(printed(rest))).toEqual([]);
    expect(await store.get('alice')).toBeUndefined();
  });

  it('a refused ForgetDevice: no access token in the error', async () => {
    const store = memoryDeviceStore();
    await store.set('alice', { deviceKey, deviceGroupKey, devicePassword });
    cognito.on(ForgetDeviceCommand).callsFake((input) => {
      throw echo(input);
    });
    const error = (await authWith(store).forgetDevice({ username: 'alice', accessToken }))._unsafeUnwrapErr();
    expect(error.type).toBe('NotAuthorized');
    expect(leaksIn(printed(error))).toEqual([]);
  });
});
