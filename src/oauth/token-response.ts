import { err, ok, type Result } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import type { UnexpectedError } from '../errors/types.js';
import type { TokenSet } from '../tokens/token-set.js';

/**
 * A machine-to-machine access token from the client-credentials grant (Cognito issues no ID or refresh
 * token for it).
 *
 * @example
 * ```ts
 * const token: ClientCredentialsToken = (await oauth.clientCredentials({ scopes: ['orders/read'] }))._unsafeUnwrap();
 * await fetch(api, { headers: { Authorization: `${token.tokenType} ${token.accessToken}` } });
 * ```
 */
export interface ClientCredentialsToken {
  readonly accessToken: string;
  /** `Bearer`. */
  readonly tokenType: string;
  /** When the token expires, in epoch milliseconds. */
  readonly expiresAt: number;
  /** The scopes granted (the answer's `scope`), else the scopes asked for. */
  readonly scopes: readonly string[];
}

const DEFAULT_LIFETIME_S = 3600;

const unexpected = (message: string) => err(makeError('Unexpected', message));

function fields(json: unknown): Result<Record<string, unknown>, UnexpectedError> {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return unexpected('The token endpoint answered with something that is not a JSON object');
  }
  const body = json as Record<string, unknown>;
  if (typeof body.access_token !== 'string' || body.access_token === '') {
    return unexpected('The token endpoint answered without an access_token');
  }
  return ok(body);
}

function lifetimeMs(body: Record<string, unknown>): number {
  const seconds =
    typeof body.expires_in === 'number' && Number.isFinite(body.expires_in) && body.expires_in > 0
      ? body.expires_in
      : DEFAULT_LIFETIME_S;
  return seconds * 1000;
}

const tokenType = (body: Record<string, unknown>) =>
  typeof body.token_type === 'string' && body.token_type !== '' ? body.token_type : 'Bearer';

/**
 * Reads a token endpoint answer for a user (authorization code or refresh token) into a {@link TokenSet};
 * `now` is epoch ms. An answer without an ID token is `Unexpected` (Cognito sends one only for the
 * `openid` scope). A refresh answer without a new refresh token keeps `keepRefreshToken`.
 *
 * @example
 * ```ts
 * const tokens = tokenSetFromTokenAnswer({ access_token: a, id_token: i, expires_in: 3600 }, Date.now());
 * ```
 */
export function tokenSetFromTokenAnswer(
  json: unknown,
  now: number,
  keepRefreshToken?: string,
): Result<TokenSet, UnexpectedError> {
  return fields(json).andThen((body) => {
    if (typeof body.id_token !== 'string' || body.id_token === '') {
      return unexpected(
        'The token endpoint answered without an id_token: Cognito issues one only when the openid scope was asked for',
      );
    }
    const refreshToken =
      typeof body.refresh_token === 'string' && body.refresh_token !== ''
        ? body.refresh_token
        : keepRefreshToken;
    return ok({
      idToken: body.id_token,
      accessToken: body.access_token as string,
      ...(refreshToken !== undefined ? { refreshToken } : {}),
      expiresAt: now + lifetimeMs(body),
      tokenType: tokenType(body),
    });
  });
}

/**
 * Reads a client-credentials answer into a {@link ClientCredentialsToken}; `now` is epoch ms.
 *
 * @example
 * ```ts
 * const token = clientCredentialsFromTokenAnswer({ access_token: a, expires_in: 3600 }, Date.now(), ['orders/read']);
 * ```
 */
export function clientCredentialsFromTokenAnswer(
  json: unknown,
  now: number,
  requested: readonly string[],
): Result<ClientCredentialsToken, UnexpectedError> {
  return fields(json).map((body) => ({
    accessToken: body.access_token as string,
    tokenType: tokenType(body),
    expiresAt: now + lifetimeMs(body),
    scopes:
      typeof body.scope === 'string' && body.scope.trim() !== ''
        ? body.scope.trim().split(/\s+/)
        : [...requested],
  }));
}
