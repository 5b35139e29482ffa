import type { IdTokenVerifier } from '../../../src/oauth/config.js';
import { fakeJwt } from '../../support/jwt.js';

/**
 * An `idTokenVerifier` that accepts every ID token: for tests of the exchange itself, whose ID tokens
 * carry fake signatures. Verification is tested in exchange-code-verifies-id-token.test.ts.
 */
export const acceptAnyIdToken: IdTokenVerifier = {
  verifyIdToken: () => Promise.resolve({ isErr: () => false }),
};

/** A request as the mock saw it. */
export interface SeenRequest {
  readonly url: URL;
  readonly method: string;
  readonly headers: Headers;
  /** The form body (empty for GET). */
  readonly form: URLSearchParams;
  readonly redirect: RequestRedirect | undefined;
}

type Handler = (request: SeenRequest) => Response | Promise<Response>;

/**
 * A `fetch` that records every request and answers with `handler` (or, given a list, one handler per
 * request in order; the last one repeats).
 */
export function fetchMock(handlers: Handler | readonly Handler[]) {
  const calls: SeenRequest[] = [];
  const list = Array.isArray(handlers) ? handlers : [handlers as Handler];
  const fetchFn = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const body = typeof init.body === 'string' ? init.body : '';
    const request: SeenRequest = {
      url: new URL(String(input)),
      method: init.method ?? 'GET',
      headers: new Headers(init.headers),
      form: new URLSearchParams(body),
      redirect: init.redirect,
    };
    calls.push(request);
    const handler = list[Math.min(calls.length - 1, list.length - 1)];
    if (!handler) throw new Error('fetchMock has no handler');
    return handler(request);
  };
  return { fetch: fetchFn as typeof fetch, calls };
}

/** A JSON answer, as Cognito sends them (`application/json;charset=UTF-8`). */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'content-type': 'application/json;charset=UTF-8',
      'x-amz-cognito-request-id': 'req-oauth-1',
      ...headers,
    },
  });
}

/** An OAuth error answer shaped like Cognito's: `{"error":"invalid_grant"}` and HTTP 400. */
export const oauthFailure = (error: string, status = 400, description?: string) =>
  json(status, { error, ...(description !== undefined ? { error_description: description } : {}) });

export const DOMAIN = 'https://my-app.auth.eu-west-1.amazoncognito.com';
export const CLIENT_ID = '1example23456789';
export const CLIENT_SECRET = 'client-secret-0123456789abcdefghij';
export const REDIRECT = 'https://app.example.com/callback';
export const NOW = Date.UTC(2030, 0, 1);

/** A Cognito-shaped ID token with the given nonce (fake signature: decoded, never verified here). */
export function idTokenWith(extra: Record<string, unknown> = {}): string {
  const iat = Math.floor(NOW / 1000);
  return fakeJwt({
    sub: 'sub-alice',
    iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123',
    aud: CLIENT_ID,
    token_use: 'id',
    'cognito:username': 'alice',
    iat,
    exp: iat + 3600,
    ...extra,
  });
}

/** Cognito's answer to an authorization-code exchange. */
export function codeAnswer(extra: Record<string, unknown> = {}) {
  return {
    access_token: fakeJwt({ token_use: 'access', sub: 'sub-alice', client_id: CLIENT_ID }),
    refresh_token: 'refresh-token-opaque-0123456789',
    id_token: idTokenWith(),
    token_type: 'Bearer',
    expires_in: 3600,
    ...extra,
  };
}
