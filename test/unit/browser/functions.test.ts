/**
 * cognito-flow/browser's tree-shakable functions on a `userPool()` handle. The pool is given an SDK
 * transport so aws-sdk-client-mock intercepts its calls (the fetch transport itself is covered by
 * test/unit/transport and the fetch integration tests).
 */
import { inspect } from 'node:util';
import {
  CognitoIdentityProviderClient,
  GetTokensFromRefreshTokenCommand,
  InitiateAuthCommand,
  NotAuthorizedException,
  RespondToAuthChallengeCommand,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { userPoolSdkTransport } from '../../../src/auth/user-pool-transport.js';
import {
  AuthClient,
  refreshTokens,
  resumeStep,
  signIn,
  startSession,
  submitCode,
  type TokenSet,
  type UserPool,
  userPool,
} from '../../../src/browser/index.js';
import { unwrap } from '../../support/unwrap.js';
import { authenticationResult, tokensAt } from '../tokens/session-support.js';

const cognito = mockClient(CognitoIdentityProviderClient);
const sdk = new CognitoIdentityProviderClient({ region: 'eu-west-1', maxAttempts: 1 });
const NOW = Date.UTC(2030, 0, 1);
const config = {
  userPoolId: 'eu-west-1_AbC123',
  clientId: 'client1',
  clientSecret: 'the-client-secret-value',
  now: () => NOW,
};
const meta = { $metadata: { requestId: 'req-f', httpStatusCode: 400 } };

const pool = (overrides: Partial<typeof config> = {}) =>
  userPool({ ...config, ...overrides }, userPoolSdkTransport(sdk));

beforeEach(() => cognito.reset());

describe('userPool()', () => {
  it('shows its ids and validity, never its client secret (JSON, inspect)', () => {
    const handle = pool();
    expect(handle).toEqual({ userPoolId: 'eu-west-1_AbC123', clientId: 'client1', valid: true });
    expect(JSON.stringify(handle)).not.toContain('the-client-secret-value');
    expect(inspect(handle, { depth: 5, showHidden: true })).not.toContain('the-client-secret-value');
    expect(Object.isFrozen(handle)).toBe(true);
  });

  it('with an invalid config: valid is false and every function answers InvalidConfig without a request', async () => {
    const handle = pool({ userPoolId: 'not-a-pool' });
    expect(handle.valid).toBe(false);
    const results = [
      await signIn(handle, { username: 'alice', password: 'pw' }),
      await refreshTokens(handle, tokensAt(NOW)),
      resumeStep(handle, '{}'),
      await startSession(handle, tokensAt(NOW)).getTokens(),
    ];
    for (const result of results) expect(result._unsafeUnwrapErr().type).toBe('InvalidConfig');
    expect(cognito.calls()).toHaveLength(0);
  });

  it('a config that is not an object gives an invalid pool, not a throw', async () => {
    for (const bad of [null, undefined, 42, 'eu-west-1_AbC123']) {
      const handle = userPool(bad as never);
      expect(handle).toEqual({ userPoolId: '', clientId: '', valid: false });
      expect((await signIn(handle, { username: 'alice', password: 'pw' }))._unsafeUnwrapErr().type).toBe(
        'InvalidConfig',
      );
    }
  });

  it('an object that is not a pool made by userPool() is an InvalidConfig error, not a throw', async () => {
    const forged = { userPoolId: 'eu-west-1_AbC123', clientId: 'client1', valid: true } as UserPool;
    const result = await signIn(forged, { username: 'alice', password: 'pw' });
    expect(result._unsafeUnwrapErr()).toMatchObject({ type: 'InvalidConfig', message: /Not a user pool/ });
  });
});

describe('signIn and the transitions', () => {
  it('a password sign-in answered by an MFA code ends SIGNED_IN, with SECRET_HASH on both calls', async () => {
    cognito.on(InitiateAuthCommand).resolves({
      ChallengeName: 'SOFTWARE_TOKEN_MFA',
      Session: 'session-1',
      ChallengeParameters: { USER_ID_FOR_SRP: 'alice-internal' },
    });
    cognito.on(RespondToAuthChallengeCommand).resolves(authenticationResult(NOW, { refreshToken: 'r-1' }));
    const handle = pool();
    const first = unwrap(
      await signIn(handle, { username: 'alice', password: 'pw', flow: 'USER_PASSWORD_AUTH' }),
    );
    if (first.step !== 'SOFTWARE_TOKEN_MFA') throw new Error(`unexpected step ${first.step}`);
    const done = unwrap(await submitCode(handle, first, '123 456'));
    expect(done.step).toBe('SIGNED_IN');
    const initiate = cognito.commandCalls(InitiateAuthCommand)[0]?.args[0].input;
    expect(initiate?.AuthParameters).toMatchObject({
      USERNAME: 'alice',
      PASSWORD: 'pw',
      SECRET_HASH: expect.any(String),
    });
    const respond = cognito.commandCalls(RespondToAuthChallengeCommand)[0]?.args[0].input;
    expect(respond?.ChallengeResponses).toMatchObject({
      SOFTWARE_TOKEN_MFA_CODE: '123456',
      SECRET_HASH: expect.any(String),
    });
  });

  it('gives the same steps as the AuthClient class on the same answers (one implementation)', async () => {
    cognito.on(InitiateAuthCommand).resolves({
      ChallengeName: 'SMS_MFA',
      Session: 'session-2',
      ChallengeParameters: { CODE_DELIVERY_DESTINATION: '+******1234', CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS' },
    });
    const input = { username: 'alice', password: 'pw', flow: 'USER_PASSWORD_AUTH' } as const;
    const viaFunction = await signIn(pool(), input);
    const viaClass = await new AuthClient(config, userPoolSdkTransport(sdk)).signIn(input);
    expect(unwrap(viaFunction)).toEqual(unwrap(viaClass));
  });

  it('resumeStep re-validates a step that travelled as JSON, and refuses another app client’s step', async () => {
    cognito
      .on(InitiateAuthCommand)
      .resolves({ ChallengeName: 'SMS_MFA', Session: 'session-3', ChallengeParameters: {} });
    const step = unwrap(
      await signIn(pool(), { username: 'alice', password: 'pw', flow: 'USER_PASSWORD_AUTH' }),
    );
    expect(unwrap(resumeStep(pool(), JSON.stringify(step)))).toEqual(step);
    expect(resumeStep(pool({ clientId: 'other' }), JSON.stringify(step))._unsafeUnwrapErr().type).toBe(
      'InvalidStep',
    );
  });
});

describe('refreshTokens', () => {
  it('returns the new tokens and keeps the refresh token when Cognito does not rotate it', async () => {
    cognito
      .on(GetTokensFromRefreshTokenCommand)
      .resolves(authenticationResult(NOW + 1000, { label: 'fresh' }));
    const fresh = unwrap(await refreshTokens(pool(), tokensAt(NOW, { refreshToken: 'r-keep' })));
    expect(fresh.refreshToken).toBe('r-keep');
    // expiresAt counts ExpiresIn (3600 s) from the pool's clock.
    expect(fresh.expiresAt).toBe(NOW + 3600 * 1000);
    expect(fresh.idToken).not.toBe(tokensAt(NOW).idToken);
    expect(cognito.commandCalls(GetTokensFromRefreshTokenCommand)[0]?.args[0].input).toMatchObject({
      ClientId: 'client1',
      RefreshToken: 'r-keep',
      ClientSecret: 'the-client-secret-value',
    });
  });

  it("with operation REFRESH_TOKEN_AUTH uses InitiateAuth, SECRET_HASH over the token's internal user name", async () => {
    cognito.on(InitiateAuthCommand).resolves(authenticationResult(NOW, { refreshToken: 'r-2' }));
    const fresh = unwrap(
      await refreshTokens(pool(), tokensAt(NOW, { username: 'alice-internal' }), {
        operation: 'REFRESH_TOKEN_AUTH',
      }),
    );
    expect(fresh.refreshToken).toBe('r-2');
    const input = cognito.commandCalls(InitiateAuthCommand)[0]?.args[0].input;
    expect(input?.AuthFlow).toBe('REFRESH_TOKEN_AUTH');
    expect(input?.AuthParameters?.SECRET_HASH).toEqual(expect.any(String));
    expect(cognito.commandCalls(GetTokensFromRefreshTokenCommand)).toHaveLength(0);
  });

  it('a revoked refresh token is NotAuthorized, a deleted user UserNotFound; neither message holds the token', async () => {
    cognito
      .on(GetTokensFromRefreshTokenCommand)
      .rejectsOnce(new NotAuthorizedException({ message: 'Refresh Token has been revoked', ...meta }))
      .rejectsOnce(new UserNotFoundException({ message: 'User does not exist.', ...meta }));
    const tokens = tokensAt(NOW, { refreshToken: 'r-secret-value' });
    const revoked = (await refreshTokens(pool(), tokens))._unsafeUnwrapErr();
    expect(revoked.type).toBe('NotAuthorized');
    const deleted = (await refreshTokens(pool(), tokens))._unsafeUnwrapErr();
    expect(deleted.type).toBe('UserNotFound');
    expect(`${revoked.message} ${deleted.message}`).not.toContain('r-secret-value');
  });

  it('tokens without a refresh token are NotAuthorized, and a non-object is InvalidParameter, without a request', async () => {
    const none = await refreshTokens(pool(), tokensAt(NOW, { refreshToken: null }));
    expect(none._unsafeUnwrapErr().type).toBe('NotAuthorized');
    for (const bad of [null, undefined, 'tokens', { refreshToken: 42 }]) {
      const result = await refreshTokens(pool(), bad as unknown as TokenSet);
      expect(result._unsafeUnwrapErr().type).toBe('InvalidParameter');
    }
    expect(cognito.calls()).toHaveLength(0);
  });

  it('an error outside its union (e.g. a CodeMismatch from a misbehaving endpoint) becomes Unexpected', async () => {
    cognito
      .on(GetTokensFromRefreshTokenCommand)
      .rejects(Object.assign(new Error('odd'), { name: 'CodeMismatchException', ...meta }));
    const result = await refreshTokens(pool(), tokensAt(NOW));
    expect(result._unsafeUnwrapErr().type).toBe('Unexpected');
  });
});

describe('startSession', () => {
  it('keeps tokens fresh through the pool: a token near expiry is refreshed on getTokens', async () => {
    cognito.on(GetTokensFromRefreshTokenCommand).resolves(authenticationResult(NOW, { label: 'after' }));
    const session = startSession(pool(), tokensAt(NOW - 3590 * 1000, { label: 'before' }));
    const tokens = unwrap(await session.getTokens());
    expect(tokens.expiresAt).toBeGreaterThan(NOW);
    expect(cognito.commandCalls(GetTokensFromRefreshTokenCommand)).toHaveLength(1);
  });
});
