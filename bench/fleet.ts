/**
 * Sessions across a fleet (issue #17), against real servers: moto_server (Cognito and DynamoDB) and Debian's
 * redis-server, both on loopback. Cognito requests are counted at a proxy in front of moto, DynamoDB requests
 * at another, Redis commands at the client. Worker processes are bench/support/fleet-worker.ts.
 *
 * 1. 8 processes × 100 concurrent getTokens() on one expired session → refresh requests (target 1).
 * 2. 8 processes × 1,000 sessions expiring together, one getTokens() each → refresh requests (target 1,000).
 * 3. A getTokens() that needs no refresh: on a live session, and restored from the store as a stateless
 *    request does (p50/p99 µs, store round trips: target 1 read, 0 writes).
 * 4. A holder SIGKILLed mid-refresh: time until another process has the new tokens (≤ lease TTL + one refresh).
 *
 *   npm run bench:fleet
 */
import { createServer } from 'node:http';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createClient } from 'redis';
import { LOCAL_CREDENTIALS } from '../examples/support/provision.js';
import { type RedisServer, startRedis } from '../examples/support/redis-server.js';
import { createSessionTable, dynamoDbRefreshCoordinator, dynamoDbTokenStore } from '../src/dynamodb/index.js';
import { AuthClient, memoryRefreshCoordinator, memoryTokenStore, type TokenSet } from '../src/index.js';
import { type RedisCommandClient, redisRefreshCoordinator, redisTokenStore } from '../src/redis/index.js';
import type { RefreshCoordinator } from '../src/tokens/fleet/refresh-coordinator.js';
import type { TokenStore } from '../src/tokens/stores/token-store.js';
import { startCountingProxy } from './support/counting-proxy.js';
import { spawnFleetProcess } from './support/fleet-process.js';
import type { WorkerConfig } from './support/fleet-worker.js';
import { machineLine } from './support/machine.js';
import { startBenchStack } from './support/moto-stack.js';
import { quantile } from './support/stats.js';
import { printTable } from './support/table.js';

const HOUR = 3600_000;
const BACKENDS = (process.env.FLEET_BACKENDS ?? 'redis,dynamodb').split(',') as ('redis' | 'dynamodb')[];
const SESSIONS = Number(process.env.FLEET_SESSIONS ?? 1000);
/**
 * moto_server answers one DynamoDB request at a time (about 5–20 ms each here), so eight processes restoring
 * 1,000 sessions (8,000 GetItems, then the leases) would time out at moto, not at cognito-flow: the DynamoDB
 * run uses 50 sessions.
 */
