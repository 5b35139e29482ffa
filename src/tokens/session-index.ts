/**
 * The session API, for the main `cognito-flow` entry (everything here runs in Node, browsers and workers;
 * the Node-only `fileTokenStore` lives in `./stores/index.ts`).
 */
export {
  type CoordinatedStore,
  type MemoryRefreshCoordinatorOptions,
  memoryRefreshCoordinator,
} from './fleet/memory-refresh-coordinator.js';
export type {
  LeaseAttempt,
  RefreshCoordinator,
  RefreshLease,
  VersionedRecord,
} from './fleet/refresh-coordinator.js';
export type { RefreshOperation } from './refresh.js';
export { createSession, failedSession, restoreSession, type Session } from './session.js';
export type { SessionError, SignOutError } from './session-errors.js';
export type { SessionEndReason, SessionEvents } from './session-events.js';
export type { SessionOptions } from './session-options.js';
export type { SignOutOptions } from './session-sign-out.js';
export { deviceStoreFromTokenStore } from './stores/device-store-adapter.js';
export { memoryTokenStore } from './stores/memory-token-store.js';
export type { TokenStore } from './stores/token-store.js';
