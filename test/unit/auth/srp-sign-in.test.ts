import { createHmac } from 'node:crypto';
import {
  CognitoIdentityProviderClient,
  ConfirmDeviceCommand,
  type ConfirmDeviceCommandInput,
  InitiateAuthCommand,
  type InitiateAuthCommandInput,
  NotAuthorizedException,
  RespondToAuthChallengeCommand,
  type RespondToAuthChallengeCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuthClient, type DeviceStore, memoryDeviceStore } from '../../../src/index.js';
import { fakeAccessToken, fakeIdToken } from '../../support/jwt.js';
import {
  createSrpServer,
  createSrpServerFromVerifier,
  SERVER_N,
  type SrpServer,
} from '../../support/srp-server.js';

const cognito = mockClient(CognitoIdentityProviderClient);
const userPoolId = 'eu-west-1_PoolName42';
const poolName = 'PoolName42';
const clientId = 'client1';
const clientSecret = 'srp-client-secret';
const internal = 'internal-0f4a1c2e';
const NOW = Date.UTC(2026, 2, 3, 9, 4, 5);
const meta = { $metadata: { requestId: 'req-srp', httpStatusCode: 400 } };
const tokens = {
  IdToken: fakeIdToken('alice'),
  AccessToken: fakeAccessToken('alice'),
  RefreshToken: 'r',
  ExpiresIn: 3600,
  TokenType: 'Bearer',
};
const hash = (username: string) =>
  createHmac('sha256', clientSecret)
    .update(username + clientId)
    .digest('base64');

function client(options: { secret?: boolean; store?: DeviceStore } = {}) {
  return AuthClient.create({
    userPoolId,
    clientId,
    ...(options.secret ? { clientSecret } : {}),
    ...(options.store ? { deviceStore: options.store } : {}),
    now: () => NOW,
  })._unsafeUnwrap();
}

const notAuthorized = () =>
  new NotAuthorizedException({ message: 'Incorrect username or password.', ...meta });

/**
 * Makes the mocked Cognito answer as a real one would: PASSWORD_VERIFIER from a server that knows the
 * user's real password, and tokens only when the client's claim verifies.
 */
function cognitoWithUser(
  realPassword: string,
  after: () => object = () => ({ AuthenticationResult: tokens }),
) {
  const server = createSrpServer({ poolName, userIdForSrp: internal, password: realPassword });
  const seen: { initiate?: InitiateAuthCommandInput; respond?: RespondToAuthChallengeCommandInput } = {};
  cognito.on(InitiateAuthCommand).callsFake((input: InitiateAuthCommandInput) => {
    seen.initiate = input;
    return {
      ChallengeName: 'PASSWORD_VERIFIER',
      Session: 'srp-session',
      ChallengeParameters: {
        SALT: server.salt,
        SRP_B: server.srpB,
        SECRET_BLOCK: server.secretBlock,
        USER_ID_FOR_SRP: internal,
        USERNAME: internal,
      },
    };
  });
  cognito
    .on(RespondToAuthChallengeCommand, { ChallengeName: 'PASSWORD_VERIFIER' })
    .callsFake(async (input: RespondToAuthChallengeCommandInput) => {
      seen.respond = input;
      const r = input.ChallengeResponses ?? {};
      const ok = await server.verify({
        srpA: seen.initiate?.AuthParameters?.SRP_A ?? '',
        signature: r.PASSWORD_CLAIM_SIGNATURE ?? '',
        timestamp: r.TIMESTAMP ?? '',
        secretBlock: r.PASSWORD_CLAIM_SECRET_BLOCK ?? '',
      });
      if (!ok) throw notAuthorized();
      return after();
    });
  return { server, seen };
}

beforeEach(() => {
  cognito.reset();
});

