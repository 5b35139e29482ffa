import { err, errAsync, ok, type Result, ResultAsync } from 'neverthrow';
import type { AuthContext } from '../auth/context.js';
import { makeError } from '../errors/make-error.js';
import { narrowError } from '../errors/narrow.js';
import type {
  CognitoError,
  InvalidConfigError,
  InvalidParameterError,
  SessionEndedError,
  TokenStoreError,
} from '../errors/types.js';
import { type CoordinatedSession, coordinatedRefresh } from './fleet/coordinated-refresh.js';
import type { RefreshLease, VersionedRecord } from './fleet/refresh-coordinator.js';
import { decodeJwt } from './jwt.js';
import { type RefreshOperation, refreshTokens } from './refresh.js';
import { endsSession, SESSION_ERRORS, type SessionError, type SignOutError } from './session-errors.js';
import { type SessionEndReason, type SessionEvents, sessionEmitter } from './session-events.js';
import { parseSessionOptions, type ResolvedSessionOptions, type SessionOptions } from './session-options.js';
import { type SignOutOptions, signOutRemotely } from './session-sign-out.js';
import { singleFlight } from './session-single-flight.js';
import { storeCall } from './session-store.js';
import { parseTokenSet } from './stores/stored-tokens.js';
import type { TokenSet } from './token-set.js';

/**
 * A signed-in user's tokens, kept fresh. `getTokens()` answers from memory while the tokens are fresh and
 * refreshes them `refreshMargin` before they expire; any number of concurrent callers during a refresh share
 * that one request. Every method returns a `ResultAsync` and never throws.
 *
 * @example
 * ```ts
 * const session = auth.session(step.tokens, { store: fileTokenStore('session.json') });
 * session.on('ended', () => showSignInPage());
 * const idToken = await session.getIdToken(); // refreshed first when it is about to expire
 * if (idToken.isOk()) await fetch(api, { headers: { Authorization: `Bearer ${idToken.value}` } });
 * ```
 */
export interface Session {
  /** The current tokens, refreshed first when they expire within the margin. */
  getTokens(): ResultAsync<TokenSet, SessionError>;
  /** The current ID token, refreshed first when needed. */
  getIdToken(): ResultAsync<string, SessionError>;
  /** The current access token, refreshed first when needed. */
  getAccessToken(): ResultAsync<string, SessionError>;
  /** Refreshes now, whatever the expiry (joining a refresh already running). */
  refresh(): ResultAsync<TokenSet, SessionError>;
  /** Revokes as asked, ends the session and clears its store entry. */
  signOut(options?: SignOutOptions): ResultAsync<void, SignOutError>;
  /** Subscribes to `refreshed` or `ended`; returns the function that unsubscribes. */
  on<E extends keyof SessionEvents>(event: E, listener: SessionEvents[E]): () => void;
}

/** The part of the margin kept when tokens live shorter than twice the margin. */
function effectiveMargin(tokens: TokenSet, margin: number): number {
  const decoded = decodeJwt(tokens.accessToken);
  if (decoded.isErr()) return margin;
  const { iat, exp } = decoded.value.payload;
  if (typeof iat !== 'number' || typeof exp !== 'number' || exp <= iat) return margin;
  return Math.min(margin, ((exp - iat) * 1000) / 2);
}

const subjectOf = (tokens: TokenSet): unknown =>
  decodeJwt(tokens.idToken).match(
    ({ payload }) => payload.sub,
    () => undefined,
  );

const ENDED_MESSAGES: Record<SessionEndReason, string> = {
  'refresh-rejected':
    'Cognito no longer accepts the refresh token (revoked, expired, or the user was disabled, deleted or signed out everywhere): sign in again',
  'no-refresh-token': 'The tokens have expired and the session has no refresh token: sign in again',
  'signed-out': 'The session was signed out: sign in again',
};

