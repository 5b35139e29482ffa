import { err, errAsync, ok, Result, ResultAsync } from 'neverthrow';
import { invalidConfig, optionalEndpoint, REGION_PATTERN } from '../config/checks.js';
import { mapSdkError } from '../errors/map-sdk-error.js';
import type { CognitoError, InvalidConfigError } from '../errors/types.js';
import { backoffDelay } from './backoff.js';
import { readAnswer } from './fetch-answer.js';
import { attemptDeadline } from './fetch-deadline.js';
import {
  type FetchService,
  regionalEndpoint,
  TARGET_PREFIX,
  UNSIGNED_OPERATIONS,
} from './fetch-operations.js';
import { classifyFetchRejection } from './fetch-rejection.js';
import { inputSecrets } from './input-secrets.js';
import { mayRetry } from './retry-policy.js';
import type { OperationShape, Transport } from './transport.js';

/**
 * Options of {@link fetchTransport}.
 *
 * @example
 * ```ts
 * const options: FetchTransportOptions = { service: 'cognito-idp', region: 'eu-west-1', timeoutMs: 10_000 };
 * ```
 */
export interface FetchTransportOptions {
  /** AWS region, e.g. `eu-west-1`; picks the regional endpoint unless `endpoint` is given. */
  readonly region: string;
  /** A custom endpoint URL (a proxy, a local emulator) used instead of the regional one. */
  readonly endpoint?: string;
  /** User pools (`cognito-idp`) or identity pools (`cognito-identity`). */
  readonly service: FetchService;
  /** The `fetch` to use; `globalThis.fetch` (looked up at each call) by default. */
  readonly fetch?: typeof fetch;
  /** Time limit of each attempt, in ms (default 30,000); an attempt that runs out is a `Network` error. */
  readonly timeoutMs?: number;
  /**
   * Attempts per call, including the first (default 3). Only throttling, 5xx and network failures are
   * retried — and a challenge answer (or another call that consumes what it sends) only when the failure
   * proves Cognito did not process it: throttling or a refused connection.
   */
  readonly maxAttempts?: number;
  /** Base of the exponential backoff between attempts, in ms (default 100; 0 retries at once). */
  readonly retryBaseDelayMs?: number;
}

interface ResolvedOptions {
  readonly url: string;
  readonly service: FetchService;
  readonly fetch: typeof fetch | undefined;
  readonly timeoutMs: number;
  readonly maxAttempts: number;
  readonly retryBaseDelayMs: number;
}

function checkNumber(
  value: unknown,
  name: string,
  fallback: number,
  valid: (n: number) => boolean,
): Result<number, InvalidConfigError> {
  if (value === undefined) return ok(fallback);
  return typeof value === 'number' && valid(value)
    ? ok(value)
    : err(invalidConfig(`${name} is out of range: ${JSON.stringify(value)}`));
}

function resolveOptions(options: FetchTransportOptions): Result<ResolvedOptions, InvalidConfigError> {
  const given = (options ?? {}) as Partial<FetchTransportOptions>;
  const { region, service } = given;
  if (service !== 'cognito-idp' && service !== 'cognito-identity') {
    return err(invalidConfig('service must be "cognito-idp" or "cognito-identity"'));
  }
  if (typeof region !== 'string' || !REGION_PATTERN.test(region)) {
    return err(invalidConfig(`region must look like "us-east-1", got ${JSON.stringify(String(region))}`));
  }
  if (given.fetch !== undefined && typeof given.fetch !== 'function') {
    return err(invalidConfig('fetch must be a function'));
  }
  return Result.combine([
    optionalEndpoint(given.endpoint),
    checkNumber(given.timeoutMs, 'timeoutMs', 30_000, (n) => Number.isFinite(n) && n > 0),
    checkNumber(given.maxAttempts, 'maxAttempts', 3, (n) => Number.isInteger(n) && n >= 1 && n <= 10),
    checkNumber(given.retryBaseDelayMs, 'retryBaseDelayMs', 100, (n) => Number.isFinite(n) && n >= 0),
  ]).map(([endpoint, timeoutMs, maxAttempts, retryBaseDelayMs]) => ({
    url: endpoint ?? regionalEndpoint(service, region),
    service,
    fetch: given.fetch,
    timeoutMs,
    maxAttempts,
    retryBaseDelayMs,
  }));
}