const DYNAMODB_SESSIONS = Number(process.env.FLEET_DYNAMODB_SESSIONS ?? 50);
const PROCESSES = Number(process.env.FLEET_PROCESSES ?? 8);
const progress = (what: string) =>
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${what}\n`);
/**
 * The lease of the fleet runs: 30 s. moto answers one refresh at a time, and with eight busy processes on two
 * cores a thousand queued refreshes take longer than the 10 s default (docs/sessions.md: size the lease above
 * the refresh's worst latency).
 */
const LEASE_MS = 30_000;
/** The lease of the killed-holder run: short, so the run is short. */
const KILL_LEASE_MS = 2000;
const PASSWORD = 'Bench-Passw0rd!';
/** The value of a result, or a thrown error with its message (a bench stops on the first failure). */
function must<T>(result: { isErr(): boolean; value?: T; error?: { message: string } }): T {
  if (result.isErr()) throw new Error(result.error?.message ?? 'failed');
  return result.value as T;
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const bench = await startBenchStack();
const cognitoProxy = await startCountingProxy(bench.moto.url);
const dynamoProxy = await startCountingProxy(bench.moto.url);
const redisServer: RedisServer = await startRedis();
const redis = createClient({ url: redisServer.url });
redis.on('error', () => undefined);
await redis.connect();
const redisCommands: Record<string, number> = {};
const countedRedis: RedisCommandClient = {
  sendCommand: (args) => {
    const name = args[0] ?? '';
    redisCommands[name] = (redisCommands[name] ?? 0) + 1;
    return redis.sendCommand(args);
  },
};
const takeRedis = () => {
  const snapshot = { ...redisCommands };
  for (const name of Object.keys(redisCommands)) delete redisCommands[name];
  return snapshot;
};
const { region, userPoolId, clientId } = bench.stack;
const dynamo = new DynamoDBClient({
  region,
  endpoint: dynamoProxy.url,
  credentials: LOCAL_CREDENTIALS,
  maxAttempts: 3,
});
const tableName = 'fleet-bench';
const created = await createSessionTable(dynamo, { tableName });
if (created.isErr()) throw new Error(created.error.message);

const idp = new CognitoIdentityProviderClient({
  region,
  endpoint: cognitoProxy.url,
  credentials: LOCAL_CREDENTIALS,
  maxAttempts: 1,
});
const auth = AuthClient.create({ userPoolId, clientId, client: idp });
if (auth.isErr()) throw new Error(auth.error.message);
await bench.createConfirmedUser('fleet-user', PASSWORD);
const signedIn = await auth.value.signIn({
  username: 'fleet-user',
  password: PASSWORD,
  flow: 'USER_PASSWORD_AUTH',
});
if (signedIn.isErr() || signedIn.value.step !== 'SIGNED_IN') throw new Error('sign-in failed');
const tokens: TokenSet = signedIn.value.tokens;
cognitoProxy.take();

interface Backend {
  readonly name: 'redis' | 'dynamodb';
  readonly store: TokenStore;
  readonly coordinator: RefreshCoordinator;
  readonly worker: Pick<WorkerConfig, 'backend' | 'redisUrl' | 'dynamo'>;
  readonly roundTrips: () => Record<string, number>;
}
let prefixes = 0;
function backend(name: 'redis' | 'dynamodb', leaseTtlMs = LEASE_MS): Backend & { prefix: string } {
  prefixes += 1;
  const prefix = `b${prefixes}:`;
  if (name === 'redis') {
    return {
      name,
      prefix,
      store: redisTokenStore(countedRedis, { prefix }),
      coordinator: redisRefreshCoordinator(countedRedis, { prefix, leaseTtlMs }),
      worker: { backend: 'redis', redisUrl: redisServer.url },
      roundTrips: takeRedis,
    };
  }
  return {
    name,
    prefix,
    store: dynamoDbTokenStore(dynamo, { tableName, prefix }),
    coordinator: dynamoDbRefreshCoordinator(dynamo, { tableName, prefix, leaseTtlMs }),
    worker: { backend: 'dynamodb', dynamo: { endpoint: bench.moto.url, region, tableName } },
    roundTrips: () => dynamoProxy.take().byOperation,
  };
}

/** Runs `PROCESSES` workers on `keys` (callsPerKey each) and counts Cognito's refresh requests. */
async function fleetRun(b: Backend & { prefix: string }, keys: string[], callsPerKey: number) {
  try {
    return await fleetRunOnce(b, keys, callsPerKey);
  } catch (error) {
    const message =
      error instanceof Error
        ? (error.message.split('\n').find((l) => l.startsWith('fleet worker failed')) ?? error.message)
        : String(error);
    progress(`${b.name}: failed: ${message}`);
    return {
      refreshes: Number.NaN,
      ok: 0,
      calls: PROCESSES * keys.length * callsPerKey,
      errors: [`run failed: ${message.slice(0, 80)}`],
      distinct: 0,
      wall: Number.NaN,
    };
  }
}

async function fleetRunOnce(b: Backend & { prefix: string }, keys: string[], callsPerKey: number) {
  for (let i = 0; i < keys.length; i += 100) {
    await Promise.all(keys.slice(i, i + 100).map((key) => b.store.set(key, tokens)));
  }
  const workers = Array.from({ length: PROCESSES }, () =>
    spawnFleetProcess({
      ...b.worker,
      prefix: b.prefix,
      cognito: { endpoint: cognitoProxy.url, region, userPoolId, clientId },
      clockOffsetMs: 2 * HOUR,
      leaseTtlMs: LEASE_MS,
      keys,
      callsPerKey,
    }),
  );
  progress(`${b.name}: ${PROCESSES} workers starting on ${keys.length} key(s)`);
  await Promise.all(workers.map((w) => w.ready));
  progress(`${b.name}: workers ready`);
  cognitoProxy.take();
  const started = performance.now();
  for (const w of workers) w.go();
  const results = await Promise.all(workers.map((w) => w.result));
  progress(`${b.name}: done, ${JSON.stringify(results.map((r) => Math.round(r.ms)))} ms`);
  const wall = performance.now() - started;
  const refreshes = cognitoProxy.take().byOperation.InitiateAuth ?? 0;
  const ok = results.reduce((n, r) => n + r.ok, 0);
  const errors = results.flatMap((r) => Object.entries(r.errors).map(([t, n]) => `${t}×${n}`));
  const distinct = Math.max(...results.map((r) => r.distinctPerKey));
  return { refreshes, ok, calls: PROCESSES * keys.length * callsPerKey, errors, distinct, wall };
}

console.log(`# Sessions across a fleet\n\n${machineLine()}\n`);
const rows: string[][] = [];
for (const name of BACKENDS) {
  const one = await fleetRun(backend(name), ['one-session'], 100);
  rows.push([
    `${name}: ${PROCESSES} processes × 100 getTokens(), 1 expired session`,
    String(one.refreshes),
    '1',
    `${one.ok}/${one.calls}`,
    one.errors.join(' ') || '0',
    String(one.distinct),
    (one.wall / 1000).toFixed(2),
  ]);
  const sessions = name === 'redis' ? SESSIONS : DYNAMODB_SESSIONS;
  const many = await fleetRun(
    backend(name),
    Array.from({ length: sessions }, (_, i) => `s${i}`),
    1,
  );
  rows.push([
    `${name}: ${PROCESSES} processes × ${sessions.toLocaleString('en')} expired sessions`,
    String(many.refreshes),
    sessions.toLocaleString('en'),
    `${many.ok}/${many.calls}`,
    many.errors.join(' ') || '0',
    String(many.distinct),
    (many.wall / 1000).toFixed(2),
  ]);
}
console.log('## Refresh requests at Cognito (counted at a proxy in front of moto)\n');
printTable(['scenario', 'refreshes', 'target', 'ok calls', 'errors', 'tokens per session', 'wall s'], rows);