describe('USER_SRP_AUTH (the default) against a server-side SRP verifier', () => {
  it('signs in with the right password: the server verifies the claim', async () => {
    const { seen } = cognitoWithUser('Correct-Horse-1!');
    const step = (
      await client().signIn({ username: 'alice@example.com', password: 'Correct-Horse-1!' })
    )._unsafeUnwrap();
    expect(step.step).toBe('SIGNED_IN');
    expect(seen.initiate?.AuthFlow).toBe('USER_SRP_AUTH');
    expect(seen.initiate?.AuthParameters?.PASSWORD).toBeUndefined();
    expect(JSON.stringify(seen)).not.toContain('Correct-Horse-1!');
  });

  it('fails with a wrong password: the server rejects the claim and the error is NotAuthorized', async () => {
    cognitoWithUser('Correct-Horse-1!');
    const error = (
      await client().signIn({ username: 'alice@example.com', password: 'Wrong-Horse-1!' })
    )._unsafeUnwrapErr();
    expect(error.type).toBe('NotAuthorized');
  });

  it('verifies over many random passwords, and rejects each off-by-one-character variant', async () => {
    for (let i = 0; i < 8; i += 1) {
      const pw = `Pw-${i}-${Math.random().toString(36).slice(2)}-ü✓`;
      cognito.reset();
      cognitoWithUser(pw);
      expect((await client().signIn({ username: 'alice', password: pw }))._unsafeUnwrap().step).toBe(
        'SIGNED_IN',
      );
      cognito.reset();
      cognitoWithUser(pw);
      expect((await client().signIn({ username: 'alice', password: `${pw}x` }))._unsafeUnwrapErr().type).toBe(
        'NotAuthorized',
      );
    }
  });

  it('answers PASSWORD_VERIFIER as USER_ID_FOR_SRP with the timestamp of the injected clock', async () => {
    const { seen } = cognitoWithUser('Correct-Horse-1!');
    await client().signIn({ username: 'alice@example.com', password: 'Correct-Horse-1!' });
    expect(seen.respond?.Session).toBe('srp-session');
    expect(seen.respond?.ChallengeResponses).toMatchObject({
      USERNAME: internal,
      TIMESTAMP: 'Tue Mar 3 09:04:05 UTC 2026',
    });
  });

  it('sends SECRET_HASH over the typed user name first and over USER_ID_FOR_SRP in the verifier answer', async () => {
    const { seen } = cognitoWithUser('Correct-Horse-1!');
    await client({ secret: true }).signIn({ username: 'alice@example.com', password: 'Correct-Horse-1!' });
    expect(seen.initiate?.AuthParameters?.SECRET_HASH).toBe(hash('alice@example.com'));
    expect(seen.respond?.ChallengeResponses?.SECRET_HASH).toBe(hash(internal));
  });

  it('never shows PASSWORD_VERIFIER as a step: a following NEW_PASSWORD_REQUIRED is what the caller sees', async () => {
    cognitoWithUser('Temp-Passw0rd!', () => ({
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: 'np-session',
      ChallengeParameters: { USER_ID_FOR_SRP: internal, requiredAttributes: '[]', userAttributes: '{}' },
    }));
    const step = (await client().signIn({ username: 'alice', password: 'Temp-Passw0rd!' }))._unsafeUnwrap();
    expect(step).toMatchObject({
      step: 'NEW_PASSWORD_REQUIRED',
      session: 'np-session',
      challengeUsername: internal,
    });
  });

  it.each([
    ['0', 'B_IS_ZERO_MOD_N'],
    ['N', 'B_IS_ZERO_MOD_N'],
    ['not-hex!', 'MALFORMED_PARAMETER'],
  ])('aborts with SrpAborted (%s → %s) before answering the challenge', async (b, reason) => {
    const { server } = cognitoWithUser('Correct-Horse-1!');
    cognito.on(InitiateAuthCommand).resolves({
      ChallengeName: 'PASSWORD_VERIFIER',
      Session: 's',
      ChallengeParameters: {
        SALT: server.salt,
        SRP_B: b === 'N' ? SERVER_N.toString(16) : b,
        SECRET_BLOCK: server.secretBlock,
        USER_ID_FOR_SRP: internal,
      },
    });
    const error = (
      await client().signIn({ username: 'alice', password: 'Correct-Horse-1!' })
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'SrpAborted', reason });
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)).toHaveLength(0);
  });

  it('reports a clock that returns an invalid time as Unexpected, not a throw', async () => {
    cognitoWithUser('Correct-Horse-1!');
    const auth = AuthClient.create({ userPoolId, clientId, now: () => Number.NaN })._unsafeUnwrap();
    const error = (await auth.signIn({ username: 'alice', password: 'Correct-Horse-1!' }))._unsafeUnwrapErr();
    expect(error.type).toBe('Unexpected');
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)).toHaveLength(0);
  });

  it('reports a PASSWORD_VERIFIER without SRP_B as Unexpected, not a throw', async () => {
    cognito
      .on(InitiateAuthCommand)
      .resolves({ ChallengeName: 'PASSWORD_VERIFIER', Session: 's', ChallengeParameters: {} });
    expect((await client().signIn({ username: 'alice', password: 'x' }))._unsafeUnwrapErr().type).toBe(
      'Unexpected',
    );
  });
});

