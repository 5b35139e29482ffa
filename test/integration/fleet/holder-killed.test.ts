import { afterAll, describe, expect, it } from 'vitest';
import { spawnFleetProcess } from '../../../bench/support/fleet-process.js';
import type { WorkerConfig } from '../../../bench/support/fleet-worker.js';
import { dynamoDbRefreshCoordinator, dynamoDbTokenStore } from '../../../src/dynamodb/index.js';
import { redisRefreshCoordinator, redisTokenStore } from '../../../src/redis/index.js';
import type { RefreshCoordinator } from '../../../src/tokens/fleet/refresh-coordinator.js';
import type { TokenStore } from '../../../src/tokens/stores/token-store.js';
import { stack } from '../clients.js';
import { type FaultServer, startFaultServer } from '../faults/fault-server.js';
import { commandClient, dynamoTable, redisClient, redisUrl, uniquePrefix } from './backends.js';
import { fleetUser, HOUR } from './fleet-user.js';

const LEASE_MS = 1500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Backend {
  readonly store: TokenStore;
  readonly coordinator: RefreshCoordinator;
  /** The worker's settings for the same store. */
  readonly worker: Pick<WorkerConfig, 'backend' | 'redisUrl' | 'dynamo' | 'prefix'>;
}

function killedHolderTests(make: () => Promise<Backend>) {
  it('a holder SIGKILLed mid-refresh: another process completes the refresh after the lease runs out (≤ lease + one refresh), once, and nothing stale is written', async () => {
    const s = stack as NonNullable<typeof stack>;
    const { store, coordinator, worker } = await make();
    const hanging: FaultServer = await startFaultServer(s.endpoint);
    try {
      const user = await fleetUser(s, 'killed');
      const survivor = user.process(store, coordinator);
      const session = survivor.start();
      (await session.getTokens())._unsafeUnwrap(); // saved: version 1
      // The holder's Cognito never answers: it takes the lease, sends its refresh and hangs there.
      hanging.fail('InitiateAuth', { delayMs: 60_000 });
      const holder = spawnFleetProcess({
        ...worker,
        cognito: { endpoint: hanging.url, region: s.region, userPoolId: s.userPoolId, clientId: s.clientId },
        clockOffsetMs: 2 * HOUR,
        leaseTtlMs: LEASE_MS,
        keys: [user.key],
        callsPerKey: 1,
      });
      await holder.ready;
      holder.go();
      for (let i = 0; i < 200 && !hanging.take().InitiateAuth; i += 1) await sleep(25);
      holder.child.kill('SIGKILL');
      await holder.result.catch(() => undefined);
      expect(holder.child.signalCode).toBe('SIGKILL');

      user.advance(2 * HOUR);
      const started = performance.now();
      const fresh = (await session.getTokens())._unsafeUnwrap();
      const waited = performance.now() - started;
      expect(waited).toBeGreaterThan(LEASE_MS * 0.5);
      expect(waited).toBeLessThan(LEASE_MS + 5_000);
      expect(survivor.counter.take().byOperation).toEqual({ InitiateAuth: 1 });
      expect(fresh.expiresAt).toBeGreaterThan(Date.now() + 2 * HOUR);
      const record = await coordinator.read(user.key);
      expect(record?.version).toBe(2);
      expect((record?.value as { accessToken?: string } | undefined)?.accessToken).toBe(fresh.accessToken);
    } finally {
      await hanging.close();
    }
  }, 60_000);
}

describe.skipIf(!stack || !redisUrl)('lease holder killed with SIGKILL, Redis', async () => {
  const client = stack && redisUrl ? await redisClient() : undefined;
  afterAll(async () => {
    await client?.quit();
  });
  killedHolderTests(async () => {
    const prefix = uniquePrefix();
    const c = commandClient(client as NonNullable<typeof client>);
    return {
      store: redisTokenStore(c, { prefix }),
      coordinator: redisRefreshCoordinator(c, { prefix, leaseTtlMs: LEASE_MS }),
      worker: { backend: 'redis', redisUrl: redisUrl ?? '', prefix },
    };
  });
});

describe.skipIf(!stack)('lease holder killed with SIGKILL, DynamoDB', () => {
  killedHolderTests(async () => {
    const s = stack as NonNullable<typeof stack>;
    const { client, tableName } = await dynamoTable();
    return {
      store: dynamoDbTokenStore(client, { tableName }),
      coordinator: dynamoDbRefreshCoordinator(client, { tableName, leaseTtlMs: LEASE_MS }),
      worker: {
        backend: 'dynamodb',
        dynamo: { endpoint: s.endpoint, region: s.region, tableName },
        prefix: '',
      },
    };
  });
});
