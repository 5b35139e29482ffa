import type { AttributeValue, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { makeError } from '../errors/make-error.js';
import type { VersionedRecord } from '../tokens/fleet/refresh-coordinator.js';
import { decodeRecord } from '../tokens/fleet/versioned-record.js';
import { tokenStoreError } from '../tokens/stores/token-store.js';

/**
 * Options shared by every DynamoDB store and the coordinator.
 *
 * @example
 * ```ts
 * const store = dynamoDbTokenStore(dynamo, { tableName: 'my-app-sessions', prefix: 'web:' });
 * ```
 */
export interface DynamoDbStoreOptions {
  /** The table (default `cognito-flow-sessions`); create it with {@link createSessionTable}. */
  readonly tableName?: string;
  /** Prepended to every partition key (default none): lets several apps share one table. */
  readonly prefix?: string;
  /** How long one request (SDK retries included) may take before it is aborted with a `TokenStore` error, in ms (default 5000). */
  readonly commandTimeoutMs?: number;
}

/** Validated {@link DynamoDbStoreOptions}. */
export interface DynamoDbSettings {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  readonly prefix: string;
  readonly commandTimeoutMs: number;
}

/** The default table name. */
export const DEFAULT_TABLE_NAME = 'cognito-flow-sessions';

/**
 * Checks the client and options; throws a `TypeError` listing every problem (a deployment mistake).
 *
 * @example
 * ```ts
 * const settings = dynamoDbSettings(new DynamoDBClient({}), { tableName: 'sessions' });
 * ```
 */
export function dynamoDbSettings(client: unknown, options: DynamoDbStoreOptions = {}): DynamoDbSettings {
  const problems: string[] = [];
  if (typeof (client as { send?: unknown } | null)?.send !== 'function') {
    problems.push('client must be a DynamoDBClient (from @aws-sdk/client-dynamodb)');
  }
  const tableName = options.tableName ?? DEFAULT_TABLE_NAME;
  if (typeof tableName !== 'string' || !/^[\w.-]{3,255}$/.test(tableName)) {
    problems.push('tableName must be 3 to 255 letters, digits, _ . or -');
  }
  const prefix = options.prefix ?? '';
  if (typeof prefix !== 'string' || prefix.length > 256)
    problems.push('prefix must be a string of at most 256 characters');
  const timeout = options.commandTimeoutMs ?? 5000;
  if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout <= 0) {
    problems.push('commandTimeoutMs must be a positive number of milliseconds');
  }
  if (problems.length > 0) throw new TypeError(`Invalid DynamoDB store options: ${problems.join('; ')}`);
  return { client: client as DynamoDBClient, tableName, prefix, commandTimeoutMs: timeout };
}

/** The error name DynamoDB gives a conditional write whose condition did not hold. */
export const CONDITION_FAILED = 'ConditionalCheckFailedException';

/** Whether `error` is a failed condition (an expected answer, not a fault). */
export const conditionFailed = (error: unknown): boolean =>
  (error as { name?: unknown } | null)?.name === CONDITION_FAILED;

/**
 * Sends one command with the time limit, turning any failure but a failed condition into a `TokenStore`
 * error (retryable when DynamoDB throttled or the request timed out). The message names the operation
 * and DynamoDB's error, never the item.
 *
 * @example
 * ```ts
 * const out = await dynamoDbSend(settings, 'GetItem', (signal) => client.send(new GetItemCommand(input), { abortSignal: signal }));
 * ```
 */
export async function dynamoDbSend<T>(
  settings: DynamoDbSettings,
  operation: string,
  send: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  try {
    return await send(AbortSignal.timeout(settings.commandTimeoutMs));
  } catch (error) {
    if (conditionFailed(error)) throw error;
    const name = (error as { name?: unknown } | null)?.name;
    const timedOut = name === 'AbortError' || name === 'TimeoutError';
    const throttled =
      typeof name === 'string' && /Throttl|ProvisionedThroughputExceeded|RequestLimitExceeded/.test(name);
    const detail = timedOut
      ? `no answer within ${settings.commandTimeoutMs} ms`
      : `${typeof name === 'string' ? name : 'error'}: ${error instanceof Error ? error.message.slice(0, 200) : ''}`;
    throw makeError('TokenStore', `DynamoDB ${operation} failed (${detail})`, {
      cause: error,
      retryable: timedOut || throttled,
    });
  }
}

/** A partition key attribute. */
export const pk = (settings: DynamoDbSettings, kind: 'tokens' | 'device' | 'identity', key: string) => ({
  pk: { S: `${settings.prefix}${kind}#${key}` },
});

/**
 * The record held by an item (`v` and `data`), checked before use: a `TokenStore` error when the item holds
 * something this library did not write.
 *
 * @example
 * ```ts
 * const record = recordOfItem(out.Item);
 * ```
 */
export function recordOfItem(item: Record<string, AttributeValue> | undefined): VersionedRecord | undefined {
  const version = item?.v?.N;
  const data = item?.data?.S;
  try {
    return decodeRecord(version, data);
  } catch (error) {
    throw tokenStoreError(`DynamoDB holds an unusable session record: ${(error as Error).message}`);
  }
}

/** Epoch seconds at which an item written now expires (the table's TTL attribute `ttl`), or none. */
export const expiryAttribute = (ttlSeconds: number): Record<string, AttributeValue> =>
  ttlSeconds > 0 ? { ':ttl': { N: String(Math.floor(Date.now() / 1000) + ttlSeconds) } } : {};
