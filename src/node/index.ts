/**
 * Node-only helpers (they use `node:fs`): import from `cognito-flow/node`.
 */
export { fileTokenStore } from '../tokens/stores/file-token-store.js';
