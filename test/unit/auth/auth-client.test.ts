import { createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import {
  CodeMismatchException,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  InternalErrorException,
  InvalidParameterException,
  InvalidPasswordException,
  InvalidUserPoolConfigurationException,
  LimitExceededException,
  NotAuthorizedException,
  PasswordResetRequiredException,
  ResourceNotFoundException,
  RespondToAuthChallengeCommand,
  TooManyRequestsException,
  UserLambdaValidationException,
  UserNotConfirmedException,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuthClient, type Step } from '../../../src/index.js';
import { fakeAccessToken, fakeIdToken } from '../../support/jwt.js';

const cognito = mockClient(CognitoIdentityProviderClient);
const userPoolId = 'eu-west-1_AbC123';
const clientId = 'client1';
const clientSecret = 'super-secret-client-value';
const password = 'Hunter2-Correct!';
const NOW = 1_800_000_000_000;
const meta = { $metadata: { requestId: 'req-123', httpStatusCode: 400 } };

function client(options: { secret?: boolean; now?: () => number } = {}) {
  return AuthClient.create({
    userPoolId,
    clientId,
    ...(options.secret ? { clientSecret } : {}),
    now: options.now ?? (() => NOW),
  })._unsafeUnwrap();
}

const expectedHash = (username: string) =>
  createHmac('sha256', clientSecret)
    .update(username + clientId)
    .digest('base64');

const tokens = {
  IdToken: fakeIdToken('alice'),
  AccessToken: fakeAccessToken('alice'),
  RefreshToken: 'refresh-token-value',
  ExpiresIn: 3600,
  TokenType: 'Bearer',
};

const newPasswordChallenge = {
  ChallengeName: 'NEW_PASSWORD_REQUIRED' as const,
  Session: 'session-abc-123',
  ChallengeParameters: {
    USER_ID_FOR_SRP: 'internal-alice',
    requiredAttributes: '["userAttributes.email","userAttributes.birthdate"]',
    userAttributes: '{"email_verified":"false","nickname":"ally"}',
  },
};

async function newPasswordStep(auth = client()): Promise<Step<'NEW_PASSWORD_REQUIRED'>> {
  cognito.on(InitiateAuthCommand).resolvesOnce(newPasswordChallenge);
  const step = (
    await auth.signIn({ username: 'alice@example.com', password, flow: 'USER_PASSWORD_AUTH' })
  )._unsafeUnwrap();
  if (step.step !== 'NEW_PASSWORD_REQUIRED') throw new Error(`unexpected ${step.step}`);
  return step;
}

beforeEach(() => {
  cognito.reset();
});

describe('AuthClient.signIn (USER_PASSWORD_AUTH)', () => {
  it('sends USERNAME and PASSWORD without SECRET_HASH when the client has no secret', async () => {
    cognito.on(InitiateAuthCommand).resolves({ AuthenticationResult: tokens });
    await client().signIn({ username: 'alice', password, flow: 'USER_PASSWORD_AUTH' });
    const [call] = cognito.commandCalls(InitiateAuthCommand);
    expect(call?.args[0].input).toEqual({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: 'alice', PASSWORD: password },
    });
  });

  it('adds SECRET_HASH = base64(HMAC-SHA256(secret, username + clientId)) when the client has a secret', async () => {
    cognito.on(InitiateAuthCommand).resolves({ AuthenticationResult: tokens });
    await client({ secret: true }).signIn({ username: 'alice', password, flow: 'USER_PASSWORD_AUTH' });
    const params = cognito.commandCalls(InitiateAuthCommand)[0]?.args[0].input.AuthParameters;
    expect(params?.SECRET_HASH).toBe(expectedHash('alice'));
    expect(params?.SECRET_HASH).not.toBe(clientSecret);
  });

  it('passes clientMetadata to Cognito', async () => {
    cognito.on(InitiateAuthCommand).resolves({ AuthenticationResult: tokens });
    await client().signIn({
      username: 'alice',
      password,
      flow: 'USER_PASSWORD_AUTH',
      clientMetadata: { source: 'web' },
    });
    expect(cognito.commandCalls(InitiateAuthCommand)[0]?.args[0].input.ClientMetadata).toEqual({
      source: 'web',
    });
  });

  it('answers SIGNED_IN with a token set whose expiry comes from the injected clock', async () => {
    cognito.on(InitiateAuthCommand).resolves({ AuthenticationResult: tokens });
    const step = (
      await client().signIn({ username: 'alice', password, flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrap();
    expect(step).toEqual({
      step: 'SIGNED_IN',
      username: 'alice',
      tokens: {
        idToken: tokens.IdToken,
        accessToken: tokens.AccessToken,
        refreshToken: tokens.RefreshToken,
        expiresAt: NOW + 3_600_000,
        tokenType: 'Bearer',
      },
    });
  });

  it('answers NEW_PASSWORD_REQUIRED with the required and current attributes parsed', async () => {
    const step = await newPasswordStep();
    expect(step).toEqual({
      step: 'NEW_PASSWORD_REQUIRED',
      clientId,
      username: 'alice@example.com',
      challengeUsername: 'internal-alice',
      session: 'session-abc-123',
      expiresAt: NOW + 180_000,
      requiredAttributes: ['email', 'birthdate'],
      userAttributes: { email_verified: 'false', nickname: 'ally' },
    });
  });

  it('turns UserNotConfirmedException into the CONFIRM_SIGN_UP step', async () => {
    cognito
      .on(InitiateAuthCommand)
      .rejects(new UserNotConfirmedException({ message: 'User is not confirmed.', ...meta }));
    const step = await client().signIn({ username: 'alice', password, flow: 'USER_PASSWORD_AUTH' });
    expect(step._unsafeUnwrap()).toEqual({ step: 'CONFIRM_SIGN_UP', clientId, username: 'alice' });
  });

  it('turns PasswordResetRequiredException into the RESET_PASSWORD step', async () => {
    cognito
      .on(InitiateAuthCommand)
      .rejects(
        new PasswordResetRequiredException({ message: 'Password reset required for the user', ...meta }),
      );
    const step = await client().signIn({ username: 'alice', password, flow: 'USER_PASSWORD_AUTH' });
    expect(step._unsafeUnwrap()).toEqual({ step: 'RESET_PASSWORD', clientId, username: 'alice' });
  });

  it('surfaces a challenge it has no dedicated step for as UNSUPPORTED_CHALLENGE with name and parameters', async () => {
    cognito
      .on(InitiateAuthCommand)
      // A challenge name the SDK's enum does not list yet, as Cognito may add one.
      .resolves({
        ChallengeName: 'FUTURE_CHALLENGE' as never,
        Session: 's',
        ChallengeParameters: { X: '1' },
      });
    const step = (
      await client().signIn({ username: 'alice', password, flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrap();
    expect(step).toMatchObject({
      step: 'UNSUPPORTED_CHALLENGE',
      challengeName: 'FUTURE_CHALLENGE',
      parameters: { X: '1' },
      session: 's',
    });
  });

  const failures = [
    [
      new NotAuthorizedException({ message: 'Incorrect username or password.', ...meta }),
      'NotAuthorized',
      false,
    ],
    [new UserNotFoundException({ message: 'User does not exist.', ...meta }), 'UserNotFound', false],
    [new TooManyRequestsException({ message: 'Rate exceeded', ...meta }), 'TooManyRequests', true],
    [
      new InvalidParameterException({ message: 'USER_PASSWORD_AUTH flow not enabled', ...meta }),
      'InvalidParameter',
      false,
    ],
    [
      new ResourceNotFoundException({ message: 'User pool client does not exist.', ...meta }),
      'ResourceNotFound',
      false,
    ],
    [new LimitExceededException({ message: 'Attempt limit exceeded', ...meta }), 'LimitExceeded', false],
    [new InternalErrorException({ message: 'Internal error', ...meta }), 'Internal', true],
    [
      new UserLambdaValidationException({ message: 'PreAuthentication failed', ...meta }),
      'LambdaTrigger',
      false,
    ],
    [
      new InvalidUserPoolConfigurationException({ message: 'Misconfigured', ...meta }),
      'InvalidConfiguration',
      false,
    ],
    [new CodeMismatchException({ message: 'not expected here', ...meta }), 'Unexpected', false],
  ] as const;

  for (const [exception, type, retryable] of failures) {
    it(`maps ${exception.name} to ${type} (retryable: ${retryable}) with the request id`, async () => {
      cognito.on(InitiateAuthCommand).rejects(exception);
      const error = (
        await client().signIn({ username: 'alice', password, flow: 'USER_PASSWORD_AUTH' })
      )._unsafeUnwrapErr();
      expect(error.type).toBe(type);
      expect(error.retryable).toBe(retryable);
      expect(error.requestId).toBe('req-123');
    });
  }

  it('maps a rejection that is not an Error (a string) to Unexpected instead of throwing', async () => {
    cognito.on(InitiateAuthCommand).rejects('boom' as unknown as Error);
    const error = (
      await client().signIn({ username: 'alice', password, flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrapErr();
    expect(error.type).toBe('Unexpected');
  });

  it('answers an answer with neither tokens nor a challenge with Unexpected', async () => {
    cognito.on(InitiateAuthCommand).resolves({});
    const error = (
      await client().signIn({ username: 'alice', password, flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrapErr();
    expect(error.type).toBe('Unexpected');
  });

  it.each([
    ['an empty username', { username: '', password }],
    ['an empty password', { username: 'alice', password: '' }],
    ['a non-string username', { username: 42 as unknown as string, password }],
  ])('rejects %s with InvalidParameter without calling Cognito', async (_, input) => {
    const error = (await client().signIn({ ...input, flow: 'USER_PASSWORD_AUTH' }))._unsafeUnwrapErr();
    expect(error.type).toBe('InvalidParameter');
    expect(cognito.calls()).toHaveLength(0);
  });

  it('runs two sign-ins at once on one client without mixing their steps', async () => {
    cognito
      .on(InitiateAuthCommand, { AuthParameters: { USERNAME: 'alice', PASSWORD: password } })
      .resolves({ ...newPasswordChallenge, Session: 'alice-session' })
      .on(InitiateAuthCommand, { AuthParameters: { USERNAME: 'bob', PASSWORD: password } })
      .resolves({ AuthenticationResult: tokens });
    const auth = client();
    const [a, b] = await Promise.all([
      auth.signIn({ username: 'alice', password, flow: 'USER_PASSWORD_AUTH' }),
      auth.signIn({ username: 'bob', password, flow: 'USER_PASSWORD_AUTH' }),
    ]);
    expect(a._unsafeUnwrap()).toMatchObject({
      step: 'NEW_PASSWORD_REQUIRED',
      username: 'alice',
      session: 'alice-session',
    });
    expect(b._unsafeUnwrap()).toMatchObject({ step: 'SIGNED_IN', username: 'bob' });
  });
});

describe('AuthClient.completeNewPassword', () => {
  it('sends the new password, the attributes as userAttributes.* and the session, as the challenge user', async () => {
    const auth = client();
    const step = await newPasswordStep(auth);
    cognito.on(RespondToAuthChallengeCommand).resolves({ AuthenticationResult: tokens });
    const done = await auth.completeNewPassword(step, 'N3w-Passw0rd!', {
      attributes: { email: 'alice@example.com', birthdate: new Date('1990-04-01T00:00:00Z'), nickname: 'al' },
      clientMetadata: { flow: 'first-login' },
    });
    expect(done._unsafeUnwrap()).toMatchObject({ step: 'SIGNED_IN', username: 'alice@example.com' });
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)[0]?.args[0].input).toEqual({
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      ClientId: clientId,
      Session: 'session-abc-123',
      ChallengeResponses: {
        USERNAME: 'internal-alice',
        NEW_PASSWORD: 'N3w-Passw0rd!',
        'userAttributes.email': 'alice@example.com',
        'userAttributes.birthdate': '1990-04-01',
        'userAttributes.nickname': 'al',
      },
      ClientMetadata: { flow: 'first-login' },
    });
  });

  it('computes SECRET_HASH over the user name it sends in the challenge response', async () => {
    const auth = client({ secret: true });
    const step = await newPasswordStep(auth);
    cognito.on(RespondToAuthChallengeCommand).resolves({ AuthenticationResult: tokens });
    await auth.completeNewPassword(step, 'N3w-Passw0rd!', {
      attributes: { email: 'a@example.com', birthdate: '1990-04-01' },
    });
    const responses = cognito.commandCalls(RespondToAuthChallengeCommand)[0]?.args[0].input
      .ChallengeResponses;
    expect(responses?.USERNAME).toBe('internal-alice');
    expect(responses?.SECRET_HASH).toBe(expectedHash('internal-alice'));
  });

  it('reports missing required attributes locally, naming them, without calling Cognito', async () => {
    const auth = client();
    const step = await newPasswordStep(auth);
    const error = (
      await auth.completeNewPassword(step, 'N3w-Passw0rd!', { attributes: { email: 'a@example.com' } })
    )._unsafeUnwrapErr();
    expect(error.type).toBe('MissingRequiredAttributes');
    expect(error.type === 'MissingRequiredAttributes' && error.missing).toEqual(['birthdate']);
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)).toHaveLength(0);
  });

  it('rejects a badly typed attribute value with InvalidParameter without calling Cognito', async () => {
    const auth = client();
    const step = await newPasswordStep(auth);
    const error = (
      await auth.completeNewPassword(step, 'N3w-Passw0rd!', {
        attributes: { email: 'a@example.com', birthdate: 'April 1st' },
      })
    )._unsafeUnwrapErr();
    expect(error.type).toBe('InvalidParameter');
    expect(error.message).toContain('birthdate');
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)).toHaveLength(0);
  });

  it('rejects an empty new password with InvalidParameter without calling Cognito', async () => {
    const auth = client();
    const step = await newPasswordStep(auth);
    const error = (await auth.completeNewPassword(step, ''))._unsafeUnwrapErr();
    expect(error.type).toBe('InvalidParameter');
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)).toHaveLength(0);
  });

  it('answers a step whose session has expired with SessionExpired without calling Cognito', async () => {
    let now = NOW;
    const auth = client({ now: () => now });
    const step = await newPasswordStep(auth);
    now += 180_001;
    const error = (await auth.completeNewPassword(step, 'N3w-Passw0rd!'))._unsafeUnwrapErr();
    expect(error.type).toBe('SessionExpired');
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)).toHaveLength(0);
  });

  it("maps Cognito's own session-expired answer to SessionExpired", async () => {
    const auth = client();
    const step = await newPasswordStep(auth);
    cognito
      .on(RespondToAuthChallengeCommand)
      .rejects(
        new NotAuthorizedException({ message: 'Invalid session for the user, session is expired.', ...meta }),
      );
    const error = (
      await auth.completeNewPassword(step, 'N3w-Passw0rd!', {
        attributes: { email: 'a@b.co', birthdate: '1990-04-01' },
      })
    )._unsafeUnwrapErr();
    expect(error.type).toBe('SessionExpired');
  });

  it('refuses a step that belongs to another app client, without calling Cognito', async () => {
    const step = await newPasswordStep(client());
    const other = AuthClient.create({ userPoolId, clientId: 'otherclient', now: () => NOW })._unsafeUnwrap();
    const error = (await other.completeNewPassword(step, 'N3w-Passw0rd!'))._unsafeUnwrapErr();
    expect(error.type).toBe('InvalidStep');
    expect(error.message).toContain('another app client');
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)).toHaveLength(0);
  });

  it('refuses a step of the wrong kind passed from untyped code', async () => {
    const signedIn = {
      step: 'SIGNED_IN',
      username: 'a',
      tokens: { idToken: 'x', accessToken: 'y', expiresAt: 1, tokenType: 'Bearer' },
    };
    const error = (
      await client().completeNewPassword(
        signedIn as unknown as Step<'NEW_PASSWORD_REQUIRED'>,
        'N3w-Passw0rd!',
      )
    )._unsafeUnwrapErr();
    expect(error.type).toBe('InvalidStep');
  });

  it('maps InvalidPasswordException to InvalidPassword and keeps the new password out of the error', async () => {
    const auth = client();
    const step = await newPasswordStep(auth);
    const weak = 'weakpass1';
    cognito
      .on(RespondToAuthChallengeCommand)
      .rejects(
        new InvalidPasswordException({ message: `Password '${weak}' does not conform to policy`, ...meta }),
      );
    const error = (
      await auth.completeNewPassword(step, weak, { attributes: { email: 'a@b.co', birthdate: '1990-04-01' } })
    )._unsafeUnwrapErr();
    expect(error.type).toBe('InvalidPassword');
    expect(error.message).not.toContain(weak);
    expect(JSON.stringify(error)).not.toContain(weak);
    expect(inspect(error, { depth: 10 })).not.toContain(weak);
  });
});

