import { DeleteItemCommand, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import type { DeviceStore } from '../auth/devices/device-store.js';
import { parseStoredDevice } from '../tokens/fleet/stored-device.js';
import { type DynamoDbStoreOptions, dynamoDbSend, dynamoDbSettings, pk } from './dynamodb-client.js';

/**
 * A {@link DeviceStore} on DynamoDB: remembered-device secrets in the item `pk = <prefix>device#<username>`
 * (attribute `data`, JSON). They let their holder skip MFA: restrict the table with IAM and encrypt it with a
 * key you control. A malformed item makes `get` reject with a `TokenStore` error. Throws a `TypeError` on
 * invalid options.
 *
 * @example
 * ```ts
 * const auth = AuthClient.create({ userPoolId, clientId, deviceStore: dynamoDbDeviceStore(dynamo) });
 * ```
 */
export function dynamoDbDeviceStore(client: unknown, options: DynamoDbStoreOptions = {}): DeviceStore {
  const settings = dynamoDbSettings(client, options);
  const TableName = settings.tableName;
  return {
    get: async (username) => {
      const out = await dynamoDbSend(settings, 'GetItem', (abortSignal) =>
        settings.client.send(
          new GetItemCommand({ TableName, Key: pk(settings, 'device', username), ConsistentRead: true }),
          { abortSignal },
        ),
      );
      return out.Item === undefined ? undefined : parseStoredDevice(out.Item.data?.S);
    },
    set: async (username, secrets) => {
      const { deviceKey, deviceGroupKey, devicePassword } = secrets;
      const data = JSON.stringify({ deviceKey, deviceGroupKey, devicePassword });
      await dynamoDbSend(settings, 'PutItem', (abortSignal) =>
        settings.client.send(
          new PutItemCommand({ TableName, Item: { ...pk(settings, 'device', username), data: { S: data } } }),
          { abortSignal },
        ),
      );
    },
    delete: async (username) => {
      await dynamoDbSend(settings, 'DeleteItem', (abortSignal) =>
        settings.client.send(new DeleteItemCommand({ TableName, Key: pk(settings, 'device', username) }), {
          abortSignal,
        }),
      );
    },
  };
}
