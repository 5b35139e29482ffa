import { type AttributeValue, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { recordTtlSeconds } from '../tokens/fleet/record-ttl.js';
import type { LeaseAttempt, RefreshCoordinator, RefreshLease } from '../tokens/fleet/refresh-coordinator.js';
import { encodeValue, leaseTimings, newOwnerId, pollDelay } from '../tokens/fleet/versioned-record.js';
import { tokenStoreError } from '../tokens/stores/token-store.js';
import {
  conditionFailed,
  type DynamoDbStoreOptions,
  dynamoDbSend,
  dynamoDbSettings,
  expiryAttribute,
  pk,
  recordOfItem,
} from './dynamodb-client.js';
import { readItem } from './dynamodb-token-store.js';

/**
 * Options of {@link dynamoDbRefreshCoordinator}.
 *
 * @example
 * ```ts
 * const coordinator = dynamoDbRefreshCoordinator(dynamo, { tableName: 'my-app-sessions', leaseTtlMs: 5_000 });
 * ```
 */
export interface DynamoDbRefreshCoordinatorOptions extends DynamoDbStoreOptions {
  /** Lease time to live in ms (default 10 s), measured by each waiter's own monotonic clock (see below). */
  readonly leaseTtlMs?: number;
  /** How long a session waits for another holder, in ms (default 2 × lease + 5 s). */
  readonly waitTimeoutMs?: number;
  /** The record time to live a commit sets, in seconds: use the token store's (default 30 days). */
  readonly ttlSeconds?: number;
}

/** A lease another process holds, as this process first saw it. */
interface Observed {
  readonly owner: string;
  readonly seenAt: number;
  readonly ttlMs: number;
}

const monotonic = () => globalThis.performance.now();

/**
 * A {@link RefreshCoordinator} on DynamoDB: the lease lives in the session's own item (`leaseOwner`,
 * `leaseTtlMs`), taken with a conditional UpdateItem that also returns the record (one request). DynamoDB
 * has no server clock to compare with, and the processes' clocks may disagree, so no process trusts another's
 * clock: a waiter takes a lease over only after it has seen the *same* holder for the lease's time to live on
 * its own monotonic clock (as Amazon's DynamoDB Lock Client does). `commit` is an UpdateItem conditional on the
 * version the lease was taken at, so a slow or dead holder writes nothing over newer tokens. Pair it with
 * {@link dynamoDbTokenStore} on the same table and prefix. Throws a `TypeError` on invalid options.
 *
 * @example
 * ```ts
 * import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
 * import { dynamoDbRefreshCoordinator, dynamoDbTokenStore } from 'cognito-flow/dynamodb';
 *
 * const dynamo = new DynamoDBClient({});
 * const options = { store: dynamoDbTokenStore(dynamo), coordinator: dynamoDbRefreshCoordinator(dynamo), key: userId };
 * const restored = await auth.restoreSession(options);
 * ```
 */
export function dynamoDbRefreshCoordinator(
  client: unknown,
  options: DynamoDbRefreshCoordinatorOptions = {},
): RefreshCoordinator {
  const settings = dynamoDbSettings(client, options);
  const { leaseTtlMs, waitTimeoutMs } = leaseTimings(options);
  const ttl = recordTtlSeconds(options.ttlSeconds, 'DynamoDB');
  const observed = new Map<string, Observed>();
  const update = (input: Omit<ConstructorParameters<typeof UpdateItemCommand>[0], 'TableName'>) =>
    dynamoDbSend(settings, 'UpdateItem', (abortSignal) =>
      settings.client.send(new UpdateItemCommand({ TableName: settings.tableName, ...input }), {
        abortSignal,
      }),
    );

  /** What a failed acquisition saw: the holder, remembered from the first sighting on. */
  function held(key: string, item: Record<string, AttributeValue> | undefined): LeaseAttempt {
    const record = recordOfItem(item);
    const owner = item?.leaseOwner?.S;
    const ttlMs = Number(item?.leaseTtlMs?.N ?? leaseTtlMs);
    if (owner === undefined) return { acquired: false, record, retryInMs: pollDelay(0) };
    const before = observed.get(key);
    const sighting =
      before?.owner === owner
        ? before
        : { owner, seenAt: monotonic(), ttlMs: Number.isFinite(ttlMs) && ttlMs > 0 ? ttlMs : leaseTtlMs };
    observed.set(key, sighting);
    return {
      acquired: false,
      record,
      retryInMs: pollDelay(sighting.ttlMs - (monotonic() - sighting.seenAt)),
    };
  }

  return {
    leaseTtlMs,
    waitTimeoutMs,
    read: (key) => readItem(settings, key),
    async acquire(key): Promise<LeaseAttempt> {
      const owner = newOwnerId();
      const seen = observed.get(key);
      const expired = seen !== undefined && monotonic() - seen.seenAt >= seen.ttlMs;
      try {
        const out = await update({
          Key: pk(settings, 'tokens', key),
          // A lease on a key never written creates the item: give it an expiry, in case nobody commits.
          UpdateExpression:
            'SET leaseOwner = :me, leaseTtlMs = :leaseTtl, #ttl = if_not_exists(#ttl, :expiry)',
          ConditionExpression: expired
            ? 'attribute_not_exists(leaseOwner) OR leaseOwner = :seen'
            : 'attribute_not_exists(leaseOwner)',
          ExpressionAttributeValues: {
            ':me': { S: owner },
            ':leaseTtl': { N: String(Math.ceil(leaseTtlMs)) },
            ':expiry': { N: String(Math.floor(Date.now() / 1000) + (ttl > 0 ? ttl : 24 * 3600)) },
            ...(expired ? { ':seen': { S: seen.owner } } : {}),
          },
          ExpressionAttributeNames: { '#ttl': 'ttl' },
          ReturnValues: 'ALL_OLD',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        });
        observed.delete(key);
        const record = recordOfItem(out.Attributes);
        return {
          acquired: true,
          lease: { key, owner, version: record?.version ?? 0 },
          record,
          tookOver: out.Attributes?.leaseOwner !== undefined,
        };
      } catch (error) {
        if (!conditionFailed(error)) throw error;
        const item = (error as { Item?: Record<string, AttributeValue> }).Item;
        if (item) return held(key, item);
        // A DynamoDB that does not return the item on a failed condition: read it.
        const record = await readItem(settings, key);
        return { acquired: false, record, retryInMs: pollDelay(leaseTtlMs) };
      }
    },
    async commit(lease: RefreshLease, value: object): Promise<boolean> {
      let data: string;
      try {
        data = encodeValue(value);
      } catch (error) {
        throw tokenStoreError((error as Error).message);
      }
      try {
        await update({
          Key: pk(settings, 'tokens', lease.key),
          UpdateExpression: `SET #data = :data, v = :next${ttl > 0 ? ', #ttl = :ttl' : ''} REMOVE leaseOwner, leaseTtlMs`,
          ConditionExpression: lease.version === 0 ? 'attribute_not_exists(v)' : 'v = :version',
          ExpressionAttributeNames: { '#data': 'data', ...(ttl > 0 ? { '#ttl': 'ttl' } : {}) },
          ExpressionAttributeValues: {
            ':data': { S: data },
            ':next': { N: String(lease.version + 1) },
            ...(lease.version === 0 ? {} : { ':version': { N: String(lease.version) } }),
            ...expiryAttribute(ttl),
          },
        });
        return true;
      } catch (error) {
        if (conditionFailed(error)) return false;
        throw error;
      }
    },
    async release(lease: RefreshLease): Promise<void> {
      try {
        await update({
          Key: pk(settings, 'tokens', lease.key),
          UpdateExpression: 'REMOVE leaseOwner, leaseTtlMs',
          ConditionExpression: 'leaseOwner = :me',
          ExpressionAttributeValues: { ':me': { S: lease.owner } },
        });
      } catch (error) {
        if (!conditionFailed(error)) throw error;
      }
    },
  };
}
