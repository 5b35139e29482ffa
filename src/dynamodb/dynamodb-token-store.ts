import { DeleteItemCommand, GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { recordTtlSeconds } from '../tokens/fleet/record-ttl.js';
import { encodeValue } from '../tokens/fleet/versioned-record.js';
import { type TokenStore, tokenStoreError } from '../tokens/stores/token-store.js';
import {
  type DynamoDbSettings,
  type DynamoDbStoreOptions,
  dynamoDbSend,
  dynamoDbSettings,
  expiryAttribute,
  pk,
  recordOfItem,
} from './dynamodb-client.js';

/**
 * Options of {@link dynamoDbTokenStore}.
 *
 * @example
 * ```ts
 * const store = dynamoDbTokenStore(dynamo, { tableName: 'my-app-sessions', ttlSeconds: 7 * 24 * 3600 });
 * ```
 */
export interface DynamoDbTokenStoreOptions extends DynamoDbStoreOptions {
  /** Each record expires (table TTL attribute `ttl`) this long after its last write, in seconds (default 30 days; 0: never). */
  readonly ttlSeconds?: number;
}

/**
 * Reads one record with a strongly consistent GetItem (one request).
 *
 * @example
 * ```ts
 * const record = await readItem(settings, 'user-1');
 * ```
 */
export async function readItem(settings: DynamoDbSettings, key: string) {
  const out = await dynamoDbSend(settings, 'GetItem', (abortSignal) =>
    settings.client.send(
      new GetItemCommand({
        TableName: settings.tableName,
        Key: pk(settings, 'tokens', key),
        ConsistentRead: true,
        ProjectionExpression: 'v, #data',
        ExpressionAttributeNames: { '#data': 'data' },
      }),
      { abortSignal },
    ),
  );
  return recordOfItem(out.Item);
}

/**
 * A {@link TokenStore} on DynamoDB: one item per key (`pk = <prefix>tokens#<key>`) holding the JSON value
 * (`data`, at most 64 KiB, checked before parsing), its version (`v`, one more on every write, which
 * {@link dynamoDbRefreshCoordinator} fences refreshes with) and its expiry (`ttl`, the table's TTL attribute).
 * `get` is one strongly consistent GetItem. Methods reject with a `TokenStore` error on failure (retryable
 * when throttled). Throws a `TypeError` on invalid options.
 *
 * @example
 * ```ts
 * import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
 * import { dynamoDbRefreshCoordinator, dynamoDbTokenStore } from 'cognito-flow/dynamodb';
 *
 * const dynamo = new DynamoDBClient({});
 * const session = auth.session(step.tokens, {
 *   store: dynamoDbTokenStore(dynamo),
 *   coordinator: dynamoDbRefreshCoordinator(dynamo),
 *   key: `user:${userId}`,
 * });
 * ```
 */
export function dynamoDbTokenStore(client: unknown, options: DynamoDbTokenStoreOptions = {}): TokenStore {
  const settings = dynamoDbSettings(client, options);
  const ttl = recordTtlSeconds(options.ttlSeconds, 'DynamoDB');
  return {
    get: async (key) => (await readItem(settings, key))?.value,
    set: async (key, value) => {
      let data: string;
      try {
        data = encodeValue(value);
      } catch (error) {
        throw tokenStoreError((error as Error).message);
      }
      const expiry = expiryAttribute(ttl);
      await dynamoDbSend(settings, 'UpdateItem', (abortSignal) =>
        settings.client.send(
          new UpdateItemCommand({
            TableName: settings.tableName,
            Key: pk(settings, 'tokens', key),
            UpdateExpression: `SET #data = :data${ttl > 0 ? ', #ttl = :ttl' : ''} ADD v :one`,
            ExpressionAttributeNames: { '#data': 'data', ...(ttl > 0 ? { '#ttl': 'ttl' } : {}) },
            ExpressionAttributeValues: { ':data': { S: data }, ':one': { N: '1' }, ...expiry },
          }),
          { abortSignal },
        ),
      );
    },
    delete: async (key) => {
      await dynamoDbSend(settings, 'DeleteItem', (abortSignal) =>
        settings.client.send(
          new DeleteItemCommand({ TableName: settings.tableName, Key: pk(settings, 'tokens', key) }),
          { abortSignal },
        ),
      );
    },
  };
}
