import { type WithMiddlewareStack, withRetryPolicy } from './sdk-retry-policy.js';

/** The time limit of one attempt when none is configured, as in the fetch transport: 30 seconds. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * How cognito-flow builds an AWS SDK v3 client when the user gives none.
 *
 * @example
 * ```ts
 * const options: LibraryClientOptions = { region: 'eu-west-1', timeoutMs: 10_000 };
 * ```
 */
export interface LibraryClientOptions {
  readonly region: string;
  /** A custom endpoint (a proxy, a local emulator). */
  readonly endpoint?: string | undefined;
  /** Time limit of each attempt (connecting included), in ms; default {@link DEFAULT_TIMEOUT_MS}. */
  readonly timeoutMs?: number | undefined;
}

/** The SDK client configuration cognito-flow passes (a subset every AWS SDK v3 client accepts). */
export interface LibraryClientConfig {
  readonly region: string;
  readonly endpoint?: string;
  readonly requestHandler: {
    readonly requestTimeout: number;
    readonly connectionTimeout: number;
    readonly throwOnRequestTimeout: boolean;
  };
}

/**
 * Builds an AWS SDK v3 client the way cognito-flow does for its own use: the region and endpoint, each
 * attempt bounded by `timeoutMs` (the Node handler's `requestTimeout`, which then fails the attempt
 * instead of only warning, and `connectionTimeout`; the browser handler's `requestTimeout`), and
 * cognito-flow's retry rule ({@link withRetryPolicy}) so that a challenge answer is never sent twice
 * after a failure that may have reached Cognito.
 *
 * @example
 * ```ts
 * const client = libraryClient(CognitoIdentityProviderClient, { region: 'eu-west-1', timeoutMs: 10_000 });
 * ```
 */
export function libraryClient<C extends WithMiddlewareStack>(
  Client: new (config: LibraryClientConfig) => C,
  options: LibraryClientOptions,
): C {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return withRetryPolicy(
    new Client({
      region: options.region,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      requestHandler: {
        requestTimeout: timeoutMs,
        connectionTimeout: timeoutMs,
        throwOnRequestTimeout: true,
      },
    }),
  );
}
