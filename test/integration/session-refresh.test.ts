import { describe, expect, it } from 'vitest';
import { decodeIdToken } from '../../src/index.js';
import { createSession } from '../../src/tokens/session.js';
import { memoryTokenStore } from '../../src/tokens/stores/memory-token-store.js';
import type { TokenSet } from '../../src/tokens/token-set.js';
import { signedInUser, stack } from './clients.js';

const HOUR = 3600_000;

describe.skipIf(!stack)('sessions against moto over HTTP', () => {
  const s = stack as NonNullable<typeof stack>;

  /** A confirmed user signed in with USER_PASSWORD_AUTH, and a session context on the same SDK client. */
  async function signedIn(prefix: string, options: { secret?: boolean } = {}) {
    const clock = { offset: 0 };
    const user = await signedInUser(s, prefix, { ...options, now: () => Date.now() + clock.offset });
    return {
      username: user.username,
      tokens: user.tokens,
      clock,
      context: user.context,
      counter: user.counter,
    };
  }

  it("moto answers GetTokensFromRefreshToken with an HTML 500: in auto mode that is reported, never a switch; refreshOperation 'REFRESH_TOKEN_AUTH' refreshes", async () => {
    const { tokens, clock, context, counter, username } = await signedIn('refresh');
    clock.offset = 2 * HOUR;
    const auto = createSession(context, tokens);
    expect((await auto.getTokens())._unsafeUnwrapErr().type).toBe('Unexpected');
    expect(counter.take().byOperation).toEqual({ GetTokensFromRefreshToken: 1 });
    const session = createSession(context, tokens, { refreshOperation: 'REFRESH_TOKEN_AUTH' });
    const fresh = (await session.getTokens())._unsafeUnwrap();
    expect(fresh.idToken).not.toBe(tokens.idToken);
    expect(fresh.refreshToken).toBe(tokens.refreshToken);
    expect(decodeIdToken(fresh.idToken)._unsafeUnwrap()['cognito:username']).toBe(username);
    expect(counter.take().byOperation).toEqual({ InitiateAuth: 1 });
  });

  it('refreshes with the app client that has a secret (moto checks SECRET_HASH on refresh)', async () => {
    const { tokens, clock, context, counter } = await signedIn('refresh-secret', { secret: true });
    const session = createSession(context, tokens, { refreshOperation: 'REFRESH_TOKEN_AUTH' });
    clock.offset = 2 * HOUR;
    const fresh = (await session.getTokens())._unsafeUnwrap();
    expect(fresh.accessToken).not.toBe(tokens.accessToken);
    expect(counter.take().byOperation).toEqual({ InitiateAuth: 1 });
  });

  it('1,000 concurrent getTokens() on an expired session: 1 REFRESH_TOKEN_AUTH request; in auto mode, 1 GetTokensFromRefreshToken whose HTML 500 all share', async () => {
    const { tokens, clock, context, counter } = await signedIn('flight');
    const forced = createSession(context, tokens, { refreshOperation: 'REFRESH_TOKEN_AUTH' });
    const auto = createSession(context, tokens);
    clock.offset = 2 * HOUR;
    const results = await Promise.all(Array.from({ length: 1000 }, () => forced.getTokens()));
    expect(results.every((result) => result.isOk())).toBe(true);
    expect(new Set(results.map((result) => result._unsafeUnwrap().idToken)).size).toBe(1);
    expect(counter.take()).toEqual({ total: 1, byOperation: { InitiateAuth: 1 } });
    const autoResults = await Promise.all(Array.from({ length: 1000 }, () => auto.getTokens()));
    expect(autoResults.every((result) => result.isErr() && result.error.type === 'Unexpected')).toBe(true);
    expect(counter.take()).toEqual({ total: 1, byOperation: { GetTokensFromRefreshToken: 1 } });
  });

  it('global sign-out: GlobalSignOut succeeds, the store is cleared, and the refresh token is dead everywhere', async () => {
    const { tokens, clock, context, counter } = await signedIn('global');
    const store = memoryTokenStore();
    const session = createSession(context, tokens, { store });
    (await session.getTokens())._unsafeUnwrap();
    expect(store.get('tokens')).toEqual(tokens);
    expect((await session.signOut({ global: true })).isOk()).toBe(true);
    expect(counter.take().byOperation).toEqual({ GlobalSignOut: 1 });
    expect(store.get('tokens')).toBeUndefined();
    expect((await session.getTokens())._unsafeUnwrapErr().type).toBe('SessionEnded');
    // Another device holding the same refresh token can no longer refresh: its session ends and its store clears.
    const otherStore = memoryTokenStore();
    const other = createSession(context, tokens, {
      store: otherStore,
      refreshOperation: 'REFRESH_TOKEN_AUTH',
    });
    await other.getTokens();
    clock.offset = 2 * HOUR;
    const ended = await other.getTokens();
    expect(ended._unsafeUnwrapErr().type).toBe('SessionEnded');
    expect(otherStore.get('tokens')).toBeUndefined();
  });

  it('signOut() revokes by default; moto lacks RevokeToken (HTTP 500): the error is reported, the session still ends', async () => {
    const { tokens, context } = await signedIn('revoke');
    const store = memoryTokenStore();
    const session = createSession(context, tokens, { store });
    await session.getTokens();
    const out = await session.signOut();
    expect(out._unsafeUnwrapErr()).toMatchObject({ type: 'Unexpected', retryable: true });
    expect(JSON.stringify(out._unsafeUnwrapErr())).not.toContain((tokens as TokenSet).refreshToken);
    expect(store.get('tokens')).toBeUndefined();
    expect((await session.getTokens())._unsafeUnwrapErr().type).toBe('SessionEnded');
  });
});
