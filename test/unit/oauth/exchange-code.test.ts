import { describe, expect, it } from 'vitest';
import { OAuthClient, type OAuthClientConfig } from '../../../src/oauth/index.js';
import {
  acceptAnyIdToken,
  CLIENT_ID,
  CLIENT_SECRET,
  codeAnswer,
  DOMAIN,
  fetchMock,
  idTokenWith,
  json,
  NOW,
  oauthFailure,
  REDIRECT,
} from './cognito-fetch.js';

const CODE = 'auth-code-4f2a9c1e-0b7d';
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';

function client(handlers: Parameters<typeof fetchMock>[0], config: Partial<OAuthClientConfig> = {}) {
  const mock = fetchMock(handlers);
  const oauth = OAuthClient.create({
    domainPrefix: 'my-app',
    region: 'eu-west-1',
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    redirectUris: [REDIRECT],
    fetch: mock.fetch,
    now: () => NOW,
    idTokenVerifier: acceptAnyIdToken,
    ...config,
  })._unsafeUnwrap();
  return { oauth, calls: mock.calls };
}

describe('exchangeCode', () => {
  it('POSTs the code, verifier and redirect URI as a form, with the secret in HTTP Basic', async () => {
    const { oauth, calls } = client(() => json(200, codeAnswer()));
    await oauth.exchangeCode({ code: CODE, codeVerifier: VERIFIER });
    expect(calls).toHaveLength(1);
    const [request] = calls;
    expect(request?.method).toBe('POST');
    expect(request?.url.toString()).toBe(`${DOMAIN}/oauth2/token`);
    expect(request?.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(request?.headers.get('authorization')).toBe(
      `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`,
    );
    expect(Object.fromEntries(request?.form ?? [])).toEqual({
      grant_type: 'authorization_code',
      code: CODE,
      redirect_uri: REDIRECT,
      code_verifier: VERIFIER,
      client_id: CLIENT_ID,
    });
  });

  it('sends no Authorization header for an app client without a secret', async () => {
    const { oauth, calls } = client(() => json(200, codeAnswer()), { clientSecret: undefined });
    await oauth.exchangeCode({ code: CODE, codeVerifier: VERIFIER });
    expect(calls[0]?.headers.has('authorization')).toBe(false);
    expect(calls[0]?.form.get('client_id')).toBe(CLIENT_ID);
  });

  it('answers a TokenSet with the expiry computed from expires_in', async () => {
    const answer = codeAnswer({ expires_in: 300 });
    const { oauth } = client(() => json(200, answer));
    const tokens = (await oauth.exchangeCode({ code: CODE, codeVerifier: VERIFIER }))._unsafeUnwrap();
    expect(tokens).toEqual({
      idToken: answer.id_token,
      accessToken: answer.access_token,
      refreshToken: answer.refresh_token,
      expiresAt: NOW + 300_000,
      tokenType: 'Bearer',
    });
  });

  it('reports an answer without an ID token (no openid scope) as Unexpected', async () => {
    const { id_token: _, ...withoutId } = codeAnswer();
    const { oauth } = client(() => json(200, withoutId));
    const error = (await oauth.exchangeCode({ code: CODE, codeVerifier: VERIFIER }))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'Unexpected', message: expect.stringContaining('openid') });
  });

  it('reports a reused or expired code as OAuth invalid_grant, without echoing code, verifier or secret', async () => {
    const { oauth } = client(() => oauthFailure('invalid_grant', 400, `code ${CODE} was used (${VERIFIER})`));
    const error = (await oauth.exchangeCode({ code: CODE, codeVerifier: VERIFIER }))._unsafeUnwrapErr();
    expect(error).toMatchObject({
      type: 'OAuth',
      error: 'invalid_grant',
      status: 400,
      retryable: false,
      requestId: 'req-oauth-1',
    });
    const printed = `${JSON.stringify(error)} ${error.message}`;
    expect(printed).toContain('[REDACTED]');
    for (const secret of [CODE, VERIFIER, CLIENT_SECRET]) expect(printed).not.toContain(secret);
  });

  it.each([
    ['invalid_client', 400],
    ['invalid_request', 400],
    ['unauthorized_client', 400],
    ['unsupported_grant_type', 400],
    ['invalid_scope', 400],
  ])('maps Cognito %s (HTTP %i) to the OAuth error of that name', async (code, status) => {
    const { oauth } = client(() => oauthFailure(code, status));
    const error = (await oauth.exchangeCode({ code: CODE, codeVerifier: VERIFIER }))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'OAuth', error: code, status });
    expect(error.message).toBe(`The token endpoint answered ${code} (HTTP ${status})`);
  });

  it('makes server_error and temporarily_unavailable retryable', async () => {
    const { oauth } = client([
      () => oauthFailure('server_error', 500),
      () => oauthFailure('temporarily_unavailable', 503),
    ]);
    const first = (await oauth.exchangeCode({ code: CODE, codeVerifier: VERIFIER }))._unsafeUnwrapErr();
    const second = (await oauth.exchangeCode({ code: CODE, codeVerifier: VERIFIER }))._unsafeUnwrapErr();
    expect([first.type, first.retryable, second.type, second.retryable]).toEqual([
      'OAuth',
      true,
      'OAuth',
      true,
    ]);
  });

  it('reports an unknown error code as Unexpected', async () => {
    const { oauth } = client(() => oauthFailure('flux_capacitor_error'));
    const error = (await oauth.exchangeCode({ code: CODE, codeVerifier: VERIFIER }))._unsafeUnwrapErr();
    expect(error).toMatchObject({
      type: 'Unexpected',
      message: expect.stringContaining('flux_capacitor_error'),
    });
  });

  it('reports HTTP 429 as retryable TooManyRequests', async () => {
    const { oauth } = client(() => json(429, { message: 'Rate exceeded' }));
    const error = (await oauth.exchangeCode({ code: CODE, codeVerifier: VERIFIER }))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'TooManyRequests', retryable: true });
  });

  it('reports an HTML error page as retryable Unexpected', async () => {
    const { oauth } = client(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const error = (await oauth.exchangeCode({ code: CODE, codeVerifier: VERIFIER }))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'Unexpected', retryable: true });
    expect(error.message).toContain('HTTP 502');
  });

  it('reports a 200 answer that is not JSON as Unexpected', async () => {
    const { oauth } = client(() => new Response('<html>sign in</html>', { status: 200 }));
    const error = (await oauth.exchangeCode({ code: CODE, codeVerifier: VERIFIER }))._unsafeUnwrapErr();
    expect(error).toMatchObject({
      type: 'Unexpected',
      message: expect.stringContaining('not a JSON object'),
    });
  });

  it('reports a refused connection as retryable Network', async () => {
    const { oauth } = client(() => {
      throw new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    });
    const error = (await oauth.exchangeCode({ code: CODE, codeVerifier: VERIFIER }))._unsafeUnwrapErr();
    expect(error).toMatchObject({
      type: 'Network',
      retryable: true,
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });

  it('gives up after timeoutMs with a Network error instead of hanging', async () => {
    const never = (_request: unknown, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    const oauth = OAuthClient.create({
      domain: 'auth.example.com',
      clientId: CLIENT_ID,
      redirectUris: [REDIRECT],
      fetch: never as typeof fetch,
      timeoutMs: 30,
      idTokenVerifier: acceptAnyIdToken,
    })._unsafeUnwrap();
    const started = Date.now();
    const error = (await oauth.exchangeCode({ code: CODE, codeVerifier: VERIFIER }))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'Network', message: expect.stringContaining('30 ms') });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it.each([
    ['an empty code', { code: '', codeVerifier: VERIFIER }, 'code'],
    ['a short verifier', { code: CODE, codeVerifier: 'short' }, 'codeVerifier'],
    [
      'an unregistered redirect URI',
      { code: CODE, codeVerifier: VERIFIER, redirectUri: 'https://x.example/cb' },
      'redirectUri',
    ],
    ['a state without expectedState', { code: CODE, codeVerifier: VERIFIER, state: 's' }, 'expectedState'],
    ['an empty nonce', { code: CODE, codeVerifier: VERIFIER, nonce: '' }, 'nonce'],
  ])('refuses %s with InvalidParameter, without a request', async (_name, input, fragment) => {
    const { oauth, calls } = client(() => json(200, codeAnswer()));
    const error = (await oauth.exchangeCode(input as never))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'InvalidParameter', message: expect.stringContaining(fragment) });
    expect(calls).toHaveLength(0);
  });

  it('refuses a state that differs from the expected one with state_mismatch, without a request', async () => {
    const { oauth, calls } = client(() => json(200, codeAnswer()));
    const wrong = await oauth.exchangeCode({
      code: CODE,
      codeVerifier: VERIFIER,
      state: 'other',
      expectedState: 'mine',
    });
    const missing = await oauth.exchangeCode({ code: CODE, codeVerifier: VERIFIER, expectedState: 'mine' });
    expect(wrong._unsafeUnwrapErr()).toMatchObject({ type: 'OAuth', error: 'state_mismatch' });
    expect(missing._unsafeUnwrapErr()).toMatchObject({ type: 'OAuth', error: 'state_mismatch' });
    expect(calls).toHaveLength(0);
  });

  it('accepts the tokens when the state matches and the ID token carries the nonce', async () => {
    const { oauth } = client(() => json(200, codeAnswer({ id_token: idTokenWith({ nonce: 'n-1' }) })));
    const tokens = await oauth.exchangeCode({
      code: CODE,
      codeVerifier: VERIFIER,
      state: 's-1',
      expectedState: 's-1',
      nonce: 'n-1',
    });
    expect(tokens.isOk()).toBe(true);
  });

  it('refuses an ID token with another nonce, or none, with nonce_mismatch', async () => {
    const { oauth } = client([
      () => json(200, codeAnswer({ id_token: idTokenWith({ nonce: 'replayed' }) })),
      () => json(200, codeAnswer()),
    ]);
    const other = await oauth.exchangeCode({ code: CODE, codeVerifier: VERIFIER, nonce: 'n-1' });
    const none = await oauth.exchangeCode({ code: CODE, codeVerifier: VERIFIER, nonce: 'n-1' });
    expect(other._unsafeUnwrapErr()).toMatchObject({ type: 'OAuth', error: 'nonce_mismatch' });
    expect(none._unsafeUnwrapErr()).toMatchObject({ type: 'OAuth', error: 'nonce_mismatch' });
  });

  it('reports an ID token that is not a JWT, when a nonce is to be checked, as Unexpected', async () => {
    const { oauth } = client(() => json(200, codeAnswer({ id_token: 'not-a-jwt' })));
    const error = (
      await oauth.exchangeCode({ code: CODE, codeVerifier: VERIFIER, nonce: 'n' })
    )._unsafeUnwrapErr();
    expect(error.type).toBe('Unexpected');
  });
});

