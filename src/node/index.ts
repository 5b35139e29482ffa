/**
 * `cognito-flow/node`: Node-only helpers (they use `node:fs`).
 *
 * @module cognito-flow/node
 */
export { fileTokenStore } from '../tokens/stores/file-token-store.js';