// 3. A getTokens() that needs no refresh.
const ROUNDS = 2000;
async function timeCalls(call: () => unknown, rounds = ROUNDS) {
  for (let i = 0; i < 50; i += 1) await call();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const t = performance.now();
    await call();
    samples.push((performance.now() - t) * 1000);
  }
  return samples;
}
const costRows: string[][] = [];
const fmt = (samples: number[]) => [quantile(samples, 0.5).toFixed(0), quantile(samples, 0.99).toFixed(0)];
const memoryStore = memoryTokenStore();
await memoryStore.set('k', tokens);
const memoryLive = auth.value.session(tokens, { store: memoryStore, key: 'k' });
await memoryLive.getTokens();
costRows.push(['memory: live session', ...fmt(await timeCalls(() => memoryLive.getTokens())), '0', '0']);
const memoryFleet = memoryRefreshCoordinator();
await memoryFleet.store.set('k', tokens);
costRows.push([
  'memory: restored per request',
  ...fmt(
    await timeCalls(async () =>
      must(
        await auth.value.restoreSession({ store: memoryFleet.store, coordinator: memoryFleet, key: 'k' }),
      )?.getTokens(),
    ),
  ),
  '0',
  '0',
]);
for (const name of ['redis', 'dynamodb'] as const) {
  const b = backend(name);
  await b.store.set('k', tokens);
  const options = { store: b.store, coordinator: b.coordinator, key: 'k' };
  const live = must(await auth.value.restoreSession(options));
  await live?.getTokens();
  b.roundTrips();
  const rounds = name === 'dynamodb' ? 300 : ROUNDS;
  const liveSamples = await timeCalls(async () => live?.getTokens(), rounds);
  const liveTrips = b.roundTrips();
  const restoredSamples = await timeCalls(
    async () => must(await auth.value.restoreSession(options))?.getTokens(),
    rounds,
  );
  const trips = b.roundTrips();
  const per = (counts: Record<string, number>, reads: string[]) => {
    const total = Object.values(counts).reduce((a, n) => a + n, 0);
    const read = Object.entries(counts)
      .filter(([op]) => reads.includes(op))
      .reduce((a, [, n]) => a + n, 0);
    const calls = rounds + 50;
    return [(read / calls).toFixed(2), ((total - read) / calls).toFixed(2)];
  };
  const reads = name === 'redis' ? ['HMGET', 'GET'] : ['GetItem'];
  costRows.push([`${name}: live session`, ...fmt(liveSamples), ...per(liveTrips, reads)]);
  costRows.push([`${name}: restored per request`, ...fmt(restoredSamples), ...per(trips, reads)]);
}
console.log('\n## A getTokens() that needs no refresh (µs; store round trips per call)\n');
printTable(['store', 'p50 µs', 'p99 µs', 'reads', 'writes'], costRows);

