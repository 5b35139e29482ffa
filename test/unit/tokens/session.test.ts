import {
  CognitoIdentityProviderClient,
  GetTokensFromRefreshTokenCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSession } from '../../../src/tokens/session.js';
import { memoryTokenStore } from '../../../src/tokens/stores/memory-token-store.js';
import type { TokenSet } from '../../../src/tokens/token-set.js';
import {
  authenticationResult,
  clientId,
  clientSecret,
  fakeClock,
  sessionContext,
  tokensAt,
} from './session-support.js';

const cognito = mockClient(CognitoIdentityProviderClient);
const MINUTE = 60_000;

beforeEach(() => {
  cognito.reset();
});

const refreshCalls = () => cognito.commandCalls(GetTokensFromRefreshTokenCommand);

describe('a session answers from memory while its tokens are fresh', () => {
  it('sends no request while the tokens expire later than the margin', async () => {
    const clock = fakeClock();
    const tokens = tokensAt(clock.now);
    const session = createSession(sessionContext(clock), tokens);
    clock.advance(54 * MINUTE);
    expect((await session.getTokens())._unsafeUnwrap()).toEqual(tokens);
    expect((await session.getIdToken())._unsafeUnwrap()).toBe(tokens.idToken);
    expect((await session.getAccessToken())._unsafeUnwrap()).toBe(tokens.accessToken);
    expect(cognito.calls()).toHaveLength(0);
  });

  it('refreshes exactly when the default margin of 5 minutes is reached, not a millisecond earlier', async () => {
    const clock = fakeClock();
    const tokens = tokensAt(clock.now);
    cognito.on(GetTokensFromRefreshTokenCommand).resolves(authenticationResult(clock.now + 55 * MINUTE));
    const session = createSession(sessionContext(clock), tokens);
    clock.now = tokens.expiresAt - 5 * MINUTE - 1;
    await session.getTokens();
    expect(refreshCalls()).toHaveLength(0);
    clock.now = tokens.expiresAt - 5 * MINUTE;
    await session.getTokens();
    expect(refreshCalls()).toHaveLength(1);
  });

  it('honours a custom refreshMargin', async () => {
    const clock = fakeClock();
    const tokens = tokensAt(clock.now);
    cognito.on(GetTokensFromRefreshTokenCommand).resolves(authenticationResult(clock.now));
    const session = createSession(sessionContext(clock), tokens, { refreshMargin: 20 * MINUTE });
    clock.now = tokens.expiresAt - 20 * MINUTE - 1;
    await session.getTokens();
    expect(refreshCalls()).toHaveLength(0);
    clock.advance(1);
    await session.getTokens();
    expect(refreshCalls()).toHaveLength(1);
  });

  it('caps the margin at half the token lifetime, so 5-minute tokens are not refreshed on every call', async () => {
    const clock = fakeClock();
    const tokens = tokensAt(clock.now, { lifetimeSeconds: 300 });
    cognito
      .on(GetTokensFromRefreshTokenCommand)
      .resolves(authenticationResult(clock.now, { lifetimeSeconds: 300 }));
    const session = createSession(sessionContext(clock), tokens);
    clock.advance(150_000 - 1);
    await session.getTokens();
    expect(refreshCalls()).toHaveLength(0);
    clock.advance(1);
    await session.getTokens();
    expect(refreshCalls()).toHaveLength(1);
  });
});