describe('AuthClient.resume', () => {
  it('accepts a step that went through JSON and gives back an equal step', async () => {
    const auth = client();
    const step = await newPasswordStep(auth);
    expect(auth.resume(JSON.stringify(step))._unsafeUnwrap()).toEqual(step);
    expect(auth.resume(JSON.parse(JSON.stringify(step)))._unsafeUnwrap()).toEqual(step);
  });

  it('refuses a tampered step with InvalidStep', async () => {
    const auth = client();
    const step = await newPasswordStep(auth);
    const error = auth.resume({ ...step, requiredAttributes: 'email' })._unsafeUnwrapErr();
    expect(error.type).toBe('InvalidStep');
  });

  it('refuses an expired step with SessionExpired', async () => {
    let now = NOW;
    const auth = client({ now: () => now });
    const step = await newPasswordStep(auth);
    now = step.expiresAt;
    expect(auth.resume(JSON.stringify(step))._unsafeUnwrapErr().type).toBe('SessionExpired');
  });
});

describe('AuthClient configuration', () => {
  it('derives the region from the user pool id for the SDK client it creates', async () => {
    cognito.on(InitiateAuthCommand).resolves({ AuthenticationResult: tokens });
    await client().signIn({ username: 'alice', password, flow: 'USER_PASSWORD_AUTH' });
    const sdkClient = cognito.call(0).thisValue as CognitoIdentityProviderClient;
    expect(await sdkClient.config.region()).toBe('eu-west-1');
  });

  it('uses an injected SDK client as is', async () => {
    const injected = new CognitoIdentityProviderClient({ region: 'ap-southeast-2' });
    cognito.on(InitiateAuthCommand).resolves({ AuthenticationResult: tokens });
    const auth = AuthClient.create({ userPoolId, clientId, client: injected })._unsafeUnwrap();
    await auth.signIn({ username: 'alice', password, flow: 'USER_PASSWORD_AUTH' });
    expect(cognito.call(0).thisValue).toBe(injected);
  });

  it('create() returns InvalidConfig for a malformed pool id or an empty client id', () => {
    expect(AuthClient.create({ userPoolId: 'not-a-pool', clientId })._unsafeUnwrapErr().type).toBe(
      'InvalidConfig',
    );
    expect(AuthClient.create({ userPoolId, clientId: '' })._unsafeUnwrapErr().type).toBe('InvalidConfig');
  });

  it('the constructor does not throw on invalid config; every call returns the InvalidConfig error', async () => {
    const auth = new AuthClient({ userPoolId: 'bad', clientId: '' });
    expect(
      (await auth.signIn({ username: 'a', password, flow: 'USER_PASSWORD_AUTH' }))._unsafeUnwrapErr().type,
    ).toBe('InvalidConfig');
    const step = await newPasswordStep();
    expect((await auth.completeNewPassword(step, 'x'))._unsafeUnwrapErr().type).toBe('InvalidConfig');
    expect(auth.resume('{}')._unsafeUnwrapErr().type).toBe('InvalidConfig');
  });

  it('never shows the client secret when the client is serialised or inspected', () => {
    const auth = client({ secret: true });
    expect(JSON.stringify(auth)).not.toContain(clientSecret);
    expect(inspect(auth, { depth: 10, showHidden: true })).not.toContain(clientSecret);
  });
});