// 4. A holder killed mid-refresh.
const hung: { seen: number } = { seen: 0 };
const hanging = createServer((request) => {
  if (String(request.headers['x-amz-target'] ?? '').endsWith('InitiateAuth')) hung.seen += 1;
  request.resume(); // never answered
});
await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
const hangingAddress = hanging.address();
const hangingUrl = `http://127.0.0.1:${typeof hangingAddress === 'object' && hangingAddress ? hangingAddress.port : 0}`;
const killRows: string[][] = [];
for (const name of ['redis', 'dynamodb'] as const) {
  const b = backend(name, KILL_LEASE_MS);
  await b.store.set('killed', tokens);
  hung.seen = 0;
  const holder = spawnFleetProcess({
    ...b.worker,
    prefix: b.prefix,
    cognito: { endpoint: hangingUrl, region, userPoolId, clientId },
    clockOffsetMs: 2 * HOUR,
    leaseTtlMs: KILL_LEASE_MS,
    keys: ['killed'],
    callsPerKey: 1,
  });
  await holder.ready;
  holder.go();
  while (hung.seen === 0) await sleep(5);
  holder.child.kill('SIGKILL');
  await holder.result.catch(() => undefined);
  const killedAt = performance.now();
  const other = AuthClient.create({ userPoolId, clientId, client: idp, now: () => Date.now() + 2 * HOUR });
  if (other.isErr()) throw new Error(other.error.message);
  const restored = must(
    await other.value.restoreSession({
      store: b.store,
      coordinator: b.coordinator,
      key: 'killed',
      refreshOperation: 'REFRESH_TOKEN_AUTH',
    }),
  );
  cognitoProxy.take();
  const result = await restored?.getTokens();
  const ms = performance.now() - killedAt;
  killRows.push([
    name,
    String(KILL_LEASE_MS),
    ms.toFixed(0),
    result === undefined ? '?' : result.isOk() ? 'ok' : result.error.type,
    String(cognitoProxy.take().byOperation.InitiateAuth ?? 0),
  ]);
}
console.log('\n## A lease holder SIGKILLed mid-refresh\n');
printTable(['store', 'lease TTL ms', 'another process done after ms', 'result', 'refreshes'], killRows);

hanging.closeAllConnections();
hanging.close();
await redis.quit();
await redisServer.stop();
await cognitoProxy.close();
await dynamoProxy.close();
await bench.moto.stop();
