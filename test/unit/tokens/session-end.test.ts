import {
  CognitoIdentityProviderClient,
  CognitoIdentityProviderServiceException,
  GetTokensFromRefreshTokenCommand,
  NotAuthorizedException,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CognitoError } from '../../../src/errors/types.js';
import { createSession } from '../../../src/tokens/session.js';
import type { SessionEndReason } from '../../../src/tokens/session-events.js';
import { memoryTokenStore } from '../../../src/tokens/stores/memory-token-store.js';
import type { TokenSet } from '../../../src/tokens/token-set.js';
import { authenticationResult, fakeClock, meta, sessionContext, tokensAt } from './session-support.js';

const cognito = mockClient(CognitoIdentityProviderClient);

beforeEach(() => {
  cognito.reset();
});

const rejections: [string, () => Error][] = [
  [
    'a revoked refresh token (NotAuthorized)',
    () => new NotAuthorizedException({ message: 'Refresh Token has been revoked', ...meta }),
  ],
  [
    'an expired refresh token (NotAuthorized)',
    () => new NotAuthorizedException({ message: 'Refresh Token has expired', ...meta }),
  ],
  [
    'a deleted user (UserNotFound)',
    () => new UserNotFoundException({ message: 'User does not exist.', ...meta }),
  ],
  [
    'a refresh token rotated out (RefreshTokenReuseException)',
    () =>
      new CognitoIdentityProviderServiceException({
        name: 'RefreshTokenReuseException',
        $fault: 'client',
        message: 'Refresh token has been reused',
        $metadata: { httpStatusCode: 400 },
      }),
  ],
];

describe('a refresh token Cognito no longer accepts ends the session', () => {
  for (const [name, error] of rejections) {
    it(`${name}: SessionEnded, store cleared, ended event, no further requests`, async () => {
      const clock = fakeClock();
      const store = memoryTokenStore();
      const tokens = tokensAt(clock.now);
      cognito.on(GetTokensFromRefreshTokenCommand).rejects(error());
      const session = createSession(sessionContext(clock), tokens, { store });
      const ended: { reason: SessionEndReason; error?: CognitoError }[] = [];
      session.on('ended', (event) => {
        ended.push(event);
      });
      await session.getTokens(); // saves the tokens
      expect(store.get('tokens')).toEqual(tokens);
      clock.advance(2 * 3600_000);
      const result = await session.getTokens();
      const problem = result._unsafeUnwrapErr();
      expect(problem.type).toBe('SessionEnded');
      expect(problem.retryable).toBe(false);
      expect(JSON.stringify(problem)).not.toContain('refresh-token-1');
      expect(store.get('tokens')).toBeUndefined();
      expect(ended).toHaveLength(1);
      expect(ended[0]?.reason).toBe('refresh-rejected');
      expect(ended[0]?.error).toBeDefined();
      expect((await session.getIdToken())._unsafeUnwrapErr().type).toBe('SessionEnded');
      expect((await session.refresh())._unsafeUnwrapErr().type).toBe('SessionEnded');
      expect(cognito.calls()).toHaveLength(1);
    });
  }

  it('expired tokens without a refresh token end the session without a request', async () => {
    const clock = fakeClock();
    const store = memoryTokenStore();
    const session = createSession(sessionContext(clock), tokensAt(clock.now, { refreshToken: null }), {
      store,
    });
    const reasons: SessionEndReason[] = [];
    session.on('ended', ({ reason }) => {
      reasons.push(reason);
    });
    expect((await session.getTokens()).isOk()).toBe(true);
    clock.advance(3600_000);
    expect((await session.getTokens())._unsafeUnwrapErr().type).toBe('SessionEnded');
    expect(reasons).toEqual(['no-refresh-token']);
    expect(store.get('tokens')).toBeUndefined();
    expect(cognito.calls()).toHaveLength(0);
  });

  it('a store that cannot be cleared still ends the session, and says so', async () => {
    const clock = fakeClock();
    const inner = memoryTokenStore();
    const store = { ...inner, delete: () => Promise.reject(new Error('read-only volume')) };
    cognito
      .on(GetTokensFromRefreshTokenCommand)
      .rejects(new NotAuthorizedException({ message: 'Refresh Token has been revoked', ...meta }));
    const session = createSession(sessionContext(clock), tokensAt(clock.now), { store });
    const error = (await session.refresh())._unsafeUnwrapErr();
    expect(error.type).toBe('SessionEnded');
    expect(error.message).toContain('could not be cleared');
    expect(error.message).toContain('read-only volume');
  });
});

