import { createHmac } from 'node:crypto';
import {
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  CognitoIdentityProviderClient,
  NotAuthorizedException,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuthClient, type Step } from '../../../src/index.js';
import { fakeAccessToken, fakeIdToken } from '../../support/jwt.js';

const cognito = mockClient(CognitoIdentityProviderClient);
const userPoolId = 'eu-west-1_AbC123';
const clientId = 'client1';
const clientSecret = 'admin-client-secret';
const NOW = 1_800_000_000_000;
const tokens = {
  IdToken: fakeIdToken('alice'),
  AccessToken: fakeAccessToken('alice'),
  ExpiresIn: 3600,
  TokenType: 'Bearer',
};
const hash = (u: string) =>
  createHmac('sha256', clientSecret)
    .update(u + clientId)
    .digest('base64');
const stepKeys = [{ id: 'k1', secret: new Uint8Array(32).fill(9) }];
const client = () =>
  AuthClient.create({ userPoolId, clientId, clientSecret, now: () => NOW, stepKeys })._unsafeUnwrap();
const contextData = {
  ipAddress: '203.0.113.7',
  serverName: 'auth.example.com',
  serverPath: '/login',
  httpHeaders: [{ headerName: 'user-agent', headerValue: 'Mozilla/5.0' }],
};

beforeEach(() => {
  cognito.reset();
});

describe('admin sign-in (AdminInitiateAuth, ADMIN_USER_PASSWORD_AUTH)', () => {
  it('sends UserPoolId, the flow, USERNAME, PASSWORD, SECRET_HASH and the context data', async () => {
    cognito.on(AdminInitiateAuthCommand).resolves({ AuthenticationResult: tokens });
    const step = (
      await client().adminSignIn({ username: 'alice', password: 'Passw0rd!', contextData })
    )._unsafeUnwrap();
    expect(step.step).toBe('SIGNED_IN');
    expect(cognito.commandCalls(AdminInitiateAuthCommand)[0]?.args[0].input).toEqual({
      UserPoolId: userPoolId,
      ClientId: clientId,
      AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'alice', PASSWORD: 'Passw0rd!', SECRET_HASH: hash('alice') },
      ContextData: {
        IpAddress: '203.0.113.7',
        ServerName: 'auth.example.com',
        ServerPath: '/login',
        HttpHeaders: [{ headerName: 'user-agent', headerValue: 'Mozilla/5.0' }],
      },
    });
  });

  it('challenge steps remember the admin API, and their answers (after a sealed trip) go through AdminRespondToAuthChallenge', async () => {
    cognito.on(AdminInitiateAuthCommand).resolves({
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: 'admin-session',
      ChallengeParameters: {
        USER_ID_FOR_SRP: 'internal-alice',
        requiredAttributes: '[]',
        userAttributes: '{}',
      },
    });
    cognito.on(AdminRespondToAuthChallengeCommand).resolves({ AuthenticationResult: tokens });
    const auth = client();
    const step = (await auth.adminSignIn({ username: 'alice', password: 'Temp-Passw0rd!' }))._unsafeUnwrap();
    expect(step).toMatchObject({ step: 'NEW_PASSWORD_REQUIRED', admin: true });
    const sealed = (await auth.sealStep(step))._unsafeUnwrap();
    const resumed = (await auth.openStep(sealed))._unsafeUnwrap();
    const done = (
      await auth.completeNewPassword(resumed as Step<'NEW_PASSWORD_REQUIRED'>, 'N3w-Passw0rd!')
    )._unsafeUnwrap();
    expect(done.step).toBe('SIGNED_IN');
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)).toHaveLength(0);
    expect(cognito.commandCalls(AdminRespondToAuthChallengeCommand)[0]?.args[0].input).toEqual({
      UserPoolId: userPoolId,
      ClientId: clientId,
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: 'admin-session',
      ChallengeResponses: {
        NEW_PASSWORD: 'N3w-Passw0rd!',
        USERNAME: 'internal-alice',
        SECRET_HASH: hash('internal-alice'),
      },
    });
  });

  it('an admin step that travelled unsealed is refused by resume, so no admin call can be made from it', async () => {
    cognito.on(AdminInitiateAuthCommand).resolves({
      ChallengeName: 'SMS_MFA',
      Session: 'admin-session',
      ChallengeParameters: { USERNAME: 'internal-alice' },
    });
    const auth = client();
    const step = (await auth.adminSignIn({ username: 'alice', password: 'Passw0rd!' }))._unsafeUnwrap();
    const resumed = auth.resume(JSON.stringify(step));
    expect(resumed._unsafeUnwrapErr()).toMatchObject({
      type: 'InvalidStep',
      message: expect.stringMatching(/sealed/),
    });
  });

  it('an admin flag other than true is refused by resume', () => {
    const step = {
      step: 'SMS_MFA',
      clientId,
      username: 'a',
      challengeUsername: 'a',
      session: 's',
      expiresAt: NOW + 1000,
      admin: 'yes',
    };
    expect(client().resume(step)._unsafeUnwrapErr().type).toBe('InvalidStep');
  });

  it('a wrong password is NotAuthorized, with the password kept out of the error', async () => {
    cognito
      .on(AdminInitiateAuthCommand)
      .rejects(new NotAuthorizedException({ message: 'Incorrect password Wr0ng-pass!', $metadata: {} }));
    const error = (
      await client().adminSignIn({ username: 'alice', password: 'Wr0ng-pass!' })
    )._unsafeUnwrapErr();
    expect(error.type).toBe('NotAuthorized');
    expect(JSON.stringify(error)).not.toContain('Wr0ng-pass!');
  });

  it.each([
    ['an empty username', { username: '', password: 'x' }],
    ['an empty password', { username: 'alice', password: '' }],
    [
      'context data without headers',
      { username: 'alice', password: 'x', contextData: { ipAddress: '1', serverName: 's', serverPath: '/' } },
    ],
  ])('rejects %s with InvalidParameter, without a request', async (_label, input) => {
    expect((await client().adminSignIn(input as never))._unsafeUnwrapErr().type).toBe('InvalidParameter');
    expect(cognito.calls()).toHaveLength(0);
  });
});
