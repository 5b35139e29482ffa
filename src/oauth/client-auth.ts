import type { ResultAsync } from 'neverthrow';
import type { NetworkError, TooManyRequestsError, UnexpectedError } from '../errors/types.js';
import type { ResolvedOAuthConfig } from './config.js';
import { readAnswer, send } from './http.js';
import type { OAuthError } from './oauth-error.js';
import { clientSecretEncodings } from './secret-encodings.js';

/** application/x-www-form-urlencoded, as RFC 6749 §2.3.1 asks for the Basic credentials. */
const formEncode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');

/**
 * The `Authorization` header of HTTP Basic client authentication (RFC 6749 §2.3.1): both parts
 * form-encoded, then base64. Cognito's ids and secrets are alphanumeric, so this equals
 * `base64(client_id:client_secret)`.
 *
 * @example
 * ```ts
 * basicAuthorization('client1', 'secret'); // 'Basic Y2xpZW50MTpzZWNyZXQ='
 * ```
 */
export function basicAuthorization(clientId: string, clientSecret: string): string {
  return `Basic ${btoa(`${formEncode(clientId)}:${formEncode(clientSecret)}`)}`;
}

/**
 * The app client and how requests to the token and revocation endpoints are sent.
 *
 * @example
 * ```ts
 * const client: FormClient = { clientId, clientSecret, http: { fetch, timeoutMs: 10_000 } };
 * ```
 */
export interface FormClient {
  readonly clientId: string;
  readonly clientSecret: string | undefined;
  readonly http: { readonly fetch: typeof fetch; readonly timeoutMs: number };
}

/**
 * The {@link FormClient} of a resolved configuration.
 *
 * @example
 * ```ts
 * postForm(formClient(config), config.endpoints.token, params, 'The token endpoint', []);
 * ```
 */
export function formClient(config: ResolvedOAuthConfig): FormClient {
  return { clientId: config.clientId, clientSecret: config.clientSecret, http: config };
}

/**
 * POSTs a form to an endpoint that authenticates the app client (token, revocation): `client_id` always
 * in the body (Cognito's documented requests carry it), the secret with HTTP Basic when there is one.
 * Redirects are not followed (a redirect answer is `Unexpected`), so credentials never go anywhere else.
 * `secrets` (codes, verifiers, tokens) are kept out of any message built from the answer.
 *
 * @example
 * ```ts
 * postForm(client, endpoints.token, { grant_type: 'refresh_token', refresh_token: rt }, 'The token endpoint', [rt]);
 * ```
 */
export function postForm(
  client: FormClient,
  url: string,
  params: Readonly<Record<string, string>>,
  what: string,
  secrets: readonly (string | undefined)[],
): ResultAsync<unknown, OAuthError | TooManyRequestsError | NetworkError | UnexpectedError> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-www-form-urlencoded',
    Accept: 'application/json',
  };
  if (client.clientSecret !== undefined) {
    headers.Authorization = basicAuthorization(client.clientId, client.clientSecret);
  }
  const body = new URLSearchParams({ ...params, client_id: client.clientId }).toString();
  return send(client.http, url, { method: 'POST', headers, body, redirect: 'manual' }, what).andThen(
    (answer) =>
      readAnswer(answer, what, [...secrets, ...clientSecretEncodings(client.clientId, client.clientSecret)]),
  );
}
