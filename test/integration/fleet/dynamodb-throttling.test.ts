import { afterAll, describe, expect, it } from 'vitest';
import { dynamoDbRefreshCoordinator, dynamoDbTokenStore } from '../../../src/dynamodb/index.js';
import { stack } from '../clients.js';
import { dynamoTable } from './backends.js';
import { fleetUser, HOUR } from './fleet-user.js';
import { startThrottlingProxy, type ThrottlingProxy } from './throttling-proxy.js';

describe.skipIf(!stack)('DynamoDB throttling injected at a loopback proxy in front of moto', async () => {
  const proxy: ThrottlingProxy | undefined = stack ? await startThrottlingProxy(stack.endpoint) : undefined;
  afterAll(async () => {
    await proxy?.close();
  });

  it('throttled past the SDK retries: a retryable TokenStore error naming the throttling, no refresh sent; once it stops, one refresh and the session lives on', async () => {
    const s = stack as NonNullable<typeof stack>;
    const p = proxy as ThrottlingProxy;
    const { client, tableName } = await dynamoTable(p.url, { maxAttempts: 2 });
    const user = await fleetUser(s, 'throttled');
    const fleet = user.process(
      dynamoDbTokenStore(client, { tableName }),
      dynamoDbRefreshCoordinator(client, { tableName }),
    );
    const session = fleet.start();
    (await session.getTokens())._unsafeUnwrap();
    user.advance(2 * HOUR);
    p.take();
    p.throttle(2); // both SDK attempts of the lease's UpdateItem
    const error = (await session.getTokens())._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'TokenStore', retryable: true });
    expect(error.message).toContain('ProvisionedThroughputExceededException');
    expect(p.take()).toEqual({ UpdateItem: 2 });
    expect(fleet.counter.take().total).toBe(0);

    const fresh = (await session.getTokens())._unsafeUnwrap();
    expect(fleet.counter.take().byOperation).toEqual({ InitiateAuth: 1 });
    expect(fresh.expiresAt).toBeGreaterThan(Date.now() + 2 * HOUR);
  });

  it('throttled once: the SDK retry absorbs it (the lease UpdateItem sent twice, then the commit) and the caller sees tokens', async () => {
    const s = stack as NonNullable<typeof stack>;
    const p = proxy as ThrottlingProxy;
    const { client, tableName } = await dynamoTable(p.url, { maxAttempts: 2 });
    const user = await fleetUser(s, 'throttled-once');
    const fleet = user.process(
      dynamoDbTokenStore(client, { tableName }),
      dynamoDbRefreshCoordinator(client, { tableName }),
    );
    const session = fleet.start();
    (await session.getTokens())._unsafeUnwrap();
    user.advance(2 * HOUR);
    p.take();
    p.throttle(1);
    expect((await session.getTokens()).isOk()).toBe(true);
    expect(p.take()).toEqual({ UpdateItem: 3 }); // lease (throttled + retried), commit
  });
});
