export { type MakeErrorOptions, makeError } from './make-error.js';
export { mapSdkError } from './map-sdk-error.js';
export { narrowError } from './narrow.js';
export { REDACTED, redact } from './redact.js';
export type * from './types.js';
