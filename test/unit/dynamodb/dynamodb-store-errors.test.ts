import { DynamoDBClient, GetItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  dynamoDbDeviceStore,
  dynamoDbIdentityIdStore,
  dynamoDbRefreshCoordinator,
  dynamoDbTokenStore,
} from '../../../src/dynamodb/index.js';

const dynamo = mockClient(DynamoDBClient);
const client = new DynamoDBClient({ region: 'eu-west-1', maxAttempts: 1 });

beforeEach(() => {
  dynamo.reset();
});

const awsError = (name: string, message: string) =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: 400 } });

describe('DynamoDB stores: errors a user can hit (aws-sdk-client-mock)', () => {
  it('an invalid client or options throw one TypeError listing every problem', () => {
    expect(() => dynamoDbTokenStore({}, { tableName: 'a b', commandTimeoutMs: 0 })).toThrow(
      /DynamoDBClient.*; tableName.*; commandTimeoutMs/,
    );
    expect(() => dynamoDbRefreshCoordinator(client, { waitTimeoutMs: Number.NaN })).toThrow(/waitTimeoutMs/);
    expect(() => dynamoDbTokenStore(client, { ttlSeconds: -1 })).toThrow(
      'Invalid DynamoDB store options: ttlSeconds must be a whole number of seconds, 0 or more',
    );
    expect(() => dynamoDbRefreshCoordinator(client, { ttlSeconds: 1.5 })).toThrow(/DynamoDB.*ttlSeconds/);
  });

  it('throttling: a retryable TokenStore error naming DynamoDB’s error', async () => {
    dynamo.on(GetItemCommand).rejects(awsError('ProvisionedThroughputExceededException', 'Rate exceeded'));
    await expect(dynamoDbTokenStore(client).get('k')).rejects.toMatchObject({
      type: 'TokenStore',
      retryable: true,
      message: 'DynamoDB GetItem failed (ProvisionedThroughputExceededException: Rate exceeded)',
    });
  });

  it('a missing table: a TokenStore error that is not retryable', async () => {
    dynamo
      .on(UpdateItemCommand)
      .rejects(awsError('ResourceNotFoundException', 'Requested resource not found'));
    await expect(dynamoDbRefreshCoordinator(client).acquire('k')).rejects.toMatchObject({
      type: 'TokenStore',
      retryable: false,
      message: expect.stringContaining('ResourceNotFoundException'),
    });
  });

  it('a request that ends in an abort (the commandTimeoutMs limit): a retryable TokenStore error naming the limit', async () => {
    dynamo.on(GetItemCommand).callsFake(
      () =>
        new Promise((_, reject) => {
          setTimeout(() => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })), 80);
        }),
    );
    await expect(dynamoDbTokenStore(client, { commandTimeoutMs: 50 }).get('k')).rejects.toMatchObject({
      type: 'TokenStore',
      retryable: true,
      message: 'DynamoDB GetItem failed (no answer within 50 ms)',
    });
  });

  it.each([
    ['not JSON', { v: { N: '1' }, data: { S: '{' } }],
    ['no version', { data: { S: '{}' } }],
    ['larger than 64 KiB', { v: { N: '1' }, data: { S: JSON.stringify({ pad: 'x'.repeat(70_000) }) } }],
  ])('a stored item that is %s: get rejects with a TokenStore error', async (_, item) => {
    dynamo.on(GetItemCommand).resolves({ Item: { pk: { S: 'tokens#k' }, ...item } });
    await expect(dynamoDbTokenStore(client).get('k')).rejects.toMatchObject({
      type: 'TokenStore',
      message: expect.stringMatching(/unusable session record/),
    });
  });

  it('malformed device secrets and identity ids are TokenStore errors, not values', async () => {
    dynamo.on(GetItemCommand).resolves({ Item: { pk: { S: 'x' }, data: { S: 'not-an-identity-id' } } });
    await expect(dynamoDbDeviceStore(client).get('alice')).rejects.toMatchObject({ type: 'TokenStore' });
    await expect(dynamoDbIdentityIdStore(client).get('alice')).rejects.toMatchObject({
      type: 'TokenStore',
      message: 'The stored identity id is malformed',
    });
  });
});
