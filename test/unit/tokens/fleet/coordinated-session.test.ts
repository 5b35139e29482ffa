import {
  CognitoIdentityProviderClient,
  GetTokensFromRefreshTokenCommand,
  NotAuthorizedException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { memoryRefreshCoordinator } from '../../../../src/tokens/fleet/memory-refresh-coordinator.js';
import type { RefreshCoordinator } from '../../../../src/tokens/fleet/refresh-coordinator.js';
import { createSession, restoreSession } from '../../../../src/tokens/session.js';
import type { TokenSet } from '../../../../src/tokens/token-set.js';
import { authenticationResult, fakeClock, sessionContext, tokensAt } from '../session-support.js';
import { rotatingCognito } from './rotating-cognito.js';

const cognito = mockClient(CognitoIdentityProviderClient);
const HOUR = 3600_000;

beforeEach(() => {
  cognito.reset();
});

/** N "processes": sessions restored from one shared coordinator's store, each with its own context. */
async function fleetOf(
  n: number,
  clock: { now: number },
  coordinator = memoryRefreshCoordinator({ now: () => clock.now }),
) {
  const first = createSession(sessionContext(clock), tokensAt(clock.now), {
    store: coordinator.store,
    coordinator,
    key: 'user-1',
  });
  (await first.getTokens())._unsafeUnwrap(); // saved: version 1
  const sessions = [];
  for (let i = 0; i < n; i += 1) {
    const restored = await restoreSession(sessionContext(clock), {
      store: coordinator.store,
      coordinator,
      key: 'user-1',
    });
    const session = restored._unsafeUnwrap();
    if (!session) throw new Error('nothing restored');
    sessions.push(session);
  }
  return { coordinator, sessions };
}

describe('sessions sharing a refresh coordinator', () => {
  it('8 sessions × 100 concurrent getTokens() on one expired session: 1 refresh request, everyone gets its tokens', async () => {
    const clock = fakeClock();
    const { sessions, coordinator } = await fleetOf(8, clock);
    clock.advance(2 * HOUR);
    const issuer = rotatingCognito(cognito, clock, { delayMs: 30 });
    const results = await Promise.all(
      sessions.flatMap((s) => Array.from({ length: 100 }, () => s.getTokens())),
    );
    expect(issuer.requests()).toBe(1);
    const ids = new Set(results.map((r) => r._unsafeUnwrap().idToken));
    expect(ids.size).toBe(1);
    const stored = coordinator.store.get('user-1') as TokenSet;
    expect(stored.idToken).toBe([...ids][0]);
    expect((await coordinator.read('user-1'))?.version).toBe(2);
  });

  it('with refresh-token rotation and no grace period, a second refresh of the fleet uses the rotated token (no reuse error, no lost session)', async () => {
    const clock = fakeClock();
    const { sessions } = await fleetOf(3, clock);
    const issuer = rotatingCognito(cognito, clock, { delayMs: 5 });
    for (let round = 0; round < 3; round += 1) {
      clock.advance(2 * HOUR);
      const results = await Promise.all(sessions.map((s) => s.getTokens()));
      expect(results.map((r) => r.isOk())).toEqual([true, true, true]);
    }
    expect(issuer.requests()).toBe(3);
    expect(issuer.reuseRejections()).toBe(0);
  });

  it('without a coordinator the same two sessions send two refreshes and Cognito refuses one as a reuse (what the coordinator prevents)', async () => {
    const clock = fakeClock();
    const shared = memoryRefreshCoordinator({ now: () => clock.now });
    const one = createSession(sessionContext(clock), tokensAt(clock.now), { store: shared.store, key: 'u' });
    const two = createSession(sessionContext(clock), tokensAt(clock.now), { store: shared.store, key: 'u' });
    clock.advance(2 * HOUR);
    const issuer = rotatingCognito(cognito, clock, { delayMs: 5 });
    await Promise.all([one.getTokens(), two.getTokens()]);
    expect(issuer.requests()).toBeGreaterThanOrEqual(2);
    expect(issuer.reuseRejections()).toBe(1);
  });

  it('a forced refresh() refreshes even when the stored tokens are fresh, and joins nobody else', async () => {
    const clock = fakeClock();
    const { sessions } = await fleetOf(1, clock);
    const issuer = rotatingCognito(cognito, clock);
    const [session] = sessions;
    const forced = await session?.refresh();
    expect(forced?.isOk()).toBe(true);
    expect(issuer.requests()).toBe(1);
  });
});

describe('fencing: a slow holder cannot overwrite newer tokens', () => {
  it('a holder whose lease ran out while Cognito answered is fenced; it adopts the newer tokens the taker committed', async () => {
    const clock = fakeClock();
    const coordinator = memoryRefreshCoordinator({ now: () => clock.now, leaseTtlMs: 1000 });
    const { sessions } = await fleetOf(2, clock, coordinator);
    const [slow, fast] = sessions as [NonNullable<(typeof sessions)[0]>, NonNullable<(typeof sessions)[0]>];
    clock.advance(2 * HOUR);
    let release: (() => void) | undefined;
    const slowAnswer = authenticationResult(clock.now, { label: 'slow', refreshToken: 'rt-slow' });
    const fastAnswer = authenticationResult(clock.now, { label: 'fast', refreshToken: 'rt-fast' });
    let call = 0;
    cognito.on(GetTokensFromRefreshTokenCommand).callsFake(() => {
      call += 1;
      if (call === 1) return new Promise((resolve) => (release = () => resolve(slowAnswer)));
      return fastAnswer;
    });
    const slowResult = slow.getTokens();
    await new Promise((r) => setTimeout(r, 20)); // slow holds the lease, its request hangs
    clock.advance(1500); // its lease expires
    const fastResult = await fast.getTokens();
    expect(fastResult._unsafeUnwrap().idToken).toBe(fastAnswer.AuthenticationResult.IdToken);
    release?.();
    const late = (await slowResult)._unsafeUnwrap();
    expect(late.idToken).toBe(fastAnswer.AuthenticationResult.IdToken);
    const stored = coordinator.store.get('user-1') as TokenSet;
    expect(stored.refreshToken).toBe('rt-fast');
    expect((await coordinator.read('user-1'))?.version).toBe(2);
  });

  it('commit writes nothing when the version moved since the lease was taken', async () => {
    const coordinator = memoryRefreshCoordinator();
    await coordinator.store.set('k', { a: 1 });
    const attempt = await coordinator.acquire('k');
    if (!attempt.acquired) throw new Error('not acquired');
    await coordinator.store.set('k', { a: 2 }); // a newer write (a sign-in) lands
    expect(await coordinator.commit(attempt.lease, { a: 3 })).toBe(false);
    expect(coordinator.store.get('k')).toEqual({ a: 2 });
  });
});

/** A coordinator whose methods fail as a broken backend does (the message carries a token to redact). */
function failing(base: RefreshCoordinator, secret: string, which: 'acquire' | 'commit'): RefreshCoordinator {
  return {
    ...base,
    leaseTtlMs: base.leaseTtlMs,
    waitTimeoutMs: base.waitTimeoutMs,
    read: (k) => base.read(k),
    release: (l) => base.release(l),
    acquire:
      which === 'acquire'
        ? () => Promise.reject(new Error(`connection lost near ${secret}`))
        : (k) => base.acquire(k),
    commit:
      which === 'commit' ? () => Promise.reject(new Error('connection lost')) : (l, v) => base.commit(l, v),
  };
}

describe('coordinator failures are typed errors', () => {
  it('acquire failing after expiry: TokenStore error, retryable message without the token', async () => {
    const clock = fakeClock();
    const tokens = tokensAt(clock.now);
    const base = memoryRefreshCoordinator({ now: () => clock.now });
    const coordinator = failing(base, tokens.refreshToken ?? '', 'acquire');
    const session = createSession(sessionContext(clock), tokens, { coordinator, key: 'k' });
    clock.advance(2 * HOUR);
    const error = (await session.getTokens())._unsafeUnwrapErr();
    expect(error.type).toBe('TokenStore');
    expect(error.message).toContain('connection lost');
    expect(error.message).not.toContain(tokens.refreshToken);
    expect(cognito.calls()).toHaveLength(0);
  });

  it('acquire failing ahead of expiry: the current tokens still answer getTokens(); refresh() reports the error', async () => {
    const clock = fakeClock();
    const tokens = tokensAt(clock.now);
    const coordinator = failing(memoryRefreshCoordinator({ now: () => clock.now }), 'x', 'acquire');
    const session = createSession(sessionContext(clock), tokens, { coordinator, key: 'k' });
    clock.advance(58 * 60_000); // inside the margin, not expired
    expect((await session.getTokens())._unsafeUnwrap()).toEqual(tokens);
    expect((await session.refresh())._unsafeUnwrapErr().type).toBe('TokenStore');
  });

  it('a commit that fails keeps the new tokens and commits them on the next call', async () => {
    const clock = fakeClock();
    const base = memoryRefreshCoordinator({ now: () => clock.now });
    let broken = true;
    const coordinator: RefreshCoordinator = {
      ...failing(base, 'x', 'acquire'),
      acquire: (k) => base.acquire(k),
      commit: (l, v) => (broken ? Promise.reject(new Error('connection lost')) : base.commit(l, v)),
    };
    const session = createSession(sessionContext(clock), tokensAt(clock.now), {
      store: base.store,
      coordinator,
      key: 'k',
    });
    (await session.getTokens())._unsafeUnwrap();
    clock.advance(2 * HOUR);
    const issuer = rotatingCognito(cognito, clock);
    expect((await session.getTokens())._unsafeUnwrapErr().type).toBe('TokenStore');
    broken = false;
    const next = (await session.getTokens())._unsafeUnwrap();
    expect(issuer.requests()).toBe(1);
    expect((base.store.get('k') as TokenSet).refreshToken).toBe(next.refreshToken);
    expect(next.refreshToken).toBe(issuer.current());
  });

  it('a lease nobody releases: waiters give up after waitTimeoutMs with a retryable TokenStore error', async () => {
    const clock = fakeClock();
    const coordinator = memoryRefreshCoordinator({ leaseTtlMs: 60_000, waitTimeoutMs: 150 });
    const session = createSession(sessionContext(clock), tokensAt(clock.now), { coordinator, key: 'k' });
    await coordinator.acquire('k'); // a holder that never finishes
    clock.advance(2 * HOUR);
    const error = (await session.getTokens())._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'TokenStore', retryable: true });
    expect(error.message).toMatch(/waiting for another process/);
    expect(cognito.calls()).toHaveLength(0);
  });

  it('a rejected refresh token still ends the session (and clears the store) when nobody else wrote newer tokens', async () => {
    const clock = fakeClock();
    const { sessions, coordinator } = await fleetOf(1, clock);
    clock.advance(2 * HOUR);
    cognito
      .on(GetTokensFromRefreshTokenCommand)
      .rejects(new NotAuthorizedException({ message: 'Refresh Token has been revoked', $metadata: {} }));
    const error = (await sessions[0]?.getTokens())?._unsafeUnwrapErr();
    expect(error?.type).toBe('SessionEnded');
    expect(coordinator.store.get('user-1')).toBeUndefined();
  });

  it('an invalid coordinator option is an InvalidParameter error, not a throw', async () => {
    const clock = fakeClock();
    const session = createSession(sessionContext(clock), tokensAt(clock.now), {
      coordinator: { leaseTtlMs: 0 } as unknown as RefreshCoordinator,
    });
    expect((await session.getTokens())._unsafeUnwrapErr().type).toBe('InvalidParameter');
  });
});