describe('refreshing with GetTokensFromRefreshToken (aws-sdk-client-mock: moto lacks the operation)', () => {
  it('sends the client id and refresh token and answers with the new tokens', async () => {
    const clock = fakeClock();
    const session = createSession(sessionContext(clock), tokensAt(clock.now));
    clock.advance(60 * MINUTE);
    cognito
      .on(GetTokensFromRefreshTokenCommand)
      .resolves(authenticationResult(clock.now, { label: 'second' }));
    const fresh = (await session.getTokens())._unsafeUnwrap();
    expect(refreshCalls()[0]?.args[0].input).toEqual({ ClientId: clientId, RefreshToken: 'refresh-token-1' });
    expect(fresh.idToken).toBe(
      authenticationResult(clock.now, { label: 'second' }).AuthenticationResult.IdToken,
    );
    expect(fresh.expiresAt).toBe(clock.now + 3600_000);
    expect(cognito.commandCalls(InitiateAuthCommand)).toHaveLength(0);
  });

  it('sends the client secret itself (GetTokensFromRefreshToken takes ClientSecret, not SECRET_HASH)', async () => {
    const clock = fakeClock();
    cognito.on(GetTokensFromRefreshTokenCommand).resolves(authenticationResult(clock.now));
    const session = createSession(sessionContext(clock, { secret: true }), tokensAt(clock.now));
    await session.refresh();
    expect(refreshCalls()[0]?.args[0].input).toEqual({
      ClientId: clientId,
      RefreshToken: 'refresh-token-1',
      ClientSecret: clientSecret,
    });
  });

  it('with rotation, stores the new refresh token and uses it for the next refresh', async () => {
    const clock = fakeClock();
    const store = memoryTokenStore();
    cognito
      .on(GetTokensFromRefreshTokenCommand)
      .resolvesOnce(authenticationResult(clock.now, { refreshToken: 'refresh-token-2' }))
      .resolvesOnce(authenticationResult(clock.now, { refreshToken: 'refresh-token-3' }));
    const session = createSession(sessionContext(clock), tokensAt(clock.now), { store });
    const first = (await session.refresh())._unsafeUnwrap();
    expect(first.refreshToken).toBe('refresh-token-2');
    expect((store.get('tokens') as TokenSet).refreshToken).toBe('refresh-token-2');
    await session.refresh();
    expect(refreshCalls().map((call) => call.args[0].input.RefreshToken)).toEqual([
      'refresh-token-1',
      'refresh-token-2',
    ]);
    expect((store.get('tokens') as TokenSet).refreshToken).toBe('refresh-token-3');
  });

  it('without rotation, keeps the refresh token it used', async () => {
    const clock = fakeClock();
    cognito.on(GetTokensFromRefreshTokenCommand).resolves(authenticationResult(clock.now));
    const session = createSession(sessionContext(clock), tokensAt(clock.now));
    const fresh = (await session.refresh())._unsafeUnwrap();
    expect(fresh.refreshToken).toBe('refresh-token-1');
  });

  it('an answer without tokens is Unexpected and keeps the old tokens', async () => {
    const clock = fakeClock();
    const tokens = tokensAt(clock.now);
    cognito.on(GetTokensFromRefreshTokenCommand).resolves({});
    const session = createSession(sessionContext(clock), tokens);
    const result = await session.refresh();
    expect(result._unsafeUnwrapErr().type).toBe('Unexpected');
    expect((await session.getTokens())._unsafeUnwrap()).toEqual(tokens);
  });
});

describe('session events', () => {
  it('emits refreshed with the new tokens, and stops after unsubscribing', async () => {
    const clock = fakeClock();
    cognito.on(GetTokensFromRefreshTokenCommand).resolves(authenticationResult(clock.now, { label: 'x' }));
    const session = createSession(sessionContext(clock), tokensAt(clock.now));
    const seen: TokenSet[] = [];
    const off = session.on('refreshed', (tokens) => {
      seen.push(tokens);
    });
    const first = (await session.refresh())._unsafeUnwrap();
    off();
    await session.refresh();
    expect(seen).toEqual([first]);
  });

  it('a listener that throws or rejects breaks neither the refresh nor the other listeners', async () => {
    const clock = fakeClock();
    cognito.on(GetTokensFromRefreshTokenCommand).resolves(authenticationResult(clock.now));
    const session = createSession(sessionContext(clock), tokensAt(clock.now));
    let called = 0;
    session.on('refreshed', () => {
      throw new Error('listener bug');
    });
    session.on('refreshed', async () => {
      throw new Error('async listener bug');
    });
    session.on('refreshed', () => {
      called += 1;
    });
    expect((await session.refresh()).isOk()).toBe(true);
    expect(called).toBe(1);
  });
});

describe('invalid input gives InvalidParameter without a request', () => {
  const clock = fakeClock();
  const cases: [string, unknown, unknown][] = [
    ['tokens that are not an object', 'token', undefined],
    ['tokens without an ID token', { ...tokensAt(clock.now), idToken: '' }, undefined],
    ['tokens without expiresAt', { ...tokensAt(clock.now), expiresAt: 'soon' }, undefined],
    ['a negative refreshMargin', tokensAt(clock.now), { refreshMargin: -1 }],
    ['a store without methods', tokensAt(clock.now), { store: {} }],
    ['an empty key', tokensAt(clock.now), { key: '' }],
    ['an unknown refreshOperation', tokensAt(clock.now), { refreshOperation: 'SOMETHING' }],
    ['options that are not an object', tokensAt(clock.now), 5],
  ];
  for (const [name, tokens, options] of cases) {
    it(name, async () => {
      const session = createSession(sessionContext(clock), tokens as TokenSet, options as never);
      for (const result of [
        await session.getTokens(),
        await session.getIdToken(),
        await session.refresh(),
        await session.signOut(),
      ]) {
        expect(result._unsafeUnwrapErr().type).toBe('InvalidParameter');
      }
      expect(cognito.calls()).toHaveLength(0);
    });
  }

  it('signOut with non-boolean options is InvalidParameter', async () => {
    const session = createSession(sessionContext(clock), tokensAt(clock.now));
    const result = await session.signOut({ global: 'yes' } as never);
    expect(result._unsafeUnwrapErr().type).toBe('InvalidParameter');
    expect(cognito.calls()).toHaveLength(0);
  });
});
