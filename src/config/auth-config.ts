import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { err, ok, Result } from 'neverthrow';
import { type DeviceStore, memoryDeviceStore } from '../auth/devices/device-store.js';
import type { StepKey } from '../auth/sealed/step-keys.js';
import type { InvalidConfigError } from '../errors/types.js';
import {
  invalidConfig,
  optionalClock,
  optionalEndpoint,
  optionalRegion,
  optionalTimeout,
  REGION_PATTERN,
  requireString,
} from './checks.js';

/**
 * Configuration of an {@link AuthClient}. Optional fields also accept `undefined` (e.g.
 * `clientSecret: process.env.COGNITO_CLIENT_SECRET`), which means "not given".
 *
 * @example
 * ```ts
 * const config: AuthClientConfig = { userPoolId: 'eu-west-1_AbC123', clientId: '1example', clientSecret };
 * ```
 */
export interface AuthClientConfig {
  /** The user pool id, e.g. `eu-west-1_AbCdEf123`. */
  readonly userPoolId: string;
  /** The app client id. */
  readonly clientId: string;
  /** The app client secret, for app clients that have one. SECRET_HASH is then sent wherever Cognito wants it. */
  readonly clientSecret?: string | undefined;
  /** AWS region; derived from `userPoolId` when omitted. */
  readonly region?: string | undefined;
  /** A custom endpoint (e.g. a local moto server). Ignored when `client` is given. */
  readonly endpoint?: string | undefined;
  /**
   * An SDK client to use as is: its own region, endpoint, time-outs, retries and middleware apply — the
   * SDK's default retry strategy then also re-sends challenge answers after a 5xx, a reset or a time-out.
   * Wrap it in `withRetryPolicy(client)` for cognito-flow's rule (see docs/security.md).
   */
  readonly client?: CognitoIdentityProviderClient | undefined;
  /**
   * Time limit of each attempt of each call, connecting included, in ms (default 30,000). An attempt
   * that runs out fails as a retryable `Network` error. Ignored when `client` is given (configure its
   * `requestHandler` instead).
   */
  readonly timeoutMs?: number | undefined;
  /** Clock in epoch milliseconds, for tests. Defaults to `Date.now`. */
  readonly now?: (() => number) | undefined;
  /** Where remembered-device secrets are kept (default: in memory, per process). */
  readonly deviceStore?: DeviceStore | undefined;
  /** The name new devices are confirmed with when a sign-in does not give one (default `cognito-flow`). */
  readonly deviceName?: string | undefined;
  /**
   * The keys that seal steps travelling through clients (`sealStep` / `openStep`): the first seals, all
   * open. Needed only by services that send steps to browsers.
   */
  readonly stepKeys?: readonly StepKey[] | undefined;
}

/** A validated {@link AuthClientConfig}. */
export interface ResolvedAuthConfig {
  readonly userPoolId: string;
  readonly poolName: string;
  readonly clientId: string;
  readonly clientSecret: string | undefined;
  readonly region: string;
  readonly endpoint: string | undefined;
  readonly client: CognitoIdentityProviderClient | undefined;
  readonly timeoutMs: number | undefined;
  readonly now: () => number;
  readonly deviceStore: DeviceStore;
  readonly deviceName: string;
  /**
   * `stepKeys` as given: checked by `stepKeysOf` (at `AuthClient.create`, and at the first seal or open),
   * not here, so that sign-in-only bundles carry no key parsing.
   */
  readonly stepKeys: unknown;
}

/** `<region>_<name>`, as Cognito issues them. */
const USER_POOL_ID = /^([a-z]{2}(?:-[a-z]+)+-\d+)_([0-9A-Za-z]+)$/;
const CLIENT_ID = /^[\w+]{1,128}$/;

/**
 * Validates a user-pool id and splits it into region and pool name.
 *
 * @example
 * ```ts
 * parseUserPoolId('eu-west-1_AbC123')._unsafeUnwrap(); // { region: 'eu-west-1', poolName: 'AbC123' }
 * ```
 */
export function parseUserPoolId(
  value: unknown,
): Result<{ region: string; poolName: string }, InvalidConfigError> {
  return requireString(value, 'userPoolId').andThen((id) => {
    const match = USER_POOL_ID.exec(id);
    if (!match?.[1] || !match[2] || !REGION_PATTERN.test(match[1])) {
      return err(
        invalidConfig(`userPoolId must look like "us-east-1_AbC123", got ${JSON.stringify(id.slice(0, 64))}`),
      );
    }
    return ok({ region: match[1], poolName: match[2] });
  });
}

/**
 * Validates an {@link AuthClientConfig}: pool id format, non-empty client id, optional secret,
 * region and endpoint. Never throws.
 *
 * @example
 * ```ts
 * const config = parseAuthConfig({ userPoolId: 'us-east-1_AbC123', clientId: 'abc' });
 * if (config.isOk()) console.log(config.value.region); // 'us-east-1'
 * ```
 */
export function parseAuthConfig(input: AuthClientConfig): Result<ResolvedAuthConfig, InvalidConfigError> {
  if (typeof input !== 'object' || input === null) return err(invalidConfig('config must be an object'));
  const secret = input.clientSecret;
  const store = input.deviceStore;
  if (
    store !== undefined &&
    (typeof store !== 'object' ||
      store === null ||
      typeof store.get !== 'function' ||
      typeof store.set !== 'function' ||
      typeof store.delete !== 'function')
  ) {
    return err(invalidConfig('deviceStore must have get, set and delete methods'));
  }
  const deviceName = input.deviceName;
  if (
    deviceName !== undefined &&
    (typeof deviceName !== 'string' || deviceName.trim() === '' || deviceName.length > 1024)
  ) {
    return err(invalidConfig('deviceName must be a non-empty string of at most 1024 characters'));
  }
  if (secret !== undefined && (typeof secret !== 'string' || secret.trim().length === 0)) {
    return err(invalidConfig('clientSecret, when given, must be a non-empty string'));
  }
  return Result.combine([
    parseUserPoolId(input.userPoolId),
    requireString(input.clientId, 'clientId').andThen((id) =>
      CLIENT_ID.test(id) ? ok(id) : err(invalidConfig('clientId must be 1-128 letters, digits, "_" or "+"')),
    ),
    optionalRegion(input.region),
    optionalEndpoint(input.endpoint),
    optionalClock(input.now),
    optionalTimeout(input.timeoutMs),
  ]).map(([pool, clientId, region, endpoint, now, timeoutMs]) => ({
    userPoolId: input.userPoolId,
    poolName: pool.poolName,
    clientId,
    clientSecret: secret,
    region: region ?? pool.region,
    endpoint,
    client: input.client,
    timeoutMs,
    now: now ?? Date.now,
    deviceStore: store ?? memoryDeviceStore(),
    deviceName: deviceName ?? 'cognito-flow',
    stepKeys: input.stepKeys,
  }));
}
