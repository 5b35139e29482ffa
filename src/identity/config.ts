import type { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { err, ok, Result } from 'neverthrow';
import {
  invalidConfig,
  optionalClock,
  optionalEndpoint,
  optionalRegion,
  REGION_PATTERN,
  requireString,
} from '../config/checks.js';
import type { InvalidConfigError } from '../errors/types.js';
import { type IdentityIdStore, memoryIdentityIdStore } from './identity-id-store.js';

/**
 * Configuration of an {@link IdentityPool}.
 *
 * @example
 * ```ts
 * const config: IdentityPoolConfig = { identityPoolId: 'eu-west-1:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d', refreshMargin: 60_000 };
 * ```
 */
export interface IdentityPoolConfig {
  /** The identity pool id, e.g. `eu-west-1:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d`. */
  readonly identityPoolId: string;
  /** AWS region; derived from `identityPoolId` when omitted. */
  readonly region?: string;
  /** A custom endpoint (e.g. a local moto server). Ignored when `client` is given. */
  readonly endpoint?: string;
  /** An SDK client to use as is. */
  readonly client?: CognitoIdentityClient;
  /** Refresh cached credentials this many ms before they expire (default 5 minutes, at most half their lifetime). */
  readonly refreshMargin?: number;
  /** Where identity ids are remembered per user (default: in memory). */
  readonly identityIdStore?: IdentityIdStore;
  /** Clock in epoch milliseconds, for tests. */
  readonly now?: () => number;
}

/** A validated {@link IdentityPoolConfig}. */
export interface ResolvedIdentityPoolConfig {
  readonly identityPoolId: string;
  readonly region: string;
  readonly endpoint: string | undefined;
  readonly client: CognitoIdentityClient | undefined;
  readonly refreshMargin: number;
  readonly identityIdStore: IdentityIdStore;
  readonly now: () => number;
}

const IDENTITY_POOL_ID = /^([a-z]{2}(?:-[a-z]+)+-\d+):[0-9a-f-]+$/;

/**
 * Validates an {@link IdentityPoolConfig}. Never throws.
 *
 * @example
 * ```ts
 * parseIdentityPoolConfig({ identityPoolId: 'eu-west-1:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d' });
 * ```
 */
export function parseIdentityPoolConfig(
  input: IdentityPoolConfig,
): Result<ResolvedIdentityPoolConfig, InvalidConfigError> {
  if (typeof input !== 'object' || input === null) return err(invalidConfig('config must be an object'));
  const margin = input.refreshMargin;
  if (margin !== undefined && (typeof margin !== 'number' || !Number.isFinite(margin) || margin < 0)) {
    return err(invalidConfig('refreshMargin must be a non-negative number of milliseconds'));
  }
  const pool = requireString(input.identityPoolId, 'identityPoolId').andThen((id) => {
    const region = IDENTITY_POOL_ID.exec(id)?.[1];
    return region && REGION_PATTERN.test(region)
      ? ok(region)
      : err(
          invalidConfig(
            `identityPoolId must look like "us-east-1:<uuid>", got ${JSON.stringify(id.slice(0, 80))}`,
          ),
        );
  });
  return Result.combine([
    pool,
    optionalRegion(input.region),
    optionalEndpoint(input.endpoint),
    optionalClock(input.now),
  ]).map(([poolRegion, region, endpoint, now]) => ({
    identityPoolId: input.identityPoolId,
    region: region ?? poolRegion,
    endpoint,
    client: input.client,
    refreshMargin: margin ?? 5 * 60 * 1000,
    identityIdStore: input.identityIdStore ?? memoryIdentityIdStore(),
    now: now ?? Date.now,
  }));
}