class LiveSession implements Session {
  readonly #context: AuthContext;
  readonly #options: ResolvedSessionOptions;
  readonly #events = sessionEmitter();
  readonly #refreshFlight = singleFlight<Result<TokenSet, SessionError>>();
  readonly #saveFlight = singleFlight<Result<void, TokenStoreError>>();
  #tokens: TokenSet | undefined;
  #freshUntil = 0;
  /** The tokens in memory are newer than the store's. */
  #dirty: boolean;
  #ended: SessionEndedError | undefined;
  #operation: RefreshOperation;
  /** With a coordinator: the stored version of the tokens in memory, when known. */
  #version: number | undefined;
  /** With a coordinator: the lease of refreshed tokens whose commit failed, retried on the next call. */
  #uncommitted: RefreshLease | undefined;

  constructor(context: AuthContext, tokens: TokenSet, options: ResolvedSessionOptions, dirty: boolean) {
    this.#context = context;
    this.#options = options;
    this.#operation = options.refreshOperation;
    this.#dirty = dirty && options.store !== undefined;
    this.#setTokens(tokens);
  }

  getTokens(): ResultAsync<TokenSet, SessionError> {
    return guard(() => this.#current(false));
  }

  getIdToken(): ResultAsync<string, SessionError> {
    return this.getTokens().map((tokens) => tokens.idToken);
  }

  getAccessToken(): ResultAsync<string, SessionError> {
    return this.getTokens().map((tokens) => tokens.accessToken);
  }

  refresh(): ResultAsync<TokenSet, SessionError> {
    return guard(() => this.#current(true));
  }

  signOut(options?: SignOutOptions): ResultAsync<void, SignOutError> {
    if (options !== undefined && (typeof options !== 'object' || options === null)) {
      return errAsync(makeError('InvalidParameter', 'signOut options must be an object'));
    }
    const { global, revoke } = options ?? {};
    if (
      (global !== undefined && typeof global !== 'boolean') ||
      (revoke !== undefined && typeof revoke !== 'boolean')
    ) {
      return errAsync(makeError('InvalidParameter', 'signOut options global and revoke must be booleans'));
    }
    return guard(() => this.#signOut(global === true, revoke ?? global !== true));
  }

  on<E extends keyof SessionEvents>(event: E, listener: SessionEvents[E]): () => void {
    return this.#events.on(event, listener);
  }

  #setTokens(tokens: TokenSet): void {
    this.#tokens = tokens;
    this.#freshUntil = tokens.expiresAt - effectiveMargin(tokens, this.#options.refreshMargin);
  }

  #secrets(): (string | undefined)[] {
    const t = this.#tokens;
    return t ? [t.idToken, t.accessToken, t.refreshToken] : [];
  }

  async #current(force: boolean): Promise<Result<TokenSet, SessionError>> {
    if (this.#ended) return err(this.#ended);
    const saved = await this.#flush();
    if (saved.isErr()) return err(saved.error);
    if (this.#ended || !this.#tokens) return err(this.#ended ?? this.#endedError('signed-out'));
    if (!force && this.#context.config.now() < this.#freshUntil) return ok(this.#tokens);
    return this.#refreshFlight.run(() =>
      this.#options.coordinator ? coordinatedRefresh(this.#coordinated(), force) : this.#refresh(force),
    );
  }

  /** The session as the fleet-wide refresh sees it (src/tokens/fleet/coordinated-refresh.ts). */
  #coordinated(): CoordinatedSession {
    const coordinator = this.#options.coordinator;
    if (!coordinator) throw new Error('no coordinator');
    return {
      coordinator,
      key: this.#options.key,
      tokens: () => this.#tokens,
      ended: () => this.#ended,
      isFresh: () => this.#context.config.now() < this.#freshUntil,
      adopt: (record) => this.#adoptRecord(record),
      callRefresh: (tokens) => this.#callRefresh(tokens),
      refreshed: (tokens, version) => {
        this.#setTokens(tokens);
        this.#version = version;
        this.#dirty = false;
        this.#events.emit('refreshed', tokens);
      },
      keepUncommitted: (tokens, lease) => {
        this.#setTokens(tokens);
        this.#uncommitted = lease;
        this.#dirty = true;
      },
      end: (reason, cause) => this.#end(reason, cause),
      failed: (error, tokens, force) => {
        if (tokens && !force && this.#context.config.now() < tokens.expiresAt) return ok(tokens);
        return err(narrowError(error, SESSION_ERRORS));
      },
      secrets: () => this.#secrets(),
    };
  }

  /** Takes a stored record holding this user's tokens; answers whether the tokens in memory changed. */
  #adoptRecord(record: VersionedRecord): boolean {
    const current = this.#tokens;
    const stored = parseTokenSet(record.value);
    if (!current || stored.isErr() || subjectOf(stored.value) !== subjectOf(current)) return false;
    this.#version = record.version;
    if (stored.value.accessToken === current.accessToken && stored.value.idToken === current.idToken)
      return false;
    this.#setTokens(stored.value);
    return true;
  }

  /**
   * Commits refreshed tokens whose commit failed, fenced by the lease's version: when a newer write landed
   * meanwhile, that one is adopted instead.
   */
  async #commitUncommitted(lease: RefreshLease): Promise<Result<void, TokenStoreError>> {
    const coordinator = this.#options.coordinator;
    const tokens = this.#tokens;
    if (!coordinator || !tokens) return ok(undefined);
    const committed = await storeCall(() => coordinator.commit(lease, tokens), this.#secrets());
    if (committed.isErr()) return err(committed.error);
    this.#uncommitted = undefined;
    this.#dirty = false;
    if (committed.value) {
      this.#version = lease.version + 1;
      this.#events.emit('refreshed', tokens);
      return ok(undefined);
    }
    const read = await storeCall(() => coordinator.read(this.#options.key), this.#secrets());
    if (read.isOk() && read.value) this.#adoptRecord(read.value);
    return ok(undefined);
  }

  /** Saves the tokens in memory when the store has older ones; retried on the next call after a failure. */
  async #flush(): Promise<Result<void, TokenStoreError>> {
    const pending = this.#uncommitted;
    if (pending && !this.#ended) {
      return this.#saveFlight.run(() =>
        this.#uncommitted === pending ? this.#commitUncommitted(pending) : Promise.resolve(ok(undefined)),
      );
    }
    const store = this.#options.store;
    while (store && this.#dirty && !this.#ended) {
      const saved = await this.#saveFlight.run(async () => {
        const tokens = this.#tokens;
        if (!tokens || this.#ended) return ok(undefined);
        const result = await storeCall(() => store.set(this.#options.key, tokens), this.#secrets());
        if (result.isOk() && this.#tokens === tokens) this.#dirty = false;
        return result;
      });
      if (saved.isErr()) return saved;
    }
    return ok(undefined);
  }

  /**
   * Takes the store's tokens when another session (typically another process on the same file) has
   * refreshed them since: same user, later expiry. Errors reading the store are ignored here — the session
   * still has valid tokens, and writing them reports any persistent store failure.
   */
  async #adoptStored(): Promise<TokenSet | undefined> {
    const store = this.#options.store;
    const current = this.#tokens;
    if (!store || !current || this.#dirty) return undefined;
    const loaded = await storeCall(() => store.get(this.#options.key), this.#secrets());
    if (loaded.isErr()) return undefined;
    const stored = parseTokenSet(loaded.value);
    if (stored.isErr() || stored.value.expiresAt <= current.expiresAt) return undefined;
    if (subjectOf(stored.value) !== subjectOf(current)) return undefined;
    this.#setTokens(stored.value);
    return stored.value;
  }

  async #refresh(force: boolean): Promise<Result<TokenSet, SessionError>> {
    const adopted = await this.#adoptStored();
    if (adopted && !force && this.#context.config.now() < this.#freshUntil) return ok(adopted);
    let retried = false;
    for (;;) {
      const tokens = this.#tokens;
      if (this.#ended || !tokens) return err(this.#ended ?? this.#endedError('signed-out'));
      if (tokens.refreshToken === undefined) return this.#end('no-refresh-token');
      const result = await this.#callRefresh(tokens);
      if (this.#ended) return err(this.#ended);
      if (result.isOk()) {
        this.#setTokens(result.value);
        this.#dirty = this.#options.store !== undefined;
        const saved = await this.#flush();
        this.#events.emit('refreshed', result.value);
        return saved.isErr() ? err(saved.error) : ok(result.value);
      }
      const error = result.error;
      if (endsSession(error)) {
        // Another process may have rotated the refresh token: use its tokens once before giving up.
        const other = retried ? undefined : await this.#adoptStored();
        if (other) {
          retried = true;
          if (!force && this.#context.config.now() < this.#freshUntil) return ok(other);
          continue;
        }
        return this.#end('refresh-rejected', error);
      }
      // A transient failure ahead of expiry: the current tokens still work, and the next call retries.
      if (!force && this.#context.config.now() < tokens.expiresAt) return ok(tokens);
      return err(narrowError(error, SESSION_ERRORS));
    }
  }

  /** One refresh request to Cognito with `tokens`' refresh token. */
  async #callRefresh(tokens: TokenSet): Promise<Result<TokenSet, CognitoError>> {
    return await refreshTokens(this.#context, tokens, {
      operation: this.#operation,
      username: this.#options.username,
      onUnavailable: () => {
        this.#operation = 'REFRESH_TOKEN_AUTH';
      },
    });
  }

  #endedError(reason: SessionEndReason, cause?: CognitoError, extra = ''): SessionEndedError {
    return makeError('SessionEnded', `${ENDED_MESSAGES[reason]}${extra}`, cause ? { cause } : {});
  }

  /** Ends the session after a rejected refresh; clears the store unless it holds another session's tokens. */
  async #end(reason: SessionEndReason, cause?: CognitoError): Promise<Result<never, SessionError>> {
    const tokens = this.#tokens;
    const secrets = this.#secrets();
    this.#ended = this.#endedError(reason, cause);
    this.#tokens = undefined;
    this.#dirty = false;
    const store = this.#options.store;
    if (store) {
      const key = this.#options.key;
      const loaded = await storeCall(() => store.get(key), secrets);
      const stored = loaded.isOk() ? parseTokenSet(loaded.value) : undefined;
      const othersTokens =
        stored?.isOk() === true &&
        stored.value.refreshToken !== undefined &&
        stored.value.refreshToken !== tokens?.refreshToken;
      if (!othersTokens) {
        const cleared = await storeCall(() => store.delete(key), secrets);
        if (cleared.isErr()) {
          this.#ended = this.#endedError(
            reason,
            cause,
            ` (the token store could not be cleared: ${cleared.error.message})`,
          );
        }
      }
    }
    this.#events.emit('ended', cause ? { reason, error: cause } : { reason });
    return err(this.#ended);
  }

  async #signOut(global: boolean, revoke: boolean): Promise<Result<void, SignOutError>> {
    await this.#refreshFlight.settled();
    let failure: SignOutError | undefined;
    // GlobalSignOut needs a valid access token: refresh first if it has expired.
    if (global && this.#tokens && !this.#ended && this.#context.config.now() >= this.#tokens.expiresAt) {
      const fresh = await this.#current(false);
      if (fresh.isErr()) failure = fresh.error;
    }
    const tokens = this.#tokens;
    const secrets = this.#secrets();
    const alreadyEnded = this.#ended !== undefined;
    this.#ended ??= this.#endedError('signed-out');
    this.#tokens = undefined;
    this.#dirty = false;
    // A save still running must land before the store is cleared, not after.
    await this.#saveFlight.settled();
    if (tokens && !failure) failure = await signOutRemotely(this.#context, tokens, { global, revoke });
    const store = this.#options.store;
    if (store) {
      const cleared = await storeCall(() => store.delete(this.#options.key), secrets);
      if (cleared.isErr()) failure ??= cleared.error;
    }
    if (!alreadyEnded) this.#events.emit('ended', { reason: 'signed-out' });
    return failure ? err(failure) : ok(undefined);
  }
}

/** Runs a session task; an unexpected throw (a bug, never a Cognito answer) becomes an `Unexpected` error. */
function guard<T, E extends SessionError>(
  task: () => Promise<Result<T, E>>,
): ResultAsync<T, E | SessionError> {
  return new ResultAsync<T, E | SessionError>(
    task().catch((cause: unknown) =>
      err(makeError('Unexpected', 'The session failed unexpectedly', { cause })),
    ),
  );
}

/**
 * A session that answers every call with `error` — what {@link createSession} returns for invalid input,
 * and what a client with an invalid configuration can hand out, so that nothing throws.
 *
 * @example
 * ```ts
 * const session = config.isErr() ? failedSession(config.error) : createSession(context, tokens);
 * ```
 */
export function failedSession(error: InvalidParameterError | InvalidConfigError): Session {
  const fail = () => errAsync(error);
  return {
    getTokens: fail,
    getIdToken: fail,
    getAccessToken: fail,
    refresh: fail,
    signOut: fail,
    on: () => () => undefined,
  };
}

/**
 * Starts a {@link Session} from a signed-in user's tokens (`step.tokens` of a `SIGNED_IN` step). With a
 * `store`, the tokens are written to it on the first call (and after every refresh). Invalid tokens or
 * options give a session whose calls all answer `InvalidParameter`; this never throws.
 *
 * @example
 * ```ts
 * const session = createSession(context, step.tokens, { store: memoryTokenStore(), username: step.username });
 * const accessToken = await session.getAccessToken();
 * ```
 */
export function createSession(context: AuthContext, tokens: TokenSet, options?: SessionOptions): Session {
  const parsedTokens = parseTokenSet(tokens);
  if (parsedTokens.isErr()) {
    return failedSession(makeError('InvalidParameter', `Invalid tokens: ${parsedTokens.error}`));
  }
  const parsedOptions = parseSessionOptions(options);
  if (parsedOptions.isErr()) return failedSession(parsedOptions.error);
  return new LiveSession(context, parsedTokens.value, parsedOptions.value, true);
}

/**
 * Restores the session kept in `options.store` under `options.key` (default `tokens`), for example after
 * a restart: `Ok(undefined)` when nothing is stored, a `TokenStore` error when the store fails or holds
 * something that is not a token set (a corrupt file). The tokens are not refreshed until they are asked for.
 *
 * @example
 * ```ts
 * const restored = await restoreSession(context, { store: fileTokenStore('session.json') });
 * if (restored.isOk() && restored.value) console.log(await restored.value.getIdToken());
 * else if (restored.isOk()) await signInAgain();
 * ```
 */
export function restoreSession(
  context: AuthContext,
  options: SessionOptions & { readonly store: NonNullable<SessionOptions['store']> },
): ResultAsync<Session | undefined, TokenStoreError | InvalidParameterError> {
  const parsed = parseSessionOptions(options);
  if (parsed.isErr()) return errAsync(parsed.error);
  const resolved = parsed.value;
  const store = resolved.store;
  if (!store) return errAsync(makeError('InvalidParameter', 'restoreSession needs a store'));
  return new ResultAsync(storeCall(() => store.get(resolved.key))).andThen((value) => {
    if (value === undefined || value === null) return ok(undefined);
    const tokens = parseTokenSet(value);
    if (tokens.isErr()) {
      return err(makeError('TokenStore', `The stored tokens are malformed: ${tokens.error}`));
    }
    return ok<Session | undefined>(new LiveSession(context, tokens.value, resolved, false));
  });
}