describe('completeAuthorization', () => {
  const started = { state: 'state-1', nonce: 'nonce-1', codeVerifier: VERIFIER, redirectUri: REDIRECT };

  it('reads the redirect, checks state, exchanges the code and checks the nonce', async () => {
    const { oauth, calls } = client(() =>
      json(200, codeAnswer({ id_token: idTokenWith({ nonce: 'nonce-1' }) })),
    );
    const tokens = await oauth.completeAuthorization(`${REDIRECT}?code=${CODE}&state=state-1`, started);
    expect(tokens._unsafeUnwrap().refreshToken).toBe('refresh-token-opaque-0123456789');
    expect(calls[0]?.form.get('code')).toBe(CODE);
    expect(calls[0]?.form.get('code_verifier')).toBe(VERIFIER);
  });

  it('accepts the path and query of the request (req.url) and URLSearchParams', async () => {
    const { oauth, calls } = client(() =>
      json(200, codeAnswer({ id_token: idTokenWith({ nonce: 'nonce-1' }) })),
    );
    const fromPath = await oauth.completeAuthorization(`/callback?code=${CODE}&state=state-1`, started);
    const fromParams = await oauth.completeAuthorization(
      new URLSearchParams({ code: CODE, state: 'state-1' }),
      started,
    );
    expect([fromPath.isOk(), fromParams.isOk()]).toEqual([true, true]);
    expect(calls).toHaveLength(2);
  });

  it('turns an error redirect (the user cancelled) into OAuth access_denied, without a request', async () => {
    const { oauth, calls } = client(() => json(200, codeAnswer()));
    const error = (
      await oauth.completeAuthorization(
        `${REDIRECT}?error=access_denied&error_description=User+cancelled&state=state-1`,
        started,
      )
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'OAuth', error: 'access_denied', description: 'User cancelled' });
    expect(calls).toHaveLength(0);
  });

  it("turns a federated IdP failure on the redirect into OAuth invalid_request with Cognito's description", async () => {
    const { oauth } = client(() => json(200, codeAnswer()));
    const error = (
      await oauth.completeAuthorization(
        `${REDIRECT}?error=invalid_request&error_description=Timeout+occurred+in+calling+IdP+token+endpoint`,
        started,
      )
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'OAuth', error: 'invalid_request' });
    expect(error.message).toContain('Timeout occurred in calling IdP token endpoint');
  });

  it('refuses a redirect with another state (CSRF) with state_mismatch, without a request', async () => {
    const { oauth, calls } = client(() => json(200, codeAnswer()));
    const error = (
      await oauth.completeAuthorization(`${REDIRECT}?code=${CODE}&state=forged`, started)
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'OAuth', error: 'state_mismatch' });
    expect(calls).toHaveLength(0);
  });

  it('refuses a redirect with neither code nor error, and a started request with missing fields', async () => {
    const { oauth, calls } = client(() => json(200, codeAnswer()));
    const noCode = await oauth.completeAuthorization(`${REDIRECT}?state=state-1`, started);
    const badStarted = await oauth.completeAuthorization(`${REDIRECT}?code=c&state=state-1`, {
      state: 'state-1',
    } as never);
    expect(noCode._unsafeUnwrapErr()).toMatchObject({
      type: 'InvalidParameter',
      message: expect.stringContaining('code'),
    });
    expect(badStarted._unsafeUnwrapErr()).toMatchObject({
      type: 'InvalidParameter',
      message: expect.stringContaining('nonce, codeVerifier, redirectUri'),
    });
    expect(calls).toHaveLength(0);
  });
});
