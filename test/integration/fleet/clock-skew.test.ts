import { afterAll, describe, expect, it } from 'vitest';
import { dynamoDbRefreshCoordinator, dynamoDbTokenStore } from '../../../src/dynamodb/index.js';
import { redisRefreshCoordinator, redisTokenStore } from '../../../src/redis/index.js';
import type { RefreshCoordinator } from '../../../src/tokens/fleet/refresh-coordinator.js';
import type { TokenStore } from '../../../src/tokens/stores/token-store.js';
import { stack } from '../clients.js';
import { commandClient, dynamoTable, redisClient, redisUrl, uniquePrefix } from './backends.js';
import { fleetUser, HOUR } from './fleet-user.js';

const SKEW = 5_000;

/**
 * Two processes whose clocks are 5 s apart share one session through `backend`. `staggerMs` delays the slow
 * process's first call: moto's DynamoDB does not apply two simultaneous conditional writes atomically (real
 * DynamoDB does), so against moto the slow process arrives once the fast one holds the lease.
 */
function skewTests(
  backend: () => Promise<{ store: TokenStore; coordinator: RefreshCoordinator }>,
  staggerMs = 0,
) {
  it('both expired: one refresh request for the two; later the slow clock adopts the fast clock’s newer tokens with no request and never writes older ones', async () => {
    const s = stack as NonNullable<typeof stack>;
    const { store, coordinator } = await backend();
    const user = await fleetUser(s, 'skew');
    const fast = user.process(store, coordinator, SKEW);
    const slow = user.process(store, coordinator, 0);
    const fastSession = fast.start();
    (await fastSession.getTokens())._unsafeUnwrap(); // saved: version 1
    const slowSession = await slow.restore();

    user.advance(2 * HOUR);
    const [a, b] = await Promise.all([
      fastSession.getTokens(),
      new Promise((resolve) => setTimeout(resolve, staggerMs)).then(() => slowSession.getTokens()),
    ]);
    expect(a._unsafeUnwrap().accessToken).toBe(b._unsafeUnwrap().accessToken);
    expect(fast.counter.take().total + slow.counter.take().total).toBe(1);
    expect((await coordinator.read(user.key))?.version).toBe(2);

    // 58 min later: inside the margin for both; the fast clock, 5 s ahead, gets there first.
    user.advance(56 * 60_000);
    const fastFresh = (await fastSession.getTokens())._unsafeUnwrap();
    expect(fast.counter.take().byOperation).toEqual({ InitiateAuth: 1 });
    const stored = await coordinator.read(user.key);
    expect(stored?.version).toBe(3);
    const slowFresh = (await slowSession.getTokens())._unsafeUnwrap();
    expect(slow.counter.take().total).toBe(0);
    expect(slowFresh.accessToken).toBe(fastFresh.accessToken);
    expect((await coordinator.read(user.key))?.version).toBe(3);
    expect(((await store.get(user.key)) as { accessToken: string }).accessToken).toBe(fastFresh.accessToken);
  });
}

describe.skipIf(!stack || !redisUrl)(
  'clocks 5 s apart, Redis (lease expiry by the server clock)',
  async () => {
    const client = stack && redisUrl ? await redisClient() : undefined;
    afterAll(async () => {
      await client?.quit();
    });
    skewTests(async () => {
      const prefix = uniquePrefix();
      const c = commandClient(client as NonNullable<typeof client>);
      return { store: redisTokenStore(c, { prefix }), coordinator: redisRefreshCoordinator(c, { prefix }) };
    });
  },
);

describe.skipIf(!stack)('clocks 5 s apart, DynamoDB (lease expiry by each waiter’s monotonic clock)', () => {
  skewTests(async () => {
    const { client, tableName } = await dynamoTable();
    return {
      store: dynamoDbTokenStore(client, { tableName }),
      coordinator: dynamoDbRefreshCoordinator(client, { tableName }),
    };
  }, 100);
});
