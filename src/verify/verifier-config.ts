import { err, ok, type Result } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import type { InvalidConfigError } from '../errors/types.js';
import type { JwksSource } from './jwks-source.js';

/**
 * Configuration of a {@link TokenVerifier}.
 *
 * @example
 * ```ts
 * const config: TokenVerifierConfig = { userPoolId: 'eu-west-1_AbC123', clientId: ['web', 'mobile'], groups: 'admin' };
 * ```
 */
export interface TokenVerifierConfig {
  /** The user pool whose tokens are accepted (the expected `iss` is derived from it). */
  readonly userPoolId: string;
  /** The app client id(s) a token may be issued to (`aud` of ID tokens, `client_id` of access tokens). */
  readonly clientId: string | readonly string[];
  /** Accept only users in at least one of these groups (`cognito:groups`). */
  readonly groups?: string | readonly string[];
  /** Accept only access tokens with at least one of these scopes (ignored for ID tokens, which have none). */
  readonly scopes?: string | readonly string[];
  /** Seconds of clock skew tolerated on `exp` (default 0). */
  readonly graceSeconds?: number;
  /** The pool's keys, or where to fetch them, instead of the pool's public JWKS URL (local servers, tests, no egress). */
  readonly jwks?: JwksSource;
  /** Time-out of a JWKS download, in milliseconds (default 3000); applies when `jwks` is a URL. */
  readonly jwksTimeoutMs?: number;
}

/**
 * Per-call requirements, replacing the verifier's own (at least one of the groups / scopes).
 *
 * @example
 * ```ts
 * const options: VerifyOptions = { groups: ['admin'], scopes: 'orders/write' };
 * await verifier.verifyAccessToken(token, options);
 * ```
 */
export interface VerifyOptions {
  readonly groups?: string | readonly string[];
  readonly scopes?: string | readonly string[];
}

/** A validated {@link TokenVerifierConfig}. */
export interface ResolvedVerifierConfig {
  readonly userPoolId: string;
  readonly clientIds: string[];
  readonly groups: string[] | undefined;
  readonly scopes: string[] | undefined;
  readonly graceSeconds: number;
  readonly jwks: JwksSource | undefined;
  readonly jwksTimeoutMs: number;
}

const USER_POOL_ID = /^[a-z]{2}(?:-[a-z]+)+-\d+_[0-9A-Za-z]+$/;

/**
 * A non-empty list of non-empty strings from a string or a list; `undefined` when absent; `null` when invalid.
 *
 * @example
 * ```ts
 * stringList('admin'); // ['admin']
 * ```
 */
export function stringList(value: unknown): string[] | undefined | null {
  if (value === undefined) return undefined;
  const list: unknown[] = typeof value === 'string' ? [value] : Array.isArray(value) ? [...value] : [];
  if (list.length === 0 || !list.every((item) => typeof item === 'string' && item.length > 0)) return null;
  return list as string[];
}

const invalid = (message: string): Result<never, InvalidConfigError> =>
  err(makeError('InvalidConfig', message));

/**
 * Validates a {@link TokenVerifierConfig}; never throws.
 *
 * @example
 * ```ts
 * parseVerifierConfig({ userPoolId: 'eu-west-1_AbC123', clientId: 'web' }).isOk(); // true
 * ```
 */
export function parseVerifierConfig(input: unknown): Result<ResolvedVerifierConfig, InvalidConfigError> {
  if (typeof input !== 'object' || input === null) return invalid('config must be an object');
  const c = input as Record<string, unknown>;
  if (typeof c.userPoolId !== 'string' || !USER_POOL_ID.test(c.userPoolId)) {
    return invalid('userPoolId must look like "us-east-1_AbC123"');
  }
  const clientIds = stringList(c.clientId);
  if (!clientIds) return invalid('clientId must be a non-empty string or list of strings');
  const groups = stringList(c.groups);
  if (groups === null) return invalid('groups, when given, must be a non-empty string or list of strings');
  const scopes = stringList(c.scopes);
  if (scopes === null) return invalid('scopes, when given, must be a non-empty string or list of strings');
  const grace = c.graceSeconds ?? 0;
  if (typeof grace !== 'number' || !Number.isFinite(grace) || grace < 0) {
    return invalid('graceSeconds must be a number of seconds, zero or more');
  }
  const timeout = c.jwksTimeoutMs ?? 3000;
  if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout <= 0) {
    return invalid('jwksTimeoutMs must be a positive number of milliseconds');
  }
  return ok({
    userPoolId: c.userPoolId,
    clientIds,
    groups,
    scopes,
    graceSeconds: grace,
    jwks: c.jwks as JwksSource | undefined,
    jwksTimeoutMs: timeout,
  });
}
