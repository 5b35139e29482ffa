import {
  CognitoIdentityProviderClient,
  GetTokensFromRefreshTokenCommand,
  InitiateAuthCommand,
  NotAuthorizedException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSession } from '../../../src/tokens/session.js';
import { memoryTokenStore } from '../../../src/tokens/stores/memory-token-store.js';
import {
  authenticationResult,
  fakeClock,
  meta,
  sessionContext,
  tokensAt,
  unknownOperationError,
} from './session-support.js';

const cognito = mockClient(CognitoIdentityProviderClient);
const N = 1000;

beforeEach(() => {
  cognito.reset();
});

/** Resolves after `ms` real milliseconds, so the refresh request is still running while callers pile up. */
const later = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('single flight: concurrent callers share one refresh', () => {
  it(`${N} concurrent getTokens() on an expired session make exactly 1 refresh request`, async () => {
    const clock = fakeClock();
    const session = createSession(sessionContext(clock), tokensAt(clock.now), { store: memoryTokenStore() });
    clock.advance(2 * 3600_000);
    const answer = authenticationResult(clock.now, { label: 'shared' });
    cognito.on(GetTokensFromRefreshTokenCommand).callsFake(() => later(20, answer));
    const results = await Promise.all(Array.from({ length: N }, () => session.getTokens()));
    expect(cognito.calls()).toHaveLength(1);
    const idTokens = new Set(results.map((result) => result._unsafeUnwrap().idToken));
    expect([...idTokens]).toEqual([answer.AuthenticationResult.IdToken]);
  });

  it(`${N} concurrent getIdToken(), getAccessToken() and refresh() calls share one request too`, async () => {
    const clock = fakeClock();
    const session = createSession(sessionContext(clock), tokensAt(clock.now));
    clock.advance(2 * 3600_000);
    cognito.on(GetTokensFromRefreshTokenCommand).callsFake(() => later(20, authenticationResult(clock.now)));
    const calls = Array.from({ length: N }, (_, i) =>
      i % 3 === 0 ? session.getIdToken() : i % 3 === 1 ? session.getAccessToken() : session.refresh(),
    );
    const results = await Promise.all(calls);
    expect(results.every((result) => result.isOk())).toBe(true);
    expect(cognito.calls()).toHaveLength(1);
  });

  it(`against an endpoint without GetTokensFromRefreshToken, ${N} callers make 2 requests (probe + fallback)`, async () => {
    const clock = fakeClock();
    const session = createSession(sessionContext(clock), tokensAt(clock.now));
    clock.advance(2 * 3600_000);
    cognito.on(GetTokensFromRefreshTokenCommand).callsFake(() =>
      later(10, undefined).then(() => {
        throw unknownOperationError();
      }),
    );
    cognito.on(InitiateAuthCommand).callsFake(() => later(10, authenticationResult(clock.now)));
    const results = await Promise.all(Array.from({ length: N }, () => session.getTokens()));
    expect(results.every((result) => result.isOk())).toBe(true);
    expect(cognito.commandCalls(GetTokensFromRefreshTokenCommand)).toHaveLength(1);
    expect(cognito.commandCalls(InitiateAuthCommand)).toHaveLength(1);
  });

  it('a failed refresh is reported to every waiting caller, and the next call retries with a new request', async () => {
    const clock = fakeClock();
    const session = createSession(sessionContext(clock), tokensAt(clock.now));
    clock.advance(2 * 3600_000);
    const network = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    cognito
      .on(GetTokensFromRefreshTokenCommand)
      .callsFakeOnce(() => later(20, undefined).then(() => Promise.reject(network)))
      .callsFake(() => later(5, authenticationResult(clock.now)));
    const failed = await Promise.all(Array.from({ length: N }, () => session.getTokens()));
    expect(cognito.calls()).toHaveLength(1);
    expect(new Set(failed.map((result) => result._unsafeUnwrapErr().type))).toEqual(new Set(['Network']));
    expect(failed[0]?._unsafeUnwrapErr().retryable).toBe(true);
    const next = await Promise.all(Array.from({ length: N }, () => session.getTokens()));
    expect(next.every((result) => result.isOk())).toBe(true);
    expect(cognito.calls()).toHaveLength(2);
  });

  it('a revoked refresh token ends the session for every waiting caller with one request', async () => {
    const clock = fakeClock();
    const session = createSession(sessionContext(clock), tokensAt(clock.now));
    clock.advance(2 * 3600_000);
    cognito
      .on(GetTokensFromRefreshTokenCommand)
      .callsFake(() =>
        later(10, undefined).then(() =>
          Promise.reject(new NotAuthorizedException({ message: 'Refresh Token has been revoked', ...meta })),
        ),
      );
    const results = await Promise.all(Array.from({ length: N }, () => session.getTokens()));
    expect(new Set(results.map((result) => result._unsafeUnwrapErr().type))).toEqual(
      new Set(['SessionEnded']),
    );
    expect((await session.getTokens())._unsafeUnwrapErr().type).toBe('SessionEnded');
    expect(cognito.calls()).toHaveLength(1);
  });

  it('once a refresh has settled, a forced refresh() sends a new request', async () => {
    const clock = fakeClock();
    const session = createSession(sessionContext(clock), tokensAt(clock.now));
    cognito.on(GetTokensFromRefreshTokenCommand).resolves(authenticationResult(clock.now));
    await Promise.all([session.refresh(), session.refresh()]);
    expect(cognito.calls()).toHaveLength(1);
    await session.refresh();
    expect(cognito.calls()).toHaveLength(2);
  });
});
