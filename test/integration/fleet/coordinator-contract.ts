import { expect, it } from 'vitest';
import type { RefreshCoordinator } from '../../../src/tokens/fleet/refresh-coordinator.js';
import type { TokenStore } from '../../../src/tokens/stores/token-store.js';

/** A coordinator with the token store over the same records, and how to let a lease's time to live pass. */
export interface CoordinatorUnderTest {
  readonly coordinator: RefreshCoordinator;
  readonly store: TokenStore;
  /** Makes the lease time to live pass (real time for Redis and DynamoDB, a clock for memory). */
  expireLease(): Promise<void>;
}

const acquired = async (c: RefreshCoordinator, key: string) => {
  const attempt = await c.acquire(key);
  if (!attempt.acquired) throw new Error(`expected to acquire ${key}`);
  return attempt;
};

/**
 * The RefreshCoordinator contract: memory, Redis and DynamoDB coordinators pass these. `atomicBackend: false`
 * leaves out the race of 20 simultaneous acquisitions: moto_server answers requests on threads with no lock
 * around DynamoDB's conditional writes, so two of them can both pass their condition there (DynamoDB itself
 * applies a conditional write atomically per item); the sequential contract above holds on moto too.
 */
export function coordinatorContract(
  make: () => Promise<CoordinatorUnderTest>,
  options: { readonly atomicBackend: boolean } = { atomicBackend: true },
): void {
  it('acquire on a key never written: acquired at version 0, no record, not a takeover', async () => {
    const { coordinator } = await make();
    const attempt = await acquired(coordinator, 'k');
    expect(attempt.lease.version).toBe(0);
    expect(attempt.record).toBeUndefined();
    expect(attempt.tookOver).toBe(false);
  });

  it('a held lease is refused to the next caller, who is told when to ask again and sees the record', async () => {
    const { coordinator, store } = await make();
    await store.set('k', { a: 1 });
    await acquired(coordinator, 'k');
    const second = await coordinator.acquire('k');
    expect(second.acquired).toBe(false);
    if (second.acquired) return;
    expect(second.retryInMs).toBeGreaterThan(0);
    expect(second.record).toEqual({ value: { a: 1 }, version: 1 });
  });

  it('commit writes the next version and frees the lease; the store reads the committed value', async () => {
    const { coordinator, store } = await make();
    await store.set('k', { a: 1 });
    const first = await acquired(coordinator, 'k');
    expect(first.lease.version).toBe(1);
    expect(await coordinator.commit(first.lease, { a: 2 })).toBe(true);
    expect(await coordinator.read('k')).toEqual({ value: { a: 2 }, version: 2 });
    expect(await store.get('k')).toEqual({ a: 2 });
    const next = await acquired(coordinator, 'k');
    expect(next.lease.version).toBe(2);
    expect(next.record).toEqual({ value: { a: 2 }, version: 2 });
  });

  it('fencing: a commit at a version that has moved on writes nothing and answers false', async () => {
    const { coordinator, store } = await make();
    const lease = (await acquired(coordinator, 'k')).lease;
    await store.set('k', { newer: true }); // a sign-in (or another holder) wrote meanwhile
    expect(await coordinator.commit(lease, { stale: true })).toBe(false);
    expect(await coordinator.read('k')).toEqual({ value: { newer: true }, version: 1 });
  });

  it('release frees the lease; a release by a former holder does not free the current one', async () => {
    const { coordinator } = await make();
    const first = await acquired(coordinator, 'k');
    await coordinator.release(first.lease);
    await acquired(coordinator, 'k');
    await coordinator.release(first.lease); // stale: no effect
    expect((await coordinator.acquire('k')).acquired).toBe(false);
  });

  it('a lease not released within its time to live is taken over, and the taker knows it', async () => {
    const under = await make();
    const stale = await acquired(under.coordinator, 'k');
    expect((await under.coordinator.acquire('k')).acquired).toBe(false);
    await under.expireLease();
    const taker = await acquired(under.coordinator, 'k');
    expect(taker.tookOver).toBe(true);
    expect(await under.coordinator.commit(taker.lease, { by: 'taker' })).toBe(true);
    expect(await under.coordinator.commit(stale.lease, { by: 'stale' })).toBe(false);
    expect(await under.store.get('k')).toEqual({ by: 'taker' });
  });

  it('leases of different keys are independent', async () => {
    const { coordinator } = await make();
    await acquired(coordinator, 'a');
    await acquired(coordinator, 'b');
  });

  if (options.atomicBackend) {
    it('of 20 concurrent acquires of one key exactly one wins', async () => {
      const { coordinator } = await make();
      const attempts = await Promise.all(Array.from({ length: 20 }, () => coordinator.acquire('race')));
      expect(attempts.filter((a) => a.acquired)).toHaveLength(1);
    });
  }
}
