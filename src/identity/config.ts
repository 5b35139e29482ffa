import type { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { err, ok, Result } from 'neverthrow';
import {
  invalidConfig,
  optionalClock,
  optionalEndpoint,
  optionalRegion,
  optionalTimeout,
  REGION_PATTERN,
  requireString,
} from '../config/checks.js';
import type { InvalidConfigError } from '../errors/types.js';
import { type IdentityIdStore, memoryIdentityIdStore } from './identity-id-store.js';

/**
 * The basic (classic) identity-pool flow: GetOpenIdToken, then STS AssumeRoleWithWebIdentity with
 * the role given here. Use it for pools that have "basic flow" enabled and map roles themselves.
 *
 * @example
 * ```ts
 * const basicFlow: BasicFlowConfig = {
 *   authenticatedRoleArn: 'arn:aws:iam::123456789012:role/app-signed-in',
 *   unauthenticatedRoleArn: 'arn:aws:iam::123456789012:role/app-guest',
 * };
 * ```
 */
export interface BasicFlowConfig {
  /** The role signed-in identities assume. */
  readonly authenticatedRoleArn: string;
  /** The role guests assume; guest credentials are an `InvalidConfig` error without it. */
  readonly unauthenticatedRoleArn?: string;
  /** STS session name (2–64 of `[\w+=,.@-]`); default `cognito-flow-<identity uuid>`. */
  readonly roleSessionName?: string;
  /** Lifetime of the STS credentials, 900–43200 s (default: the role's, usually 1 hour). */
  readonly durationSeconds?: number;
  /** STS endpoint (e.g. a local moto server); default: the pool's `endpoint`, else STS's own. */
  readonly stsEndpoint?: string;
}

/**
 * Configuration of an {@link IdentityPool}. Optional fields also accept `undefined`, meaning "not given".
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
  readonly region?: string | undefined;
  /** A custom endpoint (e.g. a local moto server). Ignored when `client` is given. */
  readonly endpoint?: string | undefined;
  /** An SDK client to use as is. */
  readonly client?: CognitoIdentityClient | undefined;
  /** Refresh cached credentials this many ms before they expire (default 5 minutes, at most half their lifetime). */
  readonly refreshMargin?: number | undefined;
  /** Where identity ids are remembered per user (default: in memory). */
  readonly identityIdStore?: IdentityIdStore | undefined;
  /** Enhanced flow: the role to ask for (`CustomRoleArn`) when the pool maps several; per call it can be overridden. */
  readonly customRoleArn?: string | undefined;
  /** Use the basic (classic) flow instead of the enhanced one. */
  readonly basicFlow?: BasicFlowConfig | undefined;
  /**
   * Time limit of each attempt of each call, connecting included, in ms (default 30,000); an attempt that
   * runs out fails as a retryable `Network` error. Ignored when `client` is given.
   */
  readonly timeoutMs?: number | undefined;
  /** Clock in epoch milliseconds, for tests. */
  readonly now?: (() => number) | undefined;
}

/** A validated {@link IdentityPoolConfig}. */
export interface ResolvedIdentityPoolConfig {
  readonly identityPoolId: string;
  readonly region: string;
  readonly endpoint: string | undefined;
  readonly client: CognitoIdentityClient | undefined;
  readonly timeoutMs: number | undefined;
  readonly refreshMargin: number;
  readonly identityIdStore: IdentityIdStore;
  readonly customRoleArn: string | undefined;
  readonly basicFlow: BasicFlowConfig | undefined;
  readonly now: () => number;
}

const IDENTITY_POOL_ID = /^([a-z]{2}(?:-[a-z]+)+-\d+):[0-9a-f-]+$/;
const ROLE_ARN = /^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;

/**
 * Whether `value` is an IAM role ARN (`arn:aws:iam::123456789012:role/name`).
 *
 * @example
 * ```ts
 * isRoleArn('arn:aws:iam::123456789012:role/app'); // true
 * ```
 */
export function isRoleArn(value: unknown): value is string {
  return typeof value === 'string' && ROLE_ARN.test(value);
}

function optionalRoleArn(value: unknown, name: string): Result<string | undefined, InvalidConfigError> {
  if (value === undefined) return ok(undefined);
  return isRoleArn(value)
    ? ok(value)
    : err(invalidConfig(`${name} must be an IAM role ARN like "arn:aws:iam::123456789012:role/name"`));
}

function parseBasicFlow(value: unknown): Result<BasicFlowConfig | undefined, InvalidConfigError> {
  if (value === undefined) return ok(undefined);
  if (typeof value !== 'object' || value === null) return err(invalidConfig('basicFlow must be an object'));
  const flow = value as BasicFlowConfig;
  if (!isRoleArn(flow.authenticatedRoleArn)) {
    return err(invalidConfig('basicFlow.authenticatedRoleArn must be an IAM role ARN'));
  }
  const duration = flow.durationSeconds;
  if (
    duration !== undefined &&
    (typeof duration !== 'number' || !Number.isInteger(duration) || duration < 900 || duration > 43_200)
  ) {
    return err(invalidConfig('basicFlow.durationSeconds must be a whole number from 900 to 43200'));
  }
  if (flow.roleSessionName !== undefined && !SESSION_NAME.test(String(flow.roleSessionName))) {
    return err(
      invalidConfig('basicFlow.roleSessionName must be 2-64 characters of letters, digits and +=,.@_-'),
    );
  }
  return Result.combine([
    optionalRoleArn(flow.unauthenticatedRoleArn, 'basicFlow.unauthenticatedRoleArn'),
    optionalEndpoint(flow.stsEndpoint),
  ]).map(() => flow);
}

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
    optionalRoleArn(input.customRoleArn, 'customRoleArn'),
    parseBasicFlow(input.basicFlow),
    optionalTimeout(input.timeoutMs),
  ]).map(([poolRegion, region, endpoint, now, customRoleArn, basicFlow, timeoutMs]) => ({
    identityPoolId: input.identityPoolId,
    region: region ?? poolRegion,
    endpoint,
    client: input.client,
    timeoutMs,
    refreshMargin: margin ?? 5 * 60 * 1000,
    identityIdStore: input.identityIdStore ?? memoryIdentityIdStore(),
    customRoleArn,
    basicFlow,
    now: now ?? Date.now,
  }));
}
