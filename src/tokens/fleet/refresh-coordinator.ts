/**
 * A session's stored tokens with the version they were written as. Every write of a key (a sign-in's save,
 * a refresh's commit) makes a new version, so "the version I read" names exactly one write.
 *
 * @example
 * ```ts
 * const record: VersionedRecord | undefined = await coordinator.read('user-1'); // { value, version: 3 }
 * ```
 */
export interface VersionedRecord {
  /** What the store holds under the key: checked by the session before use (it comes from outside the process). */
  readonly value: unknown;
  /** The write that produced it: a positive integer, one more on every write. */
  readonly version: number;
}

/**
 * The right to refresh one session key, until `commit` or `release` (or its time to live runs out).
 *
 * @example
 * ```ts
 * const attempt = await coordinator.acquire('user-1');
 * if (attempt.acquired) await coordinator.release(attempt.lease);
 * ```
 */
export interface RefreshLease {
  /** The session key. */
  readonly key: string;
  /** The version stored when the lease was taken (0: nothing stored): the fencing token `commit` checks. */
  readonly version: number;
  /** Who holds it: an unguessable id, unique per acquisition. */
  readonly owner: string;
}

/**
 * What {@link RefreshCoordinator.acquire} answers.
 *
 * @example
 * ```ts
 * const attempt: LeaseAttempt = await coordinator.acquire('user-1');
 * if (!attempt.acquired) await new Promise((r) => setTimeout(r, attempt.retryInMs));
 * ```
 */
export type LeaseAttempt =
  | {
      readonly acquired: true;
      readonly lease: RefreshLease;
      /** The record stored when the lease was taken (read atomically with it), if any. */
      readonly record: VersionedRecord | undefined;
      /** The lease was taken over from a holder whose time to live ran out (it may still commit: it is fenced). */
      readonly tookOver: boolean;
    }
  | {
      readonly acquired: false;
      /** The record stored now, if any: when its version moved, another process has refreshed. */
      readonly record: VersionedRecord | undefined;
      /** How long to wait before asking again, in milliseconds. */
      readonly retryInMs: number;
    };

/**
 * Fleet-wide single flight for session refreshes: across every process sharing the coordinator's backend,
 * one refresh runs per session key, the others wait and read its tokens. A lease has a time to live (a dead
 * holder does not block the fleet) and a fencing version (a slow or dead holder cannot overwrite newer
 * tokens: `commit` writes only if the stored version is still the one the lease was taken at).
 *
 * Methods reject on a backend failure; the session turns that into a `TokenStore` error.
 * Implementations: `memoryRefreshCoordinator()` (one process), `redisRefreshCoordinator()`
 * (`cognito-flow/redis`), `dynamoDbRefreshCoordinator()` (`cognito-flow/dynamodb`).
 *
 * @example
 * ```ts
 * const coordinator = memoryRefreshCoordinator();
 * const session = auth.session(step.tokens, { store: coordinator.store, coordinator, key: `user:${sub}` });
 * ```
 */
export interface RefreshCoordinator {
  /** How long a lease lasts unless committed or released, in milliseconds. */
  readonly leaseTtlMs: number;
  /** How long a session waits for another holder's refresh before answering a `TokenStore` error, in milliseconds. */
  readonly waitTimeoutMs: number;
  /** Reads the record under `key` (one round trip). */
  read(key: string): Promise<VersionedRecord | undefined>;
  /** Takes the lease on `key` when nobody holds a live one, reading the record in the same round trip. */
  acquire(key: string): Promise<LeaseAttempt>;
  /**
   * Writes `value` as version `lease.version + 1` and frees the lease, only if the stored version is still
   * `lease.version`; answers `false` (and writes nothing) when a newer write has landed since.
   */
  commit(lease: RefreshLease, value: object): Promise<boolean>;
  /** Frees the lease without writing (the refresh failed); a no-op when the lease is no longer held. */
  release(lease: RefreshLease): Promise<void>;
}

/**
 * Checks that `value` has the members of a {@link RefreshCoordinator}.
 *
 * @example
 * ```ts
 * if (!isRefreshCoordinator(options.coordinator)) return invalid('coordinator is not a RefreshCoordinator');
 * ```
 */
export function isRefreshCoordinator(value: unknown): value is RefreshCoordinator {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  const positive = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n > 0;
  return (
    positive(c.leaseTtlMs) &&
    positive(c.waitTimeoutMs) &&
    ['read', 'acquire', 'commit', 'release'].every((name) => typeof c[name] === 'function')
  );
}
