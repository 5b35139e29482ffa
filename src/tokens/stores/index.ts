/**
 * Token stores. `fileTokenStore` uses `node:fs`: import this module only where Node is the runtime
 * (it is deliberately not re-exported from the main `cognito-flow` entry).
 */
export { deviceStoreFromTokenStore } from './device-store-adapter.js';
export { fileTokenStore } from './file-token-store.js';
export { memoryTokenStore } from './memory-token-store.js';
export { parseTokenSet } from './stored-tokens.js';
export { isTokenStore, isTokenStoreError, type TokenStore, tokenStoreError } from './token-store.js';
