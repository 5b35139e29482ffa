import { err, ok, type Result } from 'neverthrow';
import { makeError } from '../../errors/make-error.js';
import type { CognitoError, SessionEndedError, TokenStoreError } from '../../errors/types.js';
import { endsSession, type SessionError } from '../session-errors.js';
import type { SessionEndReason } from '../session-events.js';
import { storeCall } from '../session-store.js';
import type { TokenSet } from '../token-set.js';
import type { RefreshCoordinator, RefreshLease, VersionedRecord } from './refresh-coordinator.js';
import { waitStep } from './versioned-record.js';

/** What the coordinated refresh needs from the session it runs for. */
export interface CoordinatedSession {
  readonly coordinator: RefreshCoordinator;
  readonly key: string;
  /** The tokens in memory, or `undefined` once ended. */
  tokens(): TokenSet | undefined;
  ended(): SessionEndedError | undefined;
  /** Whether the tokens in memory need no refresh yet. */
  isFresh(): boolean;
  /** Takes a stored record when it holds this user's tokens; answers whether the tokens changed. */
  adopt(record: VersionedRecord): boolean;
  /** One request to Cognito with these tokens' refresh token. */
  callRefresh(tokens: TokenSet): Promise<Result<TokenSet, CognitoError>>;
  /** The refresh landed as `version`: keep the tokens and tell listeners. */
  refreshed(tokens: TokenSet, version: number): void;
  /** New tokens could not be committed (the backend failed): keep them and commit them on the next call. */
  keepUncommitted(tokens: TokenSet, lease: RefreshLease): void;
  end(reason: SessionEndReason, cause?: CognitoError): Promise<Result<never, SessionError>>;
  /** What a failure answers: the current tokens while they have not expired (unless forced), else the error. */
  failed(error: CognitoError, tokens: TokenSet | undefined, force: boolean): Result<TokenSet, SessionError>;
  /** Secrets to redact from store errors. */
  secrets(): (string | undefined)[];
}

/** How often in a row a holder may find its commit fenced (a newer write landed) before giving up. */
const MAX_FENCED = 3;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** ±50 % jitter, so waiters of many processes do not ask in lock step. */
const jittered = (ms: number) => ms * (0.5 + Math.random());
const monotonic = () => globalThis.performance.now();

function waitedTooLong(waitedMs: number): TokenStoreError {
  return makeError(
    'TokenStore',
    `Gave up after ${Math.round(waitedMs)} ms waiting for another process to refresh this session (its lease was neither released nor expired); try again`,
    { retryable: true },
  );
}

async function releaseQuietly(s: CoordinatedSession, lease: RefreshLease): Promise<void> {
  // A lease that cannot be released expires by itself; the refresh's own outcome is what the caller needs.
  await storeCall(() => s.coordinator.release(lease), s.secrets());
}

/**
 * After Cognito rejected the refresh token: another holder may have rotated it (a holder whose lease was
 * taken over may still commit). Watches the record for a newer write — one read, or for one lease time to
 * live after a takeover — and adopts it. Answers whether it did.
 */
async function awaitOthersWrite(s: CoordinatedSession, tookOver: boolean): Promise<boolean> {
  const until = monotonic() + (tookOver ? s.coordinator.leaseTtlMs : 0);
  for (;;) {
    const read = await storeCall(() => s.coordinator.read(s.key), s.secrets());
    if (read.isOk() && read.value && s.adopt(read.value)) return true;
    if (monotonic() >= until) return false;
    await sleep(jittered(50));
  }
}

/**
 * The session's refresh when a {@link RefreshCoordinator} is configured: one process of the fleet holds
 * the lease and refreshes; the others wait and adopt the tokens it commits. The holder's write is fenced by
 * the version it took the lease at, so a holder that was too slow (its lease taken over) writes nothing.
 *
 * @example
 * ```ts
 * return this.#refreshFlight.run(() => coordinatedRefresh(this.#host, force));
 * ```
 */
export async function coordinatedRefresh(
  s: CoordinatedSession,
  force: boolean,
): Promise<Result<TokenSet, SessionError>> {
  const started = monotonic();
  const before = s.tokens();
  let rejected = false;
  let fenced = 0;
  let waits = 0;
  for (;;) {
    const ended = s.ended();
    if (ended) return err(ended);
    const attempt = await storeCall(() => s.coordinator.acquire(s.key), s.secrets());
    if (attempt.isErr()) return s.failed(attempt.error, s.tokens(), force);
    const a = attempt.value;
    if (a.record) s.adopt(a.record);
    const current = s.tokens();
    if (!current) return err(s.ended() ?? makeError('SessionEnded', 'The session has ended: sign in again'));
    // Another process refreshed since this call began: its tokens answer (a forced refresh included).
    if (s.isFresh() && (!force || current !== before)) {
      if (a.acquired) await releaseQuietly(s, a.lease);
      return ok(current);
    }
    if (!a.acquired) {
      const waited = monotonic() - started;
      if (waited >= s.coordinator.waitTimeoutMs) return s.failed(waitedTooLong(waited), current, force);
      await sleep(jittered(Math.min(a.retryInMs, waitStep(waits))));
      waits += 1;
      continue;
    }
    const lease = a.lease;
    if (current.refreshToken === undefined) {
      await releaseQuietly(s, lease);
      return s.end('no-refresh-token');
    }
    const result = await s.callRefresh(current);
    const endedMeanwhile = s.ended();
    if (endedMeanwhile) {
      await releaseQuietly(s, lease);
      return err(endedMeanwhile);
    }
    if (result.isOk()) {
      const fresh = result.value;
      const committed = await storeCall(
        () => s.coordinator.commit(lease, fresh),
        [...s.secrets(), fresh.idToken, fresh.accessToken, fresh.refreshToken],
      );
      if (committed.isErr()) {
        s.keepUncommitted(fresh, lease);
        return err(committed.error);
      }
      if (committed.value) {
        s.refreshed(fresh, lease.version + 1);
        return ok(fresh);
      }
      // Fenced: a newer write landed while this refresh ran (this lease had expired); take that one.
      fenced += 1;
      if (fenced >= MAX_FENCED) {
        return err(
          makeError('TokenStore', 'Other processes kept overtaking this refresh; try again', {
            retryable: true,
          }),
        );
      }
      continue;
    }
    await releaseQuietly(s, lease);
    const error = result.error;
    if (endsSession(error)) {
      if (!rejected && (await awaitOthersWrite(s, a.tookOver))) {
        rejected = true;
        continue;
      }
      return s.end('refresh-rejected', error);
    }
    return s.failed(error, current, force);
  }
}
