import type { CognitoError } from '../errors/types.js';
import type { TokenSet } from './token-set.js';

/**
 * Why a session ended: the refresh token was rejected (revoked, expired, user disabled or deleted), the
 * session never had a refresh token and its tokens expired, or the app signed out.
 *
 * @example
 * ```ts
 * session.on('ended', ({ reason }) => { if (reason !== 'signed-out') showSignInPage(); });
 * ```
 */
export type SessionEndReason = 'refresh-rejected' | 'no-refresh-token' | 'signed-out';

/**
 * The events a {@link Session} emits, and what each listener receives.
 *
 * - `refreshed`: new tokens were obtained (and stored, if the session has a store).
 * - `ended`: the session is over; the store entry has been cleared. `error` is Cognito's answer when the
 *   refresh token was rejected.
 *
 * @example
 * ```ts
 * const listener: SessionEvents['refreshed'] = (tokens) => console.log('new tokens until', new Date(tokens.expiresAt));
 * ```
 */
export interface SessionEvents {
  refreshed: (tokens: TokenSet) => void;
  ended: (event: { readonly reason: SessionEndReason; readonly error?: CognitoError }) => void;
}

/**
 * A minimal typed emitter (no `node:events`, so it runs everywhere). A listener that throws or returns a
 * rejected promise is ignored: it never breaks the session or the other listeners.
 *
 * @example
 * ```ts
 * const events = sessionEmitter();
 * const off = events.on('refreshed', (tokens) => save(tokens));
 * off();
 * ```
 */
export function sessionEmitter() {
  const listeners: { [E in keyof SessionEvents]: Set<SessionEvents[E]> } = {
    refreshed: new Set(),
    ended: new Set(),
  };
  return {
    on<E extends keyof SessionEvents>(event: E, listener: SessionEvents[E]): () => void {
      const set = listeners[event] as Set<SessionEvents[E]> | undefined;
      if (!set || typeof listener !== 'function') return () => undefined;
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    emit<E extends keyof SessionEvents>(event: E, ...args: Parameters<SessionEvents[E]>): void {
      for (const listener of [
        ...(listeners[event] as Set<(...a: Parameters<SessionEvents[E]>) => unknown>),
      ]) {
        try {
          const returned = listener(...args);
          if (returned instanceof Promise) returned.catch(() => undefined);
        } catch {
          // A listener's failure is the app's, not the session's.
        }
      }
    },
  };
}
