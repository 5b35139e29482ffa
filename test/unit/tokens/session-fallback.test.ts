import {
  CognitoIdentityProviderClient,
  CognitoIdentityProviderServiceException,
  GetTokensFromRefreshTokenCommand,
  InitiateAuthCommand,
  InternalErrorException,
  NotAuthorizedException,
  TooManyRequestsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { memoryDeviceStore } from '../../../src/auth/devices/device-store.js';
import { secretHash } from '../../../src/crypto/secret-hash.js';
import { createSession } from '../../../src/tokens/session.js';
import { fakeJwt } from '../../support/jwt.js';
import {
  authenticationResult,
  clientId,
  clientSecret,
  fakeClock,
  htmlServerError,
  meta,
  sessionContext,
  tokensAt,
  unknownOperationError,
} from './session-support.js';

const cognito = mockClient(CognitoIdentityProviderClient);

beforeEach(() => {
  cognito.reset();
});

const initiateCalls = () => cognito.commandCalls(InitiateAuthCommand);
const getTokensCalls = () => cognito.commandCalls(GetTokensFromRefreshTokenCommand);

function serviceError(name: string, status: number, fault: 'client' | 'server' = 'client') {
  return new CognitoIdentityProviderServiceException({
    name,
    $fault: fault,
    message: `${name} raised`,
    $metadata: { httpStatusCode: status },
  });
}

describe('falling back to REFRESH_TOKEN_AUTH when GetTokensFromRefreshToken is unavailable', () => {
  const unavailable: [string, () => Error][] = [
    ['UnknownOperationException', () => serviceError('UnknownOperationException', 400)],
    ['OperationNotEnabledException', () => serviceError('OperationNotEnabledException', 400)],
  ];
  for (const [name, error] of unavailable) {
    it(`falls back on ${name}`, async () => {
      const clock = fakeClock();
      cognito.on(GetTokensFromRefreshTokenCommand).rejects(error());
      cognito.on(InitiateAuthCommand).resolves(authenticationResult(clock.now, { label: 'fallback' }));
      const session = createSession(sessionContext(clock), tokensAt(clock.now));
      const fresh = (await session.refresh())._unsafeUnwrap();
      expect(getTokensCalls()).toHaveLength(1);
      expect(initiateCalls()[0]?.args[0].input).toEqual({
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: clientId,
        AuthParameters: { REFRESH_TOKEN: 'refresh-token-1' },
      });
      expect(fresh.idToken).toBe(
        authenticationResult(clock.now, { label: 'fallback' }).AuthenticationResult.IdToken,
      );
      expect(fresh.refreshToken).toBe('refresh-token-1');
    });
  }

  const available: [string, () => Error, string][] = [
    [
      'InternalErrorException (a real Cognito 500)',
      () => new InternalErrorException({ message: 'boom', $metadata: { httpStatusCode: 500 } }),
      'Internal',
    ],
    [
      'TooManyRequestsException',
      () => new TooManyRequestsException({ message: 'slow', ...meta }),
      'TooManyRequests',
    ],
    [
      'a network failure',
      () => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      'Network',
    ],
    ['an unknown client error', () => serviceError('ForbiddenException', 403), 'Unexpected'],
    // A proxy's answers in an outage are not "the operation does not exist" (regression: these switched
    // the session to REFRESH_TOKEN_AUTH for good, ending it on rotating app clients).
    [
      'an HTML HTTP 500 without $fault (a proxy in an outage; also what moto answers)',
      htmlServerError,
      'Unexpected',
    ],
    ['an HTTP 404 answer', () => serviceError('NotFound', 404), 'Unexpected'],
    ['an HTTP 501 answer', () => serviceError('NotImplemented', 501, 'server'), 'Unexpected'],
    [
      'an unknown server error that is Cognito JSON',
      () => serviceError('SomethingElse', 500, 'server'),
      'Unexpected',
    ],
  ];
  for (const [name, error, type] of available) {
    it(`does not fall back on ${name}: the error is reported`, async () => {
      const clock = fakeClock();
      cognito.on(GetTokensFromRefreshTokenCommand).rejects(error());
      const session = createSession(sessionContext(clock), tokensAt(clock.now));
      const result = await session.refresh();
      expect(result._unsafeUnwrapErr().type).toBe(type);
      expect(initiateCalls()).toHaveLength(0);
    });
  }

  it('remembers the fallback: the next refresh goes straight to REFRESH_TOKEN_AUTH (one request)', async () => {
    const clock = fakeClock();
    cognito.on(GetTokensFromRefreshTokenCommand).rejects(serviceError('UnknownOperationException', 400));
    cognito.on(InitiateAuthCommand).resolves(authenticationResult(clock.now));
    const session = createSession(sessionContext(clock), tokensAt(clock.now));
    await session.refresh();
    await session.refresh();
    expect(getTokensCalls()).toHaveLength(1);
    expect(initiateCalls()).toHaveLength(2);
  });

  it("refreshOperation: 'REFRESH_TOKEN_AUTH' never calls GetTokensFromRefreshToken", async () => {
    const clock = fakeClock();
    cognito.on(InitiateAuthCommand).resolves(authenticationResult(clock.now));
    const session = createSession(sessionContext(clock), tokensAt(clock.now), {
      refreshOperation: 'REFRESH_TOKEN_AUTH',
    });
    expect((await session.refresh()).isOk()).toBe(true);
    expect(getTokensCalls()).toHaveLength(0);
  });

  it('an HTML 500 outage, then recovery: the session keeps GetTokensFromRefreshToken (never switched)', async () => {
    const clock = fakeClock();
    cognito
      .on(GetTokensFromRefreshTokenCommand)
      .rejectsOnce(htmlServerError())
      .resolves(authenticationResult(clock.now));
    const session = createSession(sessionContext(clock), tokensAt(clock.now));
    expect((await session.refresh())._unsafeUnwrapErr().type).toBe('Unexpected');
    expect((await session.refresh()).isOk()).toBe(true);
    expect(getTokensCalls()).toHaveLength(2);
    expect(initiateCalls()).toHaveLength(0);
  });

  it("refreshOperation: 'GetTokensFromRefreshToken' never falls back", async () => {
    const clock = fakeClock();
    cognito.on(GetTokensFromRefreshTokenCommand).rejects(serviceError('UnknownOperationException', 400));
    const session = createSession(sessionContext(clock), tokensAt(clock.now), {
      refreshOperation: 'GetTokensFromRefreshToken',
    });
    const result = await session.refresh();
    expect(result._unsafeUnwrapErr()).toMatchObject({ type: 'Unexpected' });
    expect(initiateCalls()).toHaveLength(0);
  });

  it('a NotAuthorized from the fallback ends the session like one from GetTokensFromRefreshToken', async () => {
    const clock = fakeClock();
    cognito.on(GetTokensFromRefreshTokenCommand).rejects(unknownOperationError());
    cognito
      .on(InitiateAuthCommand)
      .rejects(new NotAuthorizedException({ message: 'Refresh Token has been revoked', ...meta }));
    const session = createSession(sessionContext(clock), tokensAt(clock.now));
    expect((await session.refresh())._unsafeUnwrapErr().type).toBe('SessionEnded');
  });
});

describe('SECRET_HASH on REFRESH_TOKEN_AUTH uses the internal user name, never the alias typed at sign-in', () => {
  async function refreshedHash(tokens: ReturnType<typeof tokensAt>, username?: string) {
    const clock = fakeClock();
    cognito.on(InitiateAuthCommand).resolves(authenticationResult(clock.now));
    const session = createSession(sessionContext(clock, { secret: true }), tokens, {
      refreshOperation: 'REFRESH_TOKEN_AUTH',
      ...(username ? { username } : {}),
    });
    (await session.refresh())._unsafeUnwrap();
    return initiateCalls()[0]?.args[0].input.AuthParameters?.SECRET_HASH;
  }

  it('uses cognito:username from the ID token even when the session was given the typed email', async () => {
    const clock = fakeClock();
    const tokens = tokensAt(clock.now, { username: '7d8e9f00-internal-uuid', sub: '7d8e9f00-internal-uuid' });
    const hash = await refreshedHash(tokens, 'alice@example.com');
    expect(hash).toBe(await secretHash('7d8e9f00-internal-uuid', clientId, clientSecret));
    expect(hash).not.toBe(await secretHash('alice@example.com', clientId, clientSecret));
  });

  it('falls back to sub when the tokens carry no user name claim', async () => {
    const clock = fakeClock();
    const base = tokensAt(clock.now);
    const iat = Math.floor(clock.now / 1000);
    const claims = { sub: 'the-sub', iss: 'x', iat, exp: iat + 3600 };
    const tokens = {
      ...base,
      idToken: fakeJwt({ ...claims, token_use: 'id' }),
      accessToken: fakeJwt({ ...claims, token_use: 'access' }),
    };
    expect(await refreshedHash(tokens)).toBe(await secretHash('the-sub', clientId, clientSecret));
  });

  it('tokens with no user name and no sub give Unexpected without a request', async () => {
    const clock = fakeClock();
    const tokens = { ...tokensAt(clock.now), idToken: 'not-a-jwt', accessToken: 'not-a-jwt-either' };
    const session = createSession(sessionContext(clock, { secret: true }), tokens, {
      refreshOperation: 'REFRESH_TOKEN_AUTH',
    });
    expect((await session.refresh())._unsafeUnwrapErr().type).toBe('Unexpected');
    expect(cognito.calls()).toHaveLength(0);
  });

  it('a rejected SECRET_HASH is NotAuthorized, does not end the session, and the next call retries', async () => {
    const clock = fakeClock();
    const tokens = tokensAt(clock.now);
    cognito
      .on(InitiateAuthCommand)
      .rejectsOnce(
        new NotAuthorizedException({ message: 'Unable to verify secret hash for client client1', ...meta }),
      )
      .resolves(authenticationResult(clock.now));
    const session = createSession(sessionContext(clock, { secret: true }), tokens, {
      refreshOperation: 'REFRESH_TOKEN_AUTH',
    });
    expect((await session.refresh())._unsafeUnwrapErr().type).toBe('NotAuthorized');
    expect((await session.refresh()).isOk()).toBe(true);
    expect(initiateCalls()).toHaveLength(2);
  });
});

describe('the device key of pools that remember devices', () => {
  it("is taken from the access token's device_key claim (both operations)", async () => {
    const clock = fakeClock();
    cognito.on(GetTokensFromRefreshTokenCommand).rejects(unknownOperationError());
    cognito.on(InitiateAuthCommand).resolves(authenticationResult(clock.now));
    const tokens = tokensAt(clock.now, { deviceKey: 'eu-west-1_device-from-token' });
    const session = createSession(sessionContext(clock), tokens);
    await session.refresh();
    expect(getTokensCalls()[0]?.args[0].input.DeviceKey).toBe('eu-west-1_device-from-token');
    expect(initiateCalls()[0]?.args[0].input.AuthParameters?.DEVICE_KEY).toBe('eu-west-1_device-from-token');
  });

  it('else from the DeviceStore under the user name typed at sign-in (session option username)', async () => {
    const clock = fakeClock();
    const deviceStore = memoryDeviceStore();
    await deviceStore.set('alice@example.com', {
      deviceKey: 'eu-west-1_stored-device',
      deviceGroupKey: '-group',
      devicePassword: 'device-password-value',
    });
    cognito.on(GetTokensFromRefreshTokenCommand).resolves(authenticationResult(clock.now));
    const session = createSession(sessionContext(clock, { deviceStore }), tokensAt(clock.now), {
      username: 'alice@example.com',
    });
    await session.refresh();
    expect(getTokensCalls()[0]?.args[0].input.DeviceKey).toBe('eu-west-1_stored-device');
  });

  it('a failing DeviceStore is an Unexpected error and no request is sent', async () => {
    const clock = fakeClock();
    const deviceStore = {
      get: () => Promise.reject(new Error('disk gone')),
      set: () => undefined,
      delete: () => undefined,
    };
    const session = createSession(sessionContext(clock, { deviceStore }), tokensAt(clock.now), {
      username: 'alice',
    });
    expect((await session.refresh())._unsafeUnwrapErr().type).toBe('Unexpected');
    expect(cognito.calls()).toHaveLength(0);
  });
});
