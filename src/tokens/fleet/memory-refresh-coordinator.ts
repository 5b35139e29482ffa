import type { TokenStore } from '../stores/token-store.js';
import type {
  LeaseAttempt,
  RefreshCoordinator,
  RefreshLease,
  VersionedRecord,
} from './refresh-coordinator.js';
import { decodeRecord, encodeValue, leaseTimings, newOwnerId, pollDelay } from './versioned-record.js';

/**
 * Options of {@link memoryRefreshCoordinator}.
 *
 * @example
 * ```ts
 * const fleet = memoryRefreshCoordinator({ leaseTtlMs: 5_000, waitTimeoutMs: 15_000 });
 * ```
 */
export interface MemoryRefreshCoordinatorOptions {
  /** Lease time to live in ms (default 10 s). */
  readonly leaseTtlMs?: number;
  /** How long a session waits for another holder, in ms (default 2 × lease + 5 s). */
  readonly waitTimeoutMs?: number;
  /** The clock the leases expire by (default `Date.now`). */
  readonly now?: () => number;
}

/**
 * A {@link RefreshCoordinator} with the {@link TokenStore} whose records it versions.
 *
 * @example
 * ```ts
 * const fleet: CoordinatedStore = memoryRefreshCoordinator();
 * const session = auth.session(tokens, { store: fleet.store, coordinator: fleet });
 * ```
 */
export interface CoordinatedStore extends RefreshCoordinator {
  /** The token store over the same records: pass it as the session's `store`. */
  readonly store: TokenStore;
}

/**
 * A {@link RefreshCoordinator} in this process's memory, with its token store: sessions of one process
 * that share a key (say, one per request, restored from the store) refresh once between them. Without a
 * coordinator a session already runs one refresh at a time in its own process; this adds the same
 * guarantee between sessions, and is the reference the Redis and DynamoDB coordinators are tested against.
 *
 * @example
 * ```ts
 * const fleet = memoryRefreshCoordinator();
 * const session = auth.session(step.tokens, { store: fleet.store, coordinator: fleet, key: userId });
 * ```
 */
export function memoryRefreshCoordinator(options: MemoryRefreshCoordinatorOptions = {}): CoordinatedStore {
  const { leaseTtlMs, waitTimeoutMs } = leaseTimings(options);
  const now = options.now ?? Date.now;
  const records = new Map<string, { version: number; data: string }>();
  const leases = new Map<string, { owner: string; expiresAt: number }>();
  const read = (key: string): VersionedRecord | undefined => {
    const stored = records.get(key);
    return stored ? decodeRecord(stored.version, stored.data) : undefined;
  };
  const write = (key: string, value: object) => {
    const data = encodeValue(value);
    records.set(key, { version: (records.get(key)?.version ?? 0) + 1, data });
  };
  return {
    leaseTtlMs,
    waitTimeoutMs,
    read: async (key) => read(key),
    async acquire(key): Promise<LeaseAttempt> {
      const held = leases.get(key);
      const at = now();
      if (held && held.expiresAt > at) {
        return { acquired: false, record: read(key), retryInMs: pollDelay(held.expiresAt - at) };
      }
      const owner = newOwnerId();
      leases.set(key, { owner, expiresAt: at + leaseTtlMs });
      const record = read(key);
      return {
        acquired: true,
        lease: { key, owner, version: record?.version ?? 0 },
        record,
        tookOver: !!held,
      };
    },
    async commit(lease: RefreshLease, value: object): Promise<boolean> {
      if ((records.get(lease.key)?.version ?? 0) !== lease.version) return false;
      write(lease.key, value);
      if (leases.get(lease.key)?.owner === lease.owner) leases.delete(lease.key);
      return true;
    },
    async release(lease: RefreshLease): Promise<void> {
      if (leases.get(lease.key)?.owner === lease.owner) leases.delete(lease.key);
    },
    store: {
      get: (key) => read(key)?.value,
      set: (key, value) => write(key, value),
      delete: (key) => {
        records.delete(key);
      },
    },
  };
}
