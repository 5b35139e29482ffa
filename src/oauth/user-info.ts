import { err, errAsync, ok, type ResultAsync } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import type { ResolvedOAuthConfig } from './config.js';
import type { OAuthClientError } from './errors.js';
import { readAnswer, send } from './http.js';

/**
 * The signed-in user's attributes from the userInfo endpoint: OIDC standard claims that the access
 * token's scopes allow (`email` with the `email` scope, `profile` claims with `profile`, …), and
 * Cognito's `username`. Cognito sends `email_verified` and `phone_number_verified` as the strings
 * `"true"`/`"false"`; other servers send booleans.
 *
 * @example
 * ```ts
 * const me: UserInfo = (await oauth.userInfo(tokens.accessToken))._unsafeUnwrap();
 * console.log(me.sub, me.email, me.username);
 * ```
 */
export interface UserInfo {
  readonly sub: string;
  readonly username?: string;
  readonly email?: string;
  readonly email_verified?: string | boolean;
  readonly phone_number?: string;
  readonly phone_number_verified?: string | boolean;
  readonly name?: string;
  readonly given_name?: string;
  readonly family_name?: string;
  readonly preferred_username?: string;
  readonly identities?: string;
  readonly [claim: string]: unknown;
}

/**
 * Reads the user's attributes with an access token (`GET /oauth2/userInfo`, `Authorization: Bearer`).
 * An expired, revoked or signed-out token is `invalid_token`.
 *
 * @example
 * ```ts
 * const me = await userInfo(config, tokens.accessToken);
 * ```
 */
export function userInfo(
  config: ResolvedOAuthConfig,
  accessToken: string,
): ResultAsync<UserInfo, OAuthClientError> {
  if (typeof accessToken !== 'string' || accessToken === '') {
    return errAsync(makeError('InvalidParameter', 'accessToken must be a non-empty string'));
  }
  const endpoint = config.endpoints.userInfo;
  if (endpoint === undefined) {
    return errAsync(
      makeError('InvalidParameter', 'No userInfo endpoint: configure a domain or endpoints.userInfo'),
    );
  }
  const what = 'The userInfo endpoint';
  return send(
    config,
    endpoint,
    {
      method: 'GET',
      headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' },
      redirect: 'manual',
    },
    what,
  )
    .andThen((answer) => readAnswer(answer, what, [accessToken]))
    .andThen((json) => {
      if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        return err(makeError('Unexpected', `${what} answered with something that is not a JSON object`));
      }
      const claims = json as Record<string, unknown>;
      return typeof claims.sub === 'string'
        ? ok(claims as UserInfo)
        : err(makeError('Unexpected', `${what} answered without a sub`));
    });
}
