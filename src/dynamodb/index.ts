/**
 * `cognito-flow/dynamodb`: sessions, remembered devices and identity ids on DynamoDB, and fleet-wide refresh
 * coordination, for services on several processes or machines. Uses `@aws-sdk/client-dynamodb` (an optional
 * peer dependency, loaded only by this entry). One table holds everything; create it with
 * {@link createSessionTable}.
 *
 * @module cognito-flow/dynamodb
 */
export { type CreateSessionTableOptions, createSessionTable } from './create-session-table.js';
export type { DynamoDbStoreOptions } from './dynamodb-client.js';
export { dynamoDbDeviceStore } from './dynamodb-device-store.js';
export { dynamoDbIdentityIdStore } from './dynamodb-identity-id-store.js';
export {
  type DynamoDbRefreshCoordinatorOptions,
  dynamoDbRefreshCoordinator,
} from './dynamodb-refresh-coordinator.js';
export { type DynamoDbTokenStoreOptions, dynamoDbTokenStore } from './dynamodb-token-store.js';
