import type { VersionedRecord } from './refresh-coordinator.js';

/** The largest stored value a fleet store parses, in characters of JSON: tokens are a few kB. */
export const MAX_RECORD_CHARS = 64 * 1024;

/**
 * Parses a stored record's two parts as they come back from a backend (strings, or absent), checking the
 * size before parsing: `undefined` when nothing is stored, a thrown `Error` (turned into a `TokenStore`
 * error by the caller) when what is stored is not a record this library wrote.
 *
 * @example
 * ```ts
 * const record = decodeRecord(await redis.sendCommand(['HGET', key, 'v']), dataText);
 * ```
 */
export function decodeRecord(version: unknown, data: unknown): VersionedRecord | undefined {
  if ((version === null || version === undefined) && (data === null || data === undefined)) return undefined;
  const v = typeof version === 'string' ? Number(version) : version;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1) {
    throw new Error('The stored record has no valid version');
  }
  if (typeof data !== 'string') throw new Error('The stored record has no data');
  if (data.length > MAX_RECORD_CHARS) {
    throw new Error(`The stored record is larger than ${MAX_RECORD_CHARS} characters`);
  }
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    throw new Error('The stored record is not valid JSON');
  }
  return { value, version: v };
}

/**
 * Serialises a value to store, refusing what could not be read back (too large, or not JSON).
 *
 * @example
 * ```ts
 * const data = encodeValue(tokens); // '{"idToken":"…",…}'
 * ```
 */
export function encodeValue(value: object): string {
  let data: string | undefined;
  try {
    data = JSON.stringify(value);
  } catch {
    throw new Error('The value to store cannot be serialised as JSON');
  }
  if (typeof data !== 'string') throw new Error('The value to store cannot be serialised as JSON');
  if (data.length > MAX_RECORD_CHARS) {
    throw new Error(`The value to store is larger than ${MAX_RECORD_CHARS} characters`);
  }
  return data;
}

/**
 * A new lease owner id: 128 random bits, unguessable and unique per acquisition.
 *
 * @example
 * ```ts
 * const owner = newOwnerId(); // '3f2a…'
 * ```
 */
export function newOwnerId(): string {
  return globalThis.crypto.randomUUID();
}

/**
 * Resolves coordinator timing options, throwing a `TypeError` on values that are not positive numbers.
 *
 * @example
 * ```ts
 * const { leaseTtlMs, waitTimeoutMs } = leaseTimings({ leaseTtlMs: 5000 }); // waitTimeoutMs 15000
 * ```
 */
export function leaseTimings(options: { readonly leaseTtlMs?: number; readonly waitTimeoutMs?: number }): {
  leaseTtlMs: number;
  waitTimeoutMs: number;
} {
  const positive = (name: string, n: unknown): number => {
    if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) {
      throw new TypeError(`${name} must be a positive number of milliseconds`);
    }
    return n;
  };
  const leaseTtlMs = positive('leaseTtlMs', options.leaseTtlMs ?? DEFAULT_LEASE_TTL_MS);
  const waitTimeoutMs = positive('waitTimeoutMs', options.waitTimeoutMs ?? 2 * leaseTtlMs + 5_000);
  return { leaseTtlMs, waitTimeoutMs };
}

/** The default lease time to live: 10 s, far above one Cognito refresh and below rotation's grace period. */
export const DEFAULT_LEASE_TTL_MS = 10_000;

/**
 * How long a waiter may sleep before asking again: the lease's remaining time (at least 10 ms). The session
 * sleeps less while the wait is young (see {@link waitStep}).
 *
 * @example
 * ```ts
 * pollDelay(4000); // 4000
 * ```
 */
export const pollDelay = (remainingMs: number): number =>
  Math.max(10, Number.isFinite(remainingMs) ? remainingMs : 10);

/**
 * The waiter's back-off: 20 ms, growing by half each time, at most 1 s — quick for one refresh, gentle on the
 * store when thousands of sessions expire together.
 *
 * @example
 * ```ts
 * waitStep(0); // 20
 * waitStep(10); // 1000
 * ```
 */
export const waitStep = (attempt: number): number => Math.min(1000, 20 * 1.5 ** attempt);