describe('CUSTOM_AUTH with SRP first', () => {
  it('sends CHALLENGE_NAME SRP_A with SRP_A, verifies the password, then shows the custom challenge', async () => {
    const { seen } = cognitoWithUser('Correct-Horse-1!', () => ({
      ChallengeName: 'CUSTOM_CHALLENGE',
      Session: 'custom-1',
      ChallengeParameters: { USERNAME: internal, hint: 'check your phone' },
    }));
    const step = (
      await client().signIn({ username: 'alice', password: 'Correct-Horse-1!', flow: 'CUSTOM_AUTH' })
    )._unsafeUnwrap();
    expect(seen.initiate?.AuthFlow).toBe('CUSTOM_AUTH');
    expect(seen.initiate?.AuthParameters).toMatchObject({ CHALLENGE_NAME: 'SRP_A', USERNAME: 'alice' });
    expect(seen.initiate?.AuthParameters?.SRP_A).toMatch(/^[0-9a-f]+$/);
    expect(step).toMatchObject({ step: 'CUSTOM_CHALLENGE', parameters: { hint: 'check your phone' } });
  });

  it('with a wrong password never reaches the custom challenge', async () => {
    cognitoWithUser('Correct-Horse-1!', () => ({
      ChallengeName: 'CUSTOM_CHALLENGE',
      Session: 'c',
      ChallengeParameters: {},
    }));
    const error = (
      await client().signIn({ username: 'alice', password: 'nope', flow: 'CUSTOM_AUTH' })
    )._unsafeUnwrapErr();
    expect(error.type).toBe('NotAuthorized');
  });
});

