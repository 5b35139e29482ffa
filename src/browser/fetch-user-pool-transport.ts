import type { UserPoolAuthOperations, UserPoolTransport } from '../auth/user-pool-transport.js';
import type { ResolvedAuthConfig } from '../config/auth-config.js';
import { fetchTransport } from '../transport/fetch-transport.js';

/**
 * The browser path for user pools: plain `fetch` to the regional endpoint (or `endpoint`), no AWS SDK.
 *
 * @example
 * ```ts
 * const pool = createUserPool(config, undefined, fetchUserPoolTransport);
 * ```
 */
export function fetchUserPoolTransport(config: ResolvedAuthConfig): UserPoolTransport {
  return fetchTransport<UserPoolAuthOperations>({
    service: 'cognito-idp',
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    ...(config.timeoutMs ? { timeoutMs: config.timeoutMs } : {}),
  });
}
