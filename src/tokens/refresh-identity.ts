import { ResultAsync } from 'neverthrow';
import type { AuthContext } from '../auth/context.js';
import { makeError } from '../errors/make-error.js';
import type { UnexpectedError } from '../errors/types.js';
import { decodeJwt } from './jwt.js';
import type { TokenSet } from './token-set.js';

const claim = (token: string, name: string): string | undefined => {
  const decoded = decodeJwt(token);
  if (decoded.isErr()) return undefined;
  const value = decoded.value.payload[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
};

/**
 * The user's internal user name, as Cognito knows it — what SECRET_HASH must be computed with when
 * refreshing: the ID token's `cognito:username`, else the access token's `username`, else `sub`. Never the
 * alias (e.g. an email address) typed at sign-in: Cognito rejects a SECRET_HASH made with it.
 *
 * @example
 * ```ts
 * const name = internalUsername(tokens); // 'a1b2c3d4-…' for a pool that signs in by email
 * ```
 */
export function internalUsername(tokens: Pick<TokenSet, 'idToken' | 'accessToken'>): string | undefined {
  return (
    claim(tokens.idToken, 'cognito:username') ??
    claim(tokens.accessToken, 'username') ??
    claim(tokens.idToken, 'sub') ??
    claim(tokens.accessToken, 'sub')
  );
}

/**
 * The device key to send with a refresh, for pools that remember devices: the access token's `device_key`
 * claim (the device this session signed in with), else the device the DeviceStore holds for `username` (the
 * name typed at sign-in, which the store is keyed by), else none.
 *
 * @example
 * ```ts
 * refreshDeviceKey(context, tokens, 'alice@example.com').map((key) => key ?? 'no device');
 * ```
 */
export function refreshDeviceKey(
  context: AuthContext,
  tokens: Pick<TokenSet, 'accessToken'>,
  username: string | undefined,
): ResultAsync<string | undefined, UnexpectedError> {
  const fromToken = claim(tokens.accessToken, 'device_key');
  if (fromToken !== undefined || username === undefined) {
    return ResultAsync.fromSafePromise(Promise.resolve(fromToken));
  }
  return ResultAsync.fromPromise(
    Promise.resolve()
      .then(() => context.config.deviceStore.get(username))
      .then((device) => device?.deviceKey),
    (cause) => makeError('Unexpected', 'The device store failed', { cause }),
  );
}
