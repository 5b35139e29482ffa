import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthClient } from '../../../src/index.js';
import type { SessionEvents } from '../../../src/tokens/session-events.js';
import { memoryTokenStore } from '../../../src/tokens/stores/memory-token-store.js';
import type { TokenSet } from '../../../src/tokens/token-set.js';
import { NEW_PASSWORD, stack } from '../clients.js';
import { type FaultServer, startFaultServer } from './fault-server.js';
import { pendingNewPassword } from './pending-step.js';

const HOUR = 3600_000;
/** Long enough for a CPU-starved moto to answer in time, short enough to keep the tests quick. */
const TIMEOUT_MS = 2_000;

describe.skipIf(!stack)(
  'a session whose refresh meets faults keeps its tokens and retries on the next call',
  () => {
    const s = stack as NonNullable<typeof stack>;
    let server: FaultServer;
    const clock = { offset: 0 };
    let auth: AuthClient;

    beforeEach(async () => {
      clock.offset = 0;
      server = await startFaultServer(s.endpoint);
      auth = AuthClient.create({
        userPoolId: s.userPoolId,
        clientId: s.clientId,
        endpoint: server.url,
        timeoutMs: TIMEOUT_MS,
        now: () => Date.now() + clock.offset,
      })._unsafeUnwrap();
    });
    afterEach(async () => {
      await server.close();
    });

    async function signedInSession(prefix: string) {
      const { step } = await pendingNewPassword(s, auth, prefix);
      const done = (await auth.completeNewPassword(step, NEW_PASSWORD))._unsafeUnwrap();
      if (done.step !== 'SIGNED_IN') throw new Error(`unexpected step ${done.step}`);
      const store = memoryTokenStore();
      const ended: Parameters<SessionEvents['ended']>[0][] = [];
      const session = auth.session(done.tokens, {
        store,
        key: 'user',
        refreshOperation: 'REFRESH_TOKEN_AUTH',
      });
      session.on('ended', (event) => ended.push(event));
      // The first call saves the tokens to the store.
      expect((await session.getTokens())._unsafeUnwrap().idToken).toBe(done.tokens.idToken);
      server.take();
      return { tokens: done.tokens, store, session, ended };
    }

    const stored = async (store: ReturnType<typeof memoryTokenStore>) =>
      (await store.get('user')) as TokenSet;

    it('expired tokens + a refresh that is reset every time: retryable Network after 3 requests, old tokens kept in the store, not ended; the next call refreshes', async () => {
      const { tokens, store, session, ended } = await signedInSession('sfault-expired');
      clock.offset = 2 * HOUR;
      server.fail('InitiateAuth', 'reset', 'reset', 'reset');
      const failed = (await session.getTokens())._unsafeUnwrapErr();
      expect(failed).toMatchObject({ type: 'Network', retryable: true });
      expect(server.take()).toEqual({ InitiateAuth: 3 });
      expect((await stored(store)).idToken).toBe(tokens.idToken);
      expect((await stored(store)).refreshToken).toBe(tokens.refreshToken);
      expect(ended).toEqual([]);
      const fresh = (await session.getTokens())._unsafeUnwrap();
      expect(fresh.idToken).not.toBe(tokens.idToken);
      expect(server.take()).toEqual({ InitiateAuth: 1 });
      expect((await stored(store)).idToken).toBe(fresh.idToken);
    });

    it('tokens inside the refresh margin + a refresh answered by HTML 500s: the still-valid tokens are returned, and the next call refreshes', async () => {
      const { tokens, store, session, ended } = await signedInSession('sfault-margin');
      clock.offset = tokens.expiresAt - Date.now() - 60_000;
      server.fail('InitiateAuth', 'html500', 'html500', 'html500');
      expect((await session.getTokens())._unsafeUnwrap().idToken).toBe(tokens.idToken);
      expect(server.take()).toEqual({ InitiateAuth: 3 });
      expect((await stored(store)).idToken).toBe(tokens.idToken);
      const fresh = (await session.getTokens())._unsafeUnwrap();
      expect(fresh.idToken).not.toBe(tokens.idToken);
      expect(server.take()).toEqual({ InitiateAuth: 1 });
      expect(ended).toEqual([]);
    });

    it('a refresh slower than timeoutMs on every attempt is a retryable Network error in bounded time, the store untouched', async () => {
      const { tokens, store, session, ended } = await signedInSession('sfault-slow');
      clock.offset = 2 * HOUR;
      server.fail('InitiateAuth', { delayMs: 8_000 }, { delayMs: 8_000 }, { delayMs: 8_000 });
      const started = Date.now();
      expect((await session.getTokens())._unsafeUnwrapErr()).toMatchObject({
        type: 'Network',
        retryable: true,
      });
      expect(Date.now() - started).toBeLessThan(3 * TIMEOUT_MS + 3_000);
      expect(server.take()).toEqual({ InitiateAuth: 3 });
      expect((await stored(store)).idToken).toBe(tokens.idToken);
      expect(ended).toEqual([]);
    });
  },
);
