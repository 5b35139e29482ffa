import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe } from 'vitest';
import { memoryDeviceStore } from '../../../src/auth/devices/device-store.js';
import {
  dynamoDbDeviceStore,
  dynamoDbIdentityIdStore,
  dynamoDbRefreshCoordinator,
  dynamoDbTokenStore,
} from '../../../src/dynamodb/index.js';
import { memoryIdentityIdStore } from '../../../src/identity/identity-id-store.js';
import {
  redisDeviceStore,
  redisIdentityIdStore,
  redisRefreshCoordinator,
  redisTokenStore,
} from '../../../src/redis/index.js';
import { memoryRefreshCoordinator } from '../../../src/tokens/fleet/memory-refresh-coordinator.js';
import { fileTokenStore } from '../../../src/tokens/stores/file-token-store.js';
import { memoryTokenStore } from '../../../src/tokens/stores/memory-token-store.js';
import { stack } from '../clients.js';
import { commandClient, dynamoTable, redisClient, redisUrl, uniquePrefix } from './backends.js';
import { coordinatorContract } from './coordinator-contract.js';
import { deviceStoreContract, identityIdStoreContract } from './side-store-contract.js';
import { tokenStoreContract } from './token-store-contract.js';

const LEASE_MS = 300;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('memory', () => {
  describe('memoryTokenStore', () => tokenStoreContract(() => memoryTokenStore()));
  describe('memoryRefreshCoordinator store', () =>
    tokenStoreContract(() => memoryRefreshCoordinator().store));
  describe('memoryRefreshCoordinator', () =>
    coordinatorContract(async () => {
      const clock = { now: 0 };
      const coordinator = memoryRefreshCoordinator({ leaseTtlMs: LEASE_MS, now: () => clock.now });
      return {
        coordinator,
        store: coordinator.store,
        expireLease: async () => {
          clock.now += LEASE_MS + 1;
        },
      };
    }));
  describe('memoryDeviceStore', () => deviceStoreContract(() => memoryDeviceStore()));
  describe('memoryIdentityIdStore', () => identityIdStoreContract(() => memoryIdentityIdStore()));
});

describe('fileTokenStore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cognito-flow-contract-'));
  let files = 0;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  tokenStoreContract(() => {
    files += 1;
    return fileTokenStore(join(dir, `tokens-${files}.json`));
  });
});

describe.skipIf(!redisUrl)('Redis (redis-server on loopback, node-redis)', async () => {
  const client = redisUrl ? await redisClient() : undefined;
  afterAll(async () => {
    await client?.quit();
  });
  const c = () => commandClient(client as NonNullable<typeof client>);
  describe('redisTokenStore', () =>
    tokenStoreContract(() => redisTokenStore(c(), { prefix: uniquePrefix() })));
  describe('redisRefreshCoordinator', () =>
    coordinatorContract(async () => {
      const prefix = uniquePrefix();
      return {
        coordinator: redisRefreshCoordinator(c(), { prefix, leaseTtlMs: LEASE_MS }),
        store: redisTokenStore(c(), { prefix }),
        expireLease: async () => {
          await sleep(LEASE_MS + 50);
        },
      };
    }));
  describe('redisDeviceStore', () =>
    deviceStoreContract(() => redisDeviceStore(c(), { prefix: uniquePrefix() })));
  describe('redisIdentityIdStore', () =>
    identityIdStoreContract(() => redisIdentityIdStore(c(), { prefix: uniquePrefix() })));
});

describe.skipIf(!stack)('DynamoDB (moto_server over HTTP, @aws-sdk/client-dynamodb)', async () => {
  const table = stack ? await dynamoTable() : undefined;
  const on = () => {
    const t = table as NonNullable<typeof table>;
    return [t.client, { tableName: t.tableName, prefix: uniquePrefix() }] as const;
  };
  describe('dynamoDbTokenStore', () => tokenStoreContract(() => dynamoDbTokenStore(...on())));
  describe('dynamoDbRefreshCoordinator', () =>
    coordinatorContract(
      async () => {
        const [client, options] = on();
        return {
          coordinator: dynamoDbRefreshCoordinator(client, { ...options, leaseTtlMs: LEASE_MS }),
          store: dynamoDbTokenStore(client, options),
          expireLease: async () => {
            await sleep(LEASE_MS + 50);
          },
        };
      },
      { atomicBackend: false },
    ));
  describe('dynamoDbDeviceStore', () => deviceStoreContract(() => dynamoDbDeviceStore(...on())));
  describe('dynamoDbIdentityIdStore', () => identityIdStoreContract(() => dynamoDbIdentityIdStore(...on())));
});
