import { DeleteItemCommand, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { IdentityIdStore } from '../identity/identity-id-store.js';
import { tokenStoreError } from '../tokens/stores/token-store.js';
import { type DynamoDbStoreOptions, dynamoDbSend, dynamoDbSettings, pk } from './dynamodb-client.js';

/** An identity id as Cognito writes it: `<region>:<uuid>`. */
const IDENTITY_ID = /^[\w-]+:[0-9a-f-]{36}$/;

/**
 * An {@link IdentityIdStore} on DynamoDB: each user's identity id in the item `pk = <prefix>identity#<key>`
 * (attribute `data`), so a fleet skips GetId after any of its processes has asked once. A stored value that
 * is not an identity id makes `get` reject with a `TokenStore` error. Throws a `TypeError` on invalid options.
 *
 * @example
 * ```ts
 * const pool = IdentityPool.create({ identityPoolId, identityIdStore: dynamoDbIdentityIdStore(dynamo) });
 * ```
 */
export function dynamoDbIdentityIdStore(
  client: unknown,
  options: DynamoDbStoreOptions = {},
): IdentityIdStore {
  const settings = dynamoDbSettings(client, options);
  const TableName = settings.tableName;
  return {
    get: async (key) => {
      const out = await dynamoDbSend(settings, 'GetItem', (abortSignal) =>
        settings.client.send(
          new GetItemCommand({ TableName, Key: pk(settings, 'identity', key), ConsistentRead: true }),
          { abortSignal },
        ),
      );
      if (out.Item === undefined) return undefined;
      const value = out.Item.data?.S;
      if (typeof value !== 'string' || value.length > 128 || !IDENTITY_ID.test(value)) {
        throw tokenStoreError('The stored identity id is malformed');
      }
      return value;
    },
    set: async (key, identityId) => {
      await dynamoDbSend(settings, 'PutItem', (abortSignal) =>
        settings.client.send(
          new PutItemCommand({
            TableName,
            Item: { ...pk(settings, 'identity', key), data: { S: identityId } },
          }),
          { abortSignal },
        ),
      );
    },
    delete: async (key) => {
      await dynamoDbSend(settings, 'DeleteItem', (abortSignal) =>
        settings.client.send(new DeleteItemCommand({ TableName, Key: pk(settings, 'identity', key) }), {
          abortSignal,
        }),
      );
    },
  };
}
