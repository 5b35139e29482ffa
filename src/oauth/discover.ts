import { err, errAsync, ok, type ResultAsync } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import { endpointProblem, type OAuthEndpoints } from './endpoints.js';
import type { OAuthClientError } from './errors.js';
import { readAnswer, send } from './http.js';

/**
 * Options of {@link discoverEndpoints}.
 *
 * @example
 * ```ts
 * const options: DiscoverOptions = { timeoutMs: 3000 };
 * ```
 */
export interface DiscoverOptions {
  readonly fetch?: typeof fetch | undefined;
  readonly timeoutMs?: number | undefined;
}

const FIELDS: Readonly<Record<keyof OAuthEndpoints, string>> = {
  authorization: 'authorization_endpoint',
  token: 'token_endpoint',
  revocation: 'revocation_endpoint',
  userInfo: 'userinfo_endpoint',
  logout: 'end_session_endpoint',
};

/**
 * Reads an OpenID Connect server's endpoints from its discovery document
 * (`<issuer>/.well-known/openid-configuration`), for `OAuthClient.create({ endpoints })`. Useful for
 * another OIDC server or a local stand-in; a Cognito domain needs none of this (give `domain`). The
 * `logout` endpoint found this way is the server's OIDC `end_session_endpoint`, whose parameters differ
 * from Cognito's `/logout`.
 *
 * @example
 * ```ts
 * const endpoints = (await discoverEndpoints('http://127.0.0.1:4000'))._unsafeUnwrap();
 * const oauth = OAuthClient.create({ clientId, clientSecret, endpoints })._unsafeUnwrap();
 * ```
 */
export function discoverEndpoints(
  issuer: string,
  options: DiscoverOptions = {},
): ResultAsync<Partial<OAuthEndpoints>, OAuthClientError> {
  const problem = endpointProblem(issuer);
  if (problem) return errAsync(makeError('InvalidParameter', `issuer ${problem}`));
  const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const what = 'The discovery document';
  return send(
    { fetch: options.fetch ?? ((...args) => fetch(...args)), timeoutMs: options.timeoutMs ?? 10_000 },
    url,
    { method: 'GET', headers: { Accept: 'application/json' } },
    what,
  )
    .andThen((answer) => readAnswer(answer, what, []))
    .andThen((json) => {
      if (typeof json !== 'object' || json === null) {
        return err(makeError('Unexpected', `${what} at ${url} is not a JSON object`));
      }
      const document = json as Record<string, unknown>;
      const endpoints: Partial<Record<keyof OAuthEndpoints, string>> = {};
      for (const [name, field] of Object.entries(FIELDS) as [keyof OAuthEndpoints, string][]) {
        const value = document[field];
        if (typeof value === 'string' && endpointProblem(value) === undefined) endpoints[name] = value;
      }
      return endpoints.token === undefined
        ? err(makeError('Unexpected', `${what} at ${url} has no usable token_endpoint`))
        : ok(endpoints);
    });
}
