import { err, ok, type Result } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import type { InvalidParameterError } from '../errors/types.js';
import type { ResolvedOAuthConfig } from './config.js';
import { chooseUrl } from './redirect-uri.js';

/**
 * Input of `logoutUrl`.
 *
 * @example
 * ```ts
 * const input: LogoutUrlInput = { logoutUri: 'https://app.example.com/signed-out' };
 * ```
 */
export interface LogoutUrlInput {
  /** One of the app client's sign-out URLs (default: the first configured). */
  readonly logoutUri?: string | undefined;
}

/**
 * The URL that ends the user's managed-login session (`GET /logout?client_id=…&logout_uri=…`) and then
 * sends the browser to `logoutUri`. It does not revoke tokens: call `revoke(refreshToken)` too.
 *
 * @example
 * ```ts
 * const url = buildLogoutUrl(config, { logoutUri: 'https://app.example.com/' });
 * ```
 */
export function buildLogoutUrl(
  config: ResolvedOAuthConfig,
  input: LogoutUrlInput = {},
): Result<string, InvalidParameterError> {
  if (typeof input !== 'object' || input === null)
    return err(makeError('InvalidParameter', 'input must be an object'));
  const endpoint = config.endpoints.logout;
  if (endpoint === undefined) {
    return err(makeError('InvalidParameter', 'No logout endpoint: configure a domain or endpoints.logout'));
  }
  const chosen = chooseUrl(input.logoutUri, config.logoutUris, 'logoutUri');
  if ('problem' in chosen) return err(makeError('InvalidParameter', chosen.problem));
  const url = new URL(endpoint);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('logout_uri', chosen.url);
  return ok(url.toString());
}
