import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { err, ok, type Result } from 'neverthrow';
import type { TokenStoreError } from '../errors/types.js';
import { DEFAULT_TABLE_NAME, dynamoDbSend, dynamoDbSettings } from './dynamodb-client.js';

/**
 * Options of {@link createSessionTable}.
 *
 * @example
 * ```ts
 * await createSessionTable(dynamo, { tableName: 'my-app-sessions', timeoutMs: 120_000 });
 * ```
 */
export interface CreateSessionTableOptions {
  /** The table name (default `cognito-flow-sessions`). */
  readonly tableName?: string;
  /** How long to wait for the table to become ACTIVE, in ms (default 60 s). */
  readonly timeoutMs?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Creates the table the DynamoDB stores use, if it does not exist: partition key `pk` (string), on-demand
 * capacity, and Time to Live on the attribute `ttl` (DynamoDB then deletes expired sessions by itself).
 * Waits until the table is ACTIVE. Answers `Ok({ created })` — `false` when it already existed — or a
 * `TokenStore` error. The same with the AWS CLI:
 * `aws dynamodb create-table --table-name cognito-flow-sessions --attribute-definitions AttributeName=pk,AttributeType=S --key-schema AttributeName=pk,KeyType=HASH --billing-mode PAY_PER_REQUEST`
 * then `aws dynamodb update-time-to-live --table-name cognito-flow-sessions --time-to-live-specification Enabled=true,AttributeName=ttl`.
 *
 * @example
 * ```ts
 * import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
 * import { createSessionTable } from 'cognito-flow/dynamodb';
 *
 * const created = await createSessionTable(new DynamoDBClient({}), { tableName: 'sessions' });
 * if (created.isErr()) console.error(created.error.message);
 * ```
 */
export async function createSessionTable(
  client: DynamoDBClient,
  options: CreateSessionTableOptions = {},
): Promise<Result<{ readonly created: boolean }, TokenStoreError>> {
  const tableName = options.tableName ?? DEFAULT_TABLE_NAME;
  const settings = dynamoDbSettings(client, { tableName, commandTimeoutMs: 30_000 });
  const TableName = settings.tableName;
  let created = true;
  try {
    await dynamoDbSend(settings, 'CreateTable', (abortSignal) =>
      client.send(
        new CreateTableCommand({
          TableName,
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
        { abortSignal },
      ),
    );
  } catch (error) {
    const name = ((error as { cause?: { name?: unknown } }).cause as { name?: unknown } | undefined)?.name;
    if (name !== 'ResourceInUseException') return err(error as TokenStoreError);
    created = false;
  }
  try {
    const deadline = Date.now() + (options.timeoutMs ?? 60_000);
    for (;;) {
      const out = await dynamoDbSend(settings, 'DescribeTable', (abortSignal) =>
        client.send(new DescribeTableCommand({ TableName }), { abortSignal }),
      );
      if (out.Table?.TableStatus === 'ACTIVE') break;
      if (Date.now() > deadline) return err(error(`The table ${TableName} did not become ACTIVE in time`));
      await sleep(500);
    }
    if (created) {
      await dynamoDbSend(settings, 'UpdateTimeToLive', (abortSignal) =>
        client.send(
          new UpdateTimeToLiveCommand({
            TableName,
            TimeToLiveSpecification: { Enabled: true, AttributeName: 'ttl' },
          }),
          { abortSignal },
        ),
      );
    }
  } catch (thrown) {
    return err(thrown as TokenStoreError);
  }
  return ok({ created });
}

function error(message: string): TokenStoreError {
  return { type: 'TokenStore', message, retryable: true };
}
