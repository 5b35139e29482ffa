/**
 * `cognito-flow/redis`: sessions, remembered devices and identity ids on Redis, and fleet-wide refresh
 * coordination, for services on several processes or machines. Works with any client that has node-redis's
 * `sendCommand(args)` (the `redis` package, an optional peer dependency; this entry never imports it).
 *
 * @module cognito-flow/redis
 */
export type { RedisCommandClient, RedisStoreOptions } from './redis-client.js';
export { redisDeviceStore } from './redis-device-store.js';
export { redisIdentityIdStore } from './redis-identity-id-store.js';
export { type RedisRefreshCoordinatorOptions, redisRefreshCoordinator } from './redis-refresh-coordinator.js';
export { type RedisTokenStoreOptions, redisTokenStore } from './redis-token-store.js';