async function send(
  options: ResolvedOptions,
  operation: string,
  input: unknown,
  secrets: readonly (string | undefined)[],
): Promise<Result<unknown, CognitoError>> {
  const doFetch = options.fetch ?? globalThis.fetch;
  if (typeof doFetch !== 'function') {
    return err(invalidConfig('no fetch in this runtime: pass one as the fetch option'));
  }
  let body: string;
  try {
    body = JSON.stringify(input ?? {});
  } catch (thrown) {
    return err(mapSdkError(thrown, secrets));
  }
  const headers = {
    'Content-Type': 'application/x-amz-json-1.1',
    'X-Amz-Target': `${TARGET_PREFIX[options.service]}.${operation}`,
  };
  let totalRetryDelay = 0;
  for (let attempt = 1; ; attempt += 1) {
    let failure: unknown;
    const deadline = attemptDeadline(options.timeoutMs);
    try {
      // The deadline rejects even when fetch ignores the signal (or the runtime has no AbortController).
      const answer = await Promise.race([
        doFetch(options.url, { method: 'POST', headers, body, signal: deadline.signal ?? null }).then(
          readAnswer,
        ),
        deadline.expired,
      ]);
      if (answer.ok) {
        return ok({
          ...answer.output,
          $metadata: { ...answer.metadata, attempts: attempt, totalRetryDelay },
        });
      }
      failure = answer.error;
    } catch (thrown) {
      const rejection = classifyFetchRejection(thrown);
      if ('denied' in rejection) return err(invalidConfig(rejection.denied));
      failure = rejection.failure;
    } finally {
      deadline.clear();
    }
    const error = mapSdkError(failure, secrets);
    if (attempt >= options.maxAttempts || !mayRetry(operation, input, failure)) return err(error);
    const delay = backoffDelay(attempt, options.retryBaseDelayMs);
    totalRetryDelay += delay;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/**
 * A `Transport` on plain `fetch` — no AWS SDK — for browsers and small bundles. It POSTs AWS JSON
 * 1.1 to Cognito's regional endpoint (or `endpoint`), reads errors from `x-amzn-ErrorType` / `__type`
 * and maps them with the same `mapSdkError` as the SDK transport, so callers see the same typed errors.
 * Each attempt is bounded by `timeoutMs` (an own timer: `AbortSignal.timeout` is not needed); throttling,
 * 5xx and network failures — workerd's plain-`Error` ones included — are retried with
 * jittered exponential backoff. Only Cognito's unsigned operations are sent: a signed one (Admin*,
 * GetOpenIdTokenForDeveloperIdentity) or STS is an `InvalidConfig` error, without a request.
 * A runtime that refuses the connection itself (Deno without `--allow-net` for the host, workerd's outbound
 * policy) is an `InvalidConfig` error naming what to allow, sent once. Invalid options never throw: every
 * call then returns the same `InvalidConfig` error.
 *
 * @example
 * ```ts
 * const transport = fetchTransport<UserPoolAuthOperations>({ service: 'cognito-idp', region: 'eu-west-1' });
 * const auth = new AuthClient({ userPoolId: 'eu-west-1_AbC123', clientId: '1example' }, transport);
 * ```
 */
export function fetchTransport<Ops extends { [K in keyof Ops]: OperationShape }>(
  options: FetchTransportOptions,
): Transport<Ops> {
  const resolved = resolveOptions(options);
  return <K extends keyof Ops & string>(
    operation: K,
    input: Ops[K]['input'],
    callOptions?: { readonly secrets?: readonly (string | undefined)[] },
  ): ResultAsync<Ops[K]['output'], CognitoError> => {
    if (resolved.isErr()) return errAsync(resolved.error);
    if (!UNSIGNED_OPERATIONS[resolved.value.service].has(operation)) {
      return errAsync(
        invalidConfig(
          `${operation} is not an unsigned ${resolved.value.service} operation: it needs AWS credentials, so use the AWS SDK transport`,
        ),
      );
    }
    const secrets = [...(callOptions?.secrets ?? []), ...inputSecrets(input)];
    return new ResultAsync(send(resolved.value, operation, input, secrets)) as ResultAsync<
      Ops[K]['output'],
      CognitoError
    >;
  };
}