describe('transient refresh failures', () => {
  it('ahead of expiry, getTokens keeps answering with the still-valid tokens; refresh() reports the error', async () => {
    const clock = fakeClock();
    const tokens = tokensAt(clock.now);
    cognito
      .on(GetTokensFromRefreshTokenCommand)
      .rejects(Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' }));
    const session = createSession(sessionContext(clock), tokens);
    clock.now = tokens.expiresAt - 60_000;
    expect((await session.getTokens())._unsafeUnwrap()).toEqual(tokens);
    expect((await session.refresh())._unsafeUnwrapErr().type).toBe('Network');
    expect(cognito.calls()).toHaveLength(2);
  });

  it('after expiry, the error is reported', async () => {
    const clock = fakeClock();
    const tokens = tokensAt(clock.now);
    cognito
      .on(GetTokensFromRefreshTokenCommand)
      .rejects(Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' }));
    const session = createSession(sessionContext(clock), tokens);
    clock.now = tokens.expiresAt;
    expect((await session.getTokens())._unsafeUnwrapErr()).toMatchObject({
      type: 'Network',
      retryable: true,
    });
  });
});

describe('several processes sharing one store', () => {
  it('takes tokens another process refreshed (same user, later expiry) instead of refreshing', async () => {
    const clock = fakeClock();
    const store = memoryTokenStore();
    const session = createSession(sessionContext(clock), tokensAt(clock.now), { store });
    await session.getTokens();
    clock.advance(58 * 60_000);
    const theirs = tokensAt(clock.now, { refreshToken: 'rotated-by-other-process', label: 'other' });
    store.set('tokens', theirs);
    expect((await session.getTokens())._unsafeUnwrap()).toEqual(theirs);
    expect(cognito.calls()).toHaveLength(0);
  });

  it("ignores another user's tokens under the same key", async () => {
    const clock = fakeClock();
    const store = memoryTokenStore();
    cognito.on(GetTokensFromRefreshTokenCommand).resolves(authenticationResult(clock.now + 58 * 60_000));
    const session = createSession(sessionContext(clock), tokensAt(clock.now), { store });
    await session.getTokens();
    clock.advance(58 * 60_000);
    store.set('tokens', tokensAt(clock.now, { sub: 'sub-mallory', refreshToken: 'mallory' }));
    const mine = (await session.getTokens())._unsafeUnwrap();
    expect(mine.refreshToken).toBe('refresh-token-1');
    expect(cognito.calls()).toHaveLength(1);
  });

  it('when its refresh token was rotated out by another process meanwhile, retries once with the stored one', async () => {
    const clock = fakeClock();
    const store = memoryTokenStore();
    const session = createSession(sessionContext(clock), tokensAt(clock.now), { store });
    await session.getTokens();
    clock.advance(3600_000);
    // While our request is on its way, the other process rotates the token and stores its set, which is
    // itself already inside the refresh margin (it expires in one second).
    const theirs = tokensAt(clock.now - 3599_000, { refreshToken: 'rotated' });
    cognito
      .on(GetTokensFromRefreshTokenCommand, { RefreshToken: 'refresh-token-1' })
      .callsFake(() => {
        store.set('tokens', theirs);
        throw new NotAuthorizedException({ message: 'Refresh Token has been revoked', ...meta });
      })
      .on(GetTokensFromRefreshTokenCommand, { RefreshToken: 'rotated' })
      .resolves(authenticationResult(clock.now, { refreshToken: 'rotated-again' }));
    const fresh = (await session.getTokens())._unsafeUnwrap();
    expect(fresh.refreshToken).toBe('rotated-again');
    const sent = cognito.calls().map((call) => (call.args[0].input as { RefreshToken: string }).RefreshToken);
    expect(sent).toEqual(['refresh-token-1', 'rotated']);
    expect((store.get('tokens') as TokenSet).refreshToken).toBe('rotated-again');
  });

  it('when another process stored fresh tokens meanwhile, answers with them after the rejection', async () => {
    const clock = fakeClock();
    const store = memoryTokenStore();
    const session = createSession(sessionContext(clock), tokensAt(clock.now), { store });
    await session.getTokens();
    clock.advance(3600_000);
    const theirs = tokensAt(clock.now, { refreshToken: 'rotated', label: 'theirs' });
    cognito.on(GetTokensFromRefreshTokenCommand).callsFake(() => {
      store.set('tokens', theirs);
      throw new NotAuthorizedException({ message: 'Refresh Token has been revoked', ...meta });
    });
    expect((await session.getTokens())._unsafeUnwrap()).toEqual(theirs);
    expect(cognito.calls()).toHaveLength(1);
    expect(store.get('tokens')).toEqual(theirs);
  });

  it('when the stored tokens are its own, a rejected refresh token ends the session (no retry)', async () => {
    const clock = fakeClock();
    const store = memoryTokenStore();
    const session = createSession(sessionContext(clock), tokensAt(clock.now), { store });
    await session.getTokens();
    clock.advance(3600_000);
    cognito
      .on(GetTokensFromRefreshTokenCommand)
      .rejects(new NotAuthorizedException({ message: 'Refresh Token has been revoked', ...meta }));
    expect((await session.getTokens())._unsafeUnwrapErr().type).toBe('SessionEnded');
    expect(cognito.calls()).toHaveLength(1);
  });
});