describe('redaction of secrets in sign-in errors', () => {
  it('keeps the password and the client secret out of the message, JSON and inspect output', async () => {
    cognito.on(InitiateAuthCommand).rejects(
      Object.assign(
        new NotAuthorizedException({ message: `Bad credentials ${password} for ${clientSecret}`, ...meta }),
        {
          $response: { body: `{"password":"${password}"}` },
        },
      ),
    );
    const error = (
      await client({ secret: true }).signIn({ username: 'alice', password, flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrapErr();
    for (const text of [error.message, JSON.stringify(error), inspect(error, { depth: 10 })]) {
      expect(text).not.toContain(password);
      expect(text).not.toContain(clientSecret);
    }
    expect(error.message).toContain('[REDACTED]');
  });

  it('keeps the session out of challenge errors', async () => {
    const auth = client();
    const step = await newPasswordStep(auth);
    cognito
      .on(RespondToAuthChallengeCommand)
      .rejects(new InvalidParameterException({ message: `Session ${step.session} is malformed`, ...meta }));
    const error = (
      await auth.completeNewPassword(step, 'N3w-Passw0rd!', {
        attributes: { email: 'a@b.co', birthdate: '1990-04-01' },
      })
    )._unsafeUnwrapErr();
    expect(error.type).toBe('InvalidParameter');
    expect(JSON.stringify(error)).not.toContain(step.session);
  });
});
