import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createClient } from 'redis';
import { inject } from 'vitest';
import { LOCAL_CREDENTIALS } from '../../../examples/support/provision.js';
import { createSessionTable } from '../../../src/dynamodb/index.js';
import type { RedisCommandClient } from '../../../src/redis/index.js';
import { stack } from '../clients.js';

/** The integration setup's redis-server, or null when it is absent (outside CI: the Redis tests are skipped). */
export const redisUrl: string | null = inject('redisUrl');

let tables = 0;

/** A DynamoDB client on moto (through `endpoint` when given: a proxy) and a new session table on it. */
export async function dynamoTable(endpoint?: string, options: { maxAttempts?: number } = {}) {
  const s = stack;
  if (!s) throw new Error('moto is not running');
  const client = new DynamoDBClient({
    region: s.region,
    endpoint: endpoint ?? s.endpoint,
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: options.maxAttempts ?? 1,
  });
  tables += 1;
  const tableName = `sessions-${process.pid}-${Date.now().toString(36)}-${tables}`;
  const created = await createSessionTable(client, { tableName });
  if (created.isErr()) throw new Error(created.error.message);
  return { client, tableName };
}

/** A connected node-redis client on `url` (the shared server by default); `quit()` it after use. */
export async function redisClient(url = redisUrl) {
  if (!url) throw new Error('redis-server is not running');
  const client = createClient({
    url,
    socket: { reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 500) },
  });
  client.on('error', () => undefined); // reconnects by itself; calls report failures as TokenStore errors
  await client.connect();
  return client;
}

/** node-redis's client as the stores see it. */
export const commandClient = (client: Awaited<ReturnType<typeof redisClient>>): RedisCommandClient => client;

let prefixes = 0;
/** A key prefix no other test uses. */
export function uniquePrefix(): string {
  prefixes += 1;
  return `t${process.pid}-${Date.now().toString(36)}-${prefixes}:`;
}
