import {
  AdminRespondToAuthChallengeCommand,
  CognitoIdentityProviderClient,
  ConfirmDeviceCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuthClient, type CodeStep, type DeviceSecrets, memoryDeviceStore } from '../../../src/index.js';
import { fakeAccessToken, fakeIdToken } from '../../support/jwt.js';

const cognito = mockClient(CognitoIdentityProviderClient);
const userPoolId = 'eu-west-1_AbC123';
const clientId = 'client1';
const victimDevice: DeviceSecrets = {
  deviceKey: 'eu-west-1_victim-device',
  deviceGroupKey: '-victimGroup',
  devicePassword: 'victim-device-password',
};

function setUp() {
  const store = memoryDeviceStore();
  store.set('bob', victimDevice);
  const reads: string[] = [];
  const deviceStore = {
    get: (username: string) => {
      reads.push(username);
      return store.get(username);
    },
    set: store.set,
    delete: store.delete,
  };
  const auth = AuthClient.create({ userPoolId, clientId, deviceStore })._unsafeUnwrap();
  return { auth, store, reads };
}

/** Mallory signs in with her own password and gets an SMS_MFA step. */
async function mallorysStep(auth: AuthClient): Promise<CodeStep> {
  cognito.on(InitiateAuthCommand).resolves({
    ChallengeName: 'SMS_MFA',
    Session: 'mallory-session',
    ChallengeParameters: { USER_ID_FOR_SRP: 'mallory', CODE_DELIVERY_DESTINATION: '+***1234' },
  });
  const step = (
    await auth.signIn({ username: 'mallory', password: 'Pa55word!', flow: 'USER_PASSWORD_AUTH' })
  )._unsafeUnwrap();
  if (step.step !== 'SMS_MFA') throw new Error(`expected SMS_MFA, got ${step.step}`);
  return step;
}

beforeEach(() => {
  cognito.reset();
});

describe("an unsealed step's user name is never trusted", () => {
  it("a step renamed to the victim's: SIGNED_IN names the token's user, the victim's device is neither read, sent nor overwritten", async () => {
    const { auth, store, reads } = setUp();
    const step = await mallorysStep(auth);
    const tampered = { ...JSON.parse(JSON.stringify(step)), username: 'bob', challengeUsername: 'bob' };
    // Worst case: Cognito answers for the session's real user, Mallory, with a new device.
    cognito.on(RespondToAuthChallengeCommand).resolves({
      AuthenticationResult: {
        IdToken: fakeIdToken('mallory'),
        AccessToken: fakeAccessToken('mallory'),
        RefreshToken: 'r',
        ExpiresIn: 3600,
        TokenType: 'Bearer',
        NewDeviceMetadata: { DeviceKey: 'eu-west-1_mallory-device', DeviceGroupKey: '-malloryGroup' },
      },
    });
    cognito.on(ConfirmDeviceCommand).resolves({ UserConfirmationNecessary: false });
    const resumed = auth.resume(tampered)._unsafeUnwrap() as CodeStep;
    reads.length = 0;
    const done = (await auth.submitCode(resumed, '123456'))._unsafeUnwrap();
    expect(done).toMatchObject({ step: 'SIGNED_IN', username: 'mallory', newDevice: { confirmed: true } });
    expect(reads).not.toContain('bob');
    const responses = cognito.commandCalls(RespondToAuthChallengeCommand)[0]?.args[0].input
      .ChallengeResponses;
    expect(responses).not.toHaveProperty('DEVICE_KEY');
    expect(await store.get('bob')).toEqual(victimDevice);
    expect(await store.get('mallory')).toMatchObject({ deviceKey: 'eu-west-1_mallory-device' });
  });

  it('the next challenge step of an unsealed answer names the user Cognito names (USERNAME), not the step', async () => {
    const { auth } = setUp();
    const step = await mallorysStep(auth);
    const tampered = { ...JSON.parse(JSON.stringify(step)), username: 'bob' };
    cognito.on(RespondToAuthChallengeCommand).resolves({
      ChallengeName: 'CUSTOM_CHALLENGE',
      Session: 'next-session',
      ChallengeParameters: { USERNAME: 'mallory', question: '?' },
    });
    const next = (await auth.submitCode(tampered as CodeStep, '123456'))._unsafeUnwrap();
    expect(next).toMatchObject({
      step: 'CUSTOM_CHALLENGE',
      username: 'mallory',
      challengeUsername: 'mallory',
    });
  });

  it('an unsealed answer whose tokens name no one is Unexpected, not a SIGNED_IN step for the claimed name', async () => {
    const { auth } = setUp();
    const step = await mallorysStep(auth);
    cognito.on(RespondToAuthChallengeCommand).resolves({
      AuthenticationResult: { IdToken: 'not-a-jwt', AccessToken: 'not-a-jwt', ExpiresIn: 3600 },
    });
    const plain = JSON.parse(JSON.stringify(step)) as CodeStep;
    const error = (await auth.submitCode(plain, '123456'))._unsafeUnwrapErr();
    expect(error).toMatchObject({
      type: 'Unexpected',
      message: expect.stringMatching(/does not name the user/),
    });
  });

  it('the very step object signIn returned stays vouched for: its stored device key goes out', async () => {
    const { auth, store } = setUp();
    store.set('mallory', { ...victimDevice, deviceKey: 'eu-west-1_mallory-device' });
    const step = await mallorysStep(auth);
    cognito.on(RespondToAuthChallengeCommand).resolves({
      AuthenticationResult: {
        IdToken: fakeIdToken('mallory'),
        AccessToken: fakeAccessToken('mallory'),
        ExpiresIn: 3600,
      },
    });
    expect((await auth.submitCode(step, '123456'))._unsafeUnwrap()).toMatchObject({ username: 'mallory' });
    const responses = cognito.commandCalls(RespondToAuthChallengeCommand)[0]?.args[0].input
      .ChallengeResponses;
    expect(responses?.DEVICE_KEY).toBe('eu-west-1_mallory-device');
  });
});

describe('an unsealed step cannot reach the admin API or claim SIGNED_IN', () => {
  it('admin: true added to a signIn step is InvalidStep in resume and in a transition; no admin call is sent', async () => {
    const { auth } = setUp();
    const step = await mallorysStep(auth);
    const tampered = { ...JSON.parse(JSON.stringify(step)), admin: true };
    expect(auth.resume(tampered)._unsafeUnwrapErr().type).toBe('InvalidStep');
    expect((await auth.submitCode(tampered as CodeStep, '123456'))._unsafeUnwrapErr().type).toBe(
      'InvalidStep',
    );
    expect(cognito.commandCalls(AdminRespondToAuthChallengeCommand)).toHaveLength(0);
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)).toHaveLength(0);
  });

  it("resume({ step: 'SIGNED_IN', username: 'admin', tokens }) with well-formed strings is InvalidStep", () => {
    const { auth } = setUp();
    const forged = {
      step: 'SIGNED_IN',
      username: 'admin',
      tokens: {
        idToken: fakeIdToken('admin'),
        accessToken: fakeAccessToken('admin'),
        expiresAt: Date.now() + 3_600_000,
        tokenType: 'Bearer',
      },
    };
    expect(auth.resume(forged)._unsafeUnwrapErr().type).toBe('InvalidStep');
    expect(auth.resume(JSON.stringify(forged))._unsafeUnwrapErr().type).toBe('InvalidStep');
  });
});
