import { describe, expect, it } from 'vitest';
import { discoverEndpoints, OAuthClient, parseCallback } from '../../../src/oauth/index.js';
import { CLIENT_ID, fetchMock, json, REDIRECT } from './cognito-fetch.js';

describe('discoverEndpoints', () => {
  it('reads the endpoints from <issuer>/.well-known/openid-configuration', async () => {
    const mock = fetchMock(() =>
      json(200, {
        issuer: 'https://idp.example',
        authorization_endpoint: 'https://idp.example/authorize',
        token_endpoint: 'https://idp.example/token',
        userinfo_endpoint: 'https://idp.example/userinfo',
        revocation_endpoint: 'https://idp.example/revoke',
        end_session_endpoint: 'https://idp.example/logout',
        jwks_uri: 'https://idp.example/jwks',
      }),
    );
    const endpoints = (
      await discoverEndpoints('https://idp.example/', { fetch: mock.fetch })
    )._unsafeUnwrap();
    expect(mock.calls[0]?.url.toString()).toBe('https://idp.example/.well-known/openid-configuration');
    expect(endpoints).toEqual({
      authorization: 'https://idp.example/authorize',
      token: 'https://idp.example/token',
      userInfo: 'https://idp.example/userinfo',
      revocation: 'https://idp.example/revoke',
      logout: 'https://idp.example/logout',
    });
  });

  it('leaves out endpoints that are missing or not https, and needs a token endpoint', async () => {
    const partial = fetchMock(() =>
      json(200, { token_endpoint: 'https://idp.example/token', userinfo_endpoint: 'http://idp.example/me' }),
    );
    const none = fetchMock(() => json(200, { authorization_endpoint: 'https://idp.example/authorize' }));
    expect(
      (await discoverEndpoints('https://idp.example', { fetch: partial.fetch }))._unsafeUnwrap(),
    ).toEqual({
      token: 'https://idp.example/token',
    });
    const error = (await discoverEndpoints('https://idp.example', { fetch: none.fetch }))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'Unexpected', message: expect.stringContaining('token_endpoint') });
  });

  it('refuses an issuer that is not an https URL with InvalidParameter, without a request', async () => {
    const mock = fetchMock(() => json(200, {}));
    const error = (await discoverEndpoints('http://idp.example', { fetch: mock.fetch }))._unsafeUnwrapErr();
    expect(error.type).toBe('InvalidParameter');
    expect(mock.calls).toHaveLength(0);
  });

  it('reports a 404 page as Unexpected and a refused connection as Network', async () => {
    const missing = fetchMock(() => new Response('Not Found', { status: 404 }));
    const refused = fetchMock(() => {
      throw new TypeError('fetch failed');
    });
    expect(
      (await discoverEndpoints('https://idp.example', { fetch: missing.fetch }))._unsafeUnwrapErr().type,
    ).toBe('Unexpected');
    expect(
      (await discoverEndpoints('https://idp.example', { fetch: refused.fetch }))._unsafeUnwrapErr(),
    ).toMatchObject({
      type: 'Network',
      message: expect.stringContaining('the connection failed'),
    });
  });
});

describe('parseCallback', () => {
  it('reads code and state from a full URL, a path, a query string and URLSearchParams', () => {
    const expected = { code: 'c-1', state: 's-1' };
    expect(parseCallback(`${REDIRECT}?code=c-1&state=s-1`)._unsafeUnwrap()).toEqual(expected);
    expect(parseCallback('/callback?code=c-1&state=s-1')._unsafeUnwrap()).toEqual(expected);
    expect(parseCallback('code=c-1&state=s-1')._unsafeUnwrap()).toEqual(expected);
    expect(parseCallback(new URL(`${REDIRECT}?code=c-1&state=s-1`))._unsafeUnwrap()).toEqual(expected);
    expect(parseCallback(new URLSearchParams(expected))._unsafeUnwrap()).toEqual(expected);
    expect(parseCallback(`${REDIRECT}?code=c-1`)._unsafeUnwrap()).toEqual({ code: 'c-1', state: undefined });
  });

  it.each([
    ['access_denied'],
    ['invalid_request'],
    ['unauthorized_client'],
    ['invalid_scope'],
    ['server_error'],
    ['unsupported_response_type'],
  ])("turns Cognito's error redirect %s into that OAuth error", (code) => {
    expect(parseCallback(`${REDIRECT}?error=${code}`)._unsafeUnwrapErr()).toMatchObject({
      type: 'OAuth',
      error: code,
    });
  });

  it('turns an unknown redirect error into Unexpected, and a non-URL input into InvalidParameter', () => {
    expect(parseCallback(`${REDIRECT}?error=weird_error`)._unsafeUnwrapErr()).toMatchObject({
      type: 'Unexpected',
      message: expect.stringContaining('weird_error'),
    });
    expect(parseCallback(42 as never)._unsafeUnwrapErr().type).toBe('InvalidParameter');
  });
});

describe('the fetch seam', () => {
  it('turns a fetch that throws something other than a network failure into Unexpected', async () => {
    const mock = fetchMock(() => {
      throw new RangeError('bad init');
    });
    const oauth = OAuthClient.create({ domain: 'auth.example.com', clientId: CLIENT_ID, fetch: mock.fetch });
    const error = (await oauth._unsafeUnwrap().refresh('r'))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'Unexpected', retryable: false });
    expect(Object.keys(error)).not.toContain('cause');
  });

  it('does not follow redirects with credentials: a redirect answer is Unexpected', async () => {
    const mock = fetchMock(
      () => new Response(null, { status: 302, headers: { location: 'https://evil.example/' } }),
    );
    const oauth = OAuthClient.create({
      domain: 'auth.example.com',
      clientId: CLIENT_ID,
      clientSecret: 'client-secret-value',
      fetch: mock.fetch,
    })._unsafeUnwrap();
    const refreshed = (await oauth.refresh('refresh-token'))._unsafeUnwrapErr();
    const me = (await oauth.userInfo('access-token'))._unsafeUnwrapErr();
    expect([refreshed.type, me.type]).toEqual(['Unexpected', 'Unexpected']);
    expect(refreshed.message).toContain('HTTP 302');
    expect(mock.calls.map((call) => call.redirect)).toEqual(['manual', 'manual']);
  });

  it('uses the global fetch when none is configured', async () => {
    const original = globalThis.fetch;
    const mock = fetchMock(() => new Response(null, { status: 200 }));
    globalThis.fetch = mock.fetch;
    try {
      const oauth = OAuthClient.create({ domain: 'auth.example.com', clientId: CLIENT_ID })._unsafeUnwrap();
      expect((await oauth.revoke('refresh-token')).isOk()).toBe(true);
      expect(mock.calls[0]?.url.toString()).toBe('https://auth.example.com/oauth2/revoke');
    } finally {
      globalThis.fetch = original;
    }
  });
});
