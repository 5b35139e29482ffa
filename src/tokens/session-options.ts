import { err, ok, type Result } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import type { InvalidParameterError } from '../errors/types.js';
import { isRefreshCoordinator, type RefreshCoordinator } from './fleet/refresh-coordinator.js';
import type { RefreshOperation } from './refresh.js';
import { isTokenStore, type TokenStore } from './stores/token-store.js';

/**
 * Options of a {@link Session}.
 *
 * @example
 * ```ts
 * const options: SessionOptions = { store: memoryTokenStore(), key: `user:${userId}`, refreshMargin: 60_000 };
 * ```
 */
export interface SessionOptions {
  /** Where the tokens are kept (and re-read, so processes sharing it see each other's refreshes). Default: none. */
  readonly store?: TokenStore;
  /** The store key of this session (default `tokens`). A server keeping many users in one store uses one key per user. */
  readonly key?: string;
  /**
   * How long before expiry to refresh, in milliseconds (default 5 minutes). Capped at half the tokens'
   * lifetime, so short-lived tokens are not refreshed on every call.
   */
  readonly refreshMargin?: number;
  /**
   * The user name as typed at sign-in (`step.username`), the key of the remembered device in the
   * DeviceStore. Only needed for pools that remember devices when the access token has no `device_key`
   * claim. SECRET_HASH never uses it: it uses the internal user name from the tokens.
   */
  readonly username?: string;
  /** `auto` (default): GetTokensFromRefreshToken, falling back to REFRESH_TOKEN_AUTH where it is unavailable. */
  readonly refreshOperation?: RefreshOperation;
  /**
   * Fleet-wide single flight (see docs/sessions.md, "One process, one machine, a fleet"): with a coordinator
   * shared by several processes, one of them refreshes this session's key and the others wait and read its
   * tokens. Default: none — one refresh at a time within this session only.
   */
  readonly coordinator?: RefreshCoordinator;
}

/** Validated {@link SessionOptions}. */
export interface ResolvedSessionOptions {
  readonly store: TokenStore | undefined;
  readonly key: string;
  readonly refreshMargin: number;
  readonly username: string | undefined;
  readonly refreshOperation: RefreshOperation;
  readonly coordinator: RefreshCoordinator | undefined;
}

/** The default refresh margin: five minutes. */
export const DEFAULT_REFRESH_MARGIN = 5 * 60_000;

const OPERATIONS = new Set<unknown>(['auto', 'GetTokensFromRefreshToken', 'REFRESH_TOKEN_AUTH']);

const invalid = (message: string): Result<never, InvalidParameterError> =>
  err(makeError('InvalidParameter', message));

/**
 * Validates {@link SessionOptions}; never throws.
 *
 * @example
 * ```ts
 * const options = parseSessionOptions({ refreshMargin: 60_000 }); // Ok({ key: 'tokens', … })
 * ```
 */
export function parseSessionOptions(input: unknown): Result<ResolvedSessionOptions, InvalidParameterError> {
  if (input === undefined) input = {};
  if (typeof input !== 'object' || input === null) return invalid('session options must be an object');
  const o = input as Record<string, unknown>;
  if (o.store !== undefined && !isTokenStore(o.store)) {
    return invalid('store must have get, set and delete methods');
  }
  if (o.key !== undefined && (typeof o.key !== 'string' || o.key.length === 0 || o.key.length > 1024)) {
    return invalid('key must be a non-empty string of at most 1024 characters');
  }
  const margin = o.refreshMargin;
  if (margin !== undefined && (typeof margin !== 'number' || !Number.isFinite(margin) || margin < 0)) {
    return invalid('refreshMargin must be a number of milliseconds, zero or more');
  }
  if (o.username !== undefined && (typeof o.username !== 'string' || o.username.length === 0)) {
    return invalid('username must be a non-empty string');
  }
  if (o.refreshOperation !== undefined && !OPERATIONS.has(o.refreshOperation)) {
    return invalid('refreshOperation must be auto, GetTokensFromRefreshToken or REFRESH_TOKEN_AUTH');
  }
  if (o.coordinator !== undefined && !isRefreshCoordinator(o.coordinator)) {
    return invalid(
      'coordinator must have positive leaseTtlMs and waitTimeoutMs and read, acquire, commit and release methods',
    );
  }
  return ok({
    coordinator: o.coordinator as RefreshCoordinator | undefined,
    store: o.store as TokenStore | undefined,
    key: (o.key as string | undefined) ?? 'tokens',
    refreshMargin: (margin as number | undefined) ?? DEFAULT_REFRESH_MARGIN,
    username: o.username as string | undefined,
    refreshOperation: (o.refreshOperation as RefreshOperation | undefined) ?? 'auto',
  });
}
