// One process of a fleet, for the fleet bench and the fleet fault tests: restores sessions from a shared
// Redis or DynamoDB store, waits for "go" on stdin, then asks each session for its tokens `callsPerKey` times
// at once, and prints one JSON line (counts and timings only: never a token).
import { createHash } from 'node:crypto';
import { createInterface } from 'node:readline';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createClient } from 'redis';
import { dynamoDbRefreshCoordinator, dynamoDbTokenStore } from '../../src/dynamodb/index.js';
import { AuthClient } from '../../src/index.js';
import { redisRefreshCoordinator, redisTokenStore } from '../../src/redis/index.js';

/** What the parent passes as the first argument (JSON). */
export interface WorkerConfig {
  readonly backend: 'redis' | 'dynamodb';
  readonly redisUrl?: string;
  readonly dynamo?: { readonly endpoint: string; readonly region: string; readonly tableName: string };
  readonly prefix: string;
  readonly cognito: {
    readonly endpoint: string;
    readonly region: string;
    readonly userPoolId: string;
    readonly clientId: string;
  };
  /** This process's clock: Date.now() + offset. */
  readonly clockOffsetMs: number;
  readonly leaseTtlMs: number;
  readonly keys: readonly string[];
  readonly callsPerKey: number;
}

/** What the worker prints. */
export interface WorkerResult {
  readonly ok: number;
  readonly errors: Record<string, number>;
  /** Per key, how many different access tokens the calls got (1: all the same). */
  readonly distinctPerKey: number;
  readonly ms: number;
}

const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' };
const config = JSON.parse(process.argv[2] ?? '{}') as WorkerConfig;

async function backend() {
  // Generous command timeouts: eight processes share two cores while they start.
  const options = { prefix: config.prefix, leaseTtlMs: config.leaseTtlMs, commandTimeoutMs: 30_000 };
  if (config.backend === 'redis') {
    const client = createClient({ url: config.redisUrl ?? '' });
    client.on('error', () => undefined);
    await client.connect();
    return {
      store: redisTokenStore(client, options),
      coordinator: redisRefreshCoordinator(client, options),
      close: () => client.quit(),
    };
  }
  const d = config.dynamo;
  if (!d) throw new Error('dynamo settings missing');
  const client = new DynamoDBClient({ endpoint: d.endpoint, region: d.region, credentials, maxAttempts: 3 });
  const tableOptions = { ...options, tableName: d.tableName };
  return {
    store: dynamoDbTokenStore(client, tableOptions),
    coordinator: dynamoDbRefreshCoordinator(client, tableOptions),
    close: async () => client.destroy(),
  };
}

async function main() {
  const { store, coordinator, close } = await backend();
  const idp = new CognitoIdentityProviderClient({
    endpoint: config.cognito.endpoint,
    region: config.cognito.region,
    credentials,
    maxAttempts: 1,
  });
  const auth = AuthClient.create({
    userPoolId: config.cognito.userPoolId,
    clientId: config.cognito.clientId,
    client: idp,
    now: () => Date.now() + config.clockOffsetMs,
  });
  if (auth.isErr()) throw new Error(auth.error.message);
  const restore = (keys: readonly string[]) =>
    Promise.all(
      keys.map(async (key) => {
        const restored = await auth.value.restoreSession({
          store,
          coordinator,
          key,
          refreshOperation: 'REFRESH_TOKEN_AUTH',
        });
        if (restored.isErr()) throw new Error(`could not restore ${key}: ${restored.error.message}`);
        if (!restored.value) throw new Error(`nothing stored under ${key}`);
        return restored.value;
      }),
    );
  const sessions = [];
  for (let i = 0; i < config.keys.length; i += 100)
    sessions.push(...(await restore(config.keys.slice(i, i + 100))));
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => {
    const lines = createInterface({ input: process.stdin });
    lines.on('line', (line) => {
      if (line.trim() === 'go') {
        lines.close();
        resolve();
      }
    });
  });
  const started = performance.now();
  const perKey = await Promise.all(
    sessions.map((session) =>
      Promise.all(Array.from({ length: config.callsPerKey }, () => session.getTokens())),
    ),
  );
  const ms = performance.now() - started;
  const errors: Record<string, number> = {};
  let ok = 0;
  let distinctPerKey = 0;
  for (const results of perKey) {
    const tokens = new Set<string>();
    for (const result of results) {
      if (result.isOk()) {
        ok += 1;
        tokens.add(createHash('sha256').update(result.value.accessToken).digest('hex'));
      } else errors[result.error.type] = (errors[result.error.type] ?? 0) + 1;
    }
    distinctPerKey = Math.max(distinctPerKey, tokens.size);
  }
  const result: WorkerResult = { ok, errors, distinctPerKey, ms };
  process.stdout.write(`result ${JSON.stringify(result)}\n`);
  await close();
  process.stdin.destroy(); // the pipe would keep the process alive
}

main().catch((error: unknown) => {
  process.stderr.write(`fleet worker failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
