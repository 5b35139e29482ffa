import type { Stack } from '../../../examples/support/provision.js';
import type { RefreshCoordinator } from '../../../src/tokens/fleet/refresh-coordinator.js';
import type { TokenStore } from '../../../src/tokens/stores/token-store.js';
import { clientsFor, signedInUser } from '../clients.js';

export const HOUR = 3600_000;

/**
 * A user signed in on moto, and "processes" of a fleet: each its own SDK client, request counter and clock
 * (`skewMs` apart from the shared base), refreshing through REFRESH_TOKEN_AUTH (moto lacks
 * GetTokensFromRefreshToken), all keeping the session under one key of one store and coordinator.
 */
export async function fleetUser(s: Stack, prefix: string) {
  const base = { offset: 0 };
  const user = await signedInUser(s, prefix);
  const key = `session:${user.username}`;
  return {
    key,
    tokens: user.tokens,
    /** Moves every process's clock. */
    advance(ms: number) {
      base.offset += ms;
    },
    process(store: TokenStore, coordinator: RefreshCoordinator, skewMs = 0) {
      const clients = clientsFor(s, { now: () => Date.now() + base.offset + skewMs });
      const options = { store, coordinator, key, refreshOperation: 'REFRESH_TOKEN_AUTH' as const };
      return {
        counter: clients.counter,
        /** The session as a new request restores it from the store. */
        restore: async () => {
          const restored = await clients.auth.restoreSession(options);
          if (restored.isErr() || !restored.value) throw new Error('nothing to restore');
          return restored.value;
        },
        /** The session as the sign-in hands it out (saved on first use). */
        start: () => clients.auth.session(user.tokens, options),
      };
    },
  };
}