describe('remembered devices: ConfirmDevice, then DEVICE_SRP_AUTH answered with the stored secrets', () => {
  const deviceKey = 'eu-west-1_device-1234';
  const deviceGroupKey = '-deviceGroup';

  async function confirmDeviceOnFirstSignIn(store: DeviceStore) {
    let confirm: ConfirmDeviceCommandInput | undefined;
    cognitoWithUser('Correct-Horse-1!', () => ({
      AuthenticationResult: {
        ...tokens,
        NewDeviceMetadata: { DeviceKey: deviceKey, DeviceGroupKey: deviceGroupKey },
      },
    }));
    cognito.on(ConfirmDeviceCommand).callsFake((input: ConfirmDeviceCommandInput) => {
      confirm = input;
      return { UserConfirmationNecessary: false };
    });
    const step = (
      await client({ store }).signIn({ username: 'alice', password: 'Correct-Horse-1!' })
    )._unsafeUnwrap();
    expect(step).toMatchObject({ step: 'SIGNED_IN', newDevice: { confirmed: true } });
    const config = confirm?.DeviceSecretVerifierConfig;
    if (!config?.Salt || !config.PasswordVerifier) throw new Error('no verifier sent');
    return {
      salt: Buffer.from(config.Salt, 'base64').toString('hex'),
      verifier: BigInt(`0x${Buffer.from(config.PasswordVerifier, 'base64').toString('hex')}`),
    };
  }

  /** Cognito for a user with a remembered device: password SRP, then device SRP against the confirmed verifier. */
  function cognitoWithDevice(registered: { salt: string; verifier: bigint }) {
    const deviceServer: SrpServer = createSrpServerFromVerifier({
      poolName: deviceGroupKey,
      userIdForSrp: deviceKey,
      ...registered,
    });
    const sent: RespondToAuthChallengeCommandInput[] = [];
    let deviceA = '';
    cognitoWithUser('Correct-Horse-1!', () => ({
      ChallengeName: 'DEVICE_SRP_AUTH',
      Session: 'device-1',
      ChallengeParameters: { USERNAME: internal },
    }));
    cognito
      .on(RespondToAuthChallengeCommand, { ChallengeName: 'DEVICE_SRP_AUTH' })
      .callsFake((input: RespondToAuthChallengeCommandInput) => {
        sent.push(input);
        deviceA = input.ChallengeResponses?.SRP_A ?? '';
        return {
          ChallengeName: 'DEVICE_PASSWORD_VERIFIER',
          Session: 'device-2',
          ChallengeParameters: {
            SRP_B: deviceServer.srpB,
            SALT: deviceServer.salt,
            SECRET_BLOCK: deviceServer.secretBlock,
            USERNAME: internal,
          },
        };
      });
    cognito
      .on(RespondToAuthChallengeCommand, { ChallengeName: 'DEVICE_PASSWORD_VERIFIER' })
      .callsFake(async (input: RespondToAuthChallengeCommandInput) => {
        sent.push(input);
        const r = input.ChallengeResponses ?? {};
        const ok = await deviceServer.verify({
          srpA: deviceA,
          signature: r.PASSWORD_CLAIM_SIGNATURE ?? '',
          timestamp: r.TIMESTAMP ?? '',
          secretBlock: r.PASSWORD_CLAIM_SECRET_BLOCK ?? '',
        });
        if (!ok) throw notAuthorized();
        return { AuthenticationResult: tokens };
      });
    return sent;
  }

  it('the next sign-in proves the device with the secrets stored at confirmation', async () => {
    const store = memoryDeviceStore();
    const registered = await confirmDeviceOnFirstSignIn(store);
    cognito.reset();
    const sent = cognitoWithDevice(registered);
    const step = (
      await client({ store }).signIn({ username: 'alice', password: 'Correct-Horse-1!' })
    )._unsafeUnwrap();
    expect(step.step).toBe('SIGNED_IN');
    expect(cognito.commandCalls(InitiateAuthCommand)[0]?.args[0].input.AuthParameters?.DEVICE_KEY).toBe(
      deviceKey,
    );
    expect(sent.map((s) => s.ChallengeName)).toEqual(['DEVICE_SRP_AUTH', 'DEVICE_PASSWORD_VERIFIER']);
    expect(
      sent.every(
        (s) => s.ChallengeResponses?.DEVICE_KEY === deviceKey && s.ChallengeResponses?.USERNAME === internal,
      ),
    ).toBe(true);
  });

  it('a tampered device password fails device authentication with NotAuthorized', async () => {
    const store = memoryDeviceStore();
    const registered = await confirmDeviceOnFirstSignIn(store);
    const secrets = await store.get('alice');
    if (!secrets) throw new Error('no secrets stored');
    await store.set('alice', { ...secrets, devicePassword: `${secrets.devicePassword}x` });
    cognito.reset();
    cognitoWithDevice(registered);
    const error = (
      await client({ store }).signIn({ username: 'alice', password: 'Correct-Horse-1!' })
    )._unsafeUnwrapErr();
    expect(error.type).toBe('NotAuthorized');
  });

  it('DEVICE_SRP_AUTH with no stored device is Unexpected, not a throw', async () => {
    cognitoWithUser('Correct-Horse-1!', () => ({
      ChallengeName: 'DEVICE_SRP_AUTH',
      Session: 'd',
      ChallengeParameters: {},
    }));
    const error = (
      await client().signIn({ username: 'alice', password: 'Correct-Horse-1!' })
    )._unsafeUnwrapErr();
    expect(error.type).toBe('Unexpected');
  });
});
