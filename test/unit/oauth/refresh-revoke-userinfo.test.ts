import { describe, expect, it } from 'vitest';
import { OAuthClient, type OAuthClientConfig } from '../../../src/oauth/index.js';
import {
  CLIENT_ID,
  CLIENT_SECRET,
  codeAnswer,
  DOMAIN,
  fetchMock,
  json,
  NOW,
  oauthFailure,
} from './cognito-fetch.js';

const REFRESH = 'refresh-token-opaque-0123456789';
const ACCESS = 'access-token-eyJraWQiOiJ4In0-opaque';

function client(handlers: Parameters<typeof fetchMock>[0], config: Partial<OAuthClientConfig> = {}) {
  const mock = fetchMock(handlers);
  const oauth = OAuthClient.create({
    domainPrefix: 'my-app',
    region: 'eu-west-1',
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    fetch: mock.fetch,
    now: () => NOW,
    ...config,
  })._unsafeUnwrap();
  return { oauth, calls: mock.calls };
}

describe('refresh', () => {
  it('POSTs grant_type=refresh_token with the refresh token and the secret in HTTP Basic', async () => {
    const { id_token, access_token } = codeAnswer();
    const { oauth, calls } = client(() =>
      json(200, { id_token, access_token, token_type: 'Bearer', expires_in: 3600 }),
    );
    await oauth.refresh(REFRESH);
    expect(calls[0]?.url.toString()).toBe(`${DOMAIN}/oauth2/token`);
    expect(calls[0]?.headers.get('authorization')).toMatch(/^Basic /);
    expect(Object.fromEntries(calls[0]?.form ?? [])).toEqual({
      grant_type: 'refresh_token',
      refresh_token: REFRESH,
      client_id: CLIENT_ID,
    });
  });

  it('keeps the refresh token it was given when Cognito does not rotate it (its documented answer)', async () => {
    const { id_token, access_token } = codeAnswer();
    const { oauth } = client(() =>
      json(200, { id_token, access_token, token_type: 'Bearer', expires_in: 3600 }),
    );
    const tokens = (await oauth.refresh(REFRESH))._unsafeUnwrap();
    expect(tokens).toEqual({
      idToken: id_token,
      accessToken: access_token,
      refreshToken: REFRESH,
      expiresAt: NOW + 3_600_000,
      tokenType: 'Bearer',
    });
  });

  it('takes the new refresh token when rotation is on', async () => {
    const { oauth } = client(() => json(200, codeAnswer({ refresh_token: 'rotated-refresh-token' })));
    expect((await oauth.refresh(REFRESH))._unsafeUnwrap().refreshToken).toBe('rotated-refresh-token');
  });

  it('reports a revoked or expired refresh token as OAuth invalid_grant, without the token in the error', async () => {
    const { oauth } = client(() => oauthFailure('invalid_grant', 400, 'Refresh Token has been revoked'));
    const error = (await oauth.refresh(REFRESH))._unsafeUnwrapErr();
    expect(error).toMatchObject({
      type: 'OAuth',
      error: 'invalid_grant',
      description: 'Refresh Token has been revoked',
    });
    expect(JSON.stringify(error) + error.message).not.toContain(REFRESH);
  });

  it('refuses an empty refresh token with InvalidParameter, without a request', async () => {
    const { oauth, calls } = client(() => json(200, codeAnswer()));
    expect((await oauth.refresh(''))._unsafeUnwrapErr().type).toBe('InvalidParameter');
    expect(calls).toHaveLength(0);
  });
});

describe('revoke', () => {
  it("POSTs the token to /oauth2/revoke with HTTP Basic and reads Cognito's empty 200 as Ok", async () => {
    const { oauth, calls } = client(() => new Response(null, { status: 200 }));
    expect((await oauth.revoke(REFRESH)).isOk()).toBe(true);
    expect(calls[0]?.url.toString()).toBe(`${DOMAIN}/oauth2/revoke`);
    expect(calls[0]?.headers.get('authorization')).toBe(
      `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`,
    );
    expect(Object.fromEntries(calls[0]?.form ?? [])).toEqual({ token: REFRESH, client_id: CLIENT_ID });
  });

  it('sends client_id alone for an app client without a secret', async () => {
    const { oauth, calls } = client(() => new Response(null, { status: 200 }), {
      clientSecret: undefined,
    } as never);
    await oauth.revoke(REFRESH);
    expect(calls[0]?.headers.has('authorization')).toBe(false);
    expect(calls[0]?.form.get('client_id')).toBe(CLIENT_ID);
  });

  it.each([
    ['an access token', 'unsupported_token_type', 400],
    ['a client without token revocation', 'invalid_request', 400],
    ['a wrong secret', 'invalid_client', 401],
  ])("maps Cognito's answer to %s to OAuth %s", async (_name, code, status) => {
    const { oauth } = client(() => oauthFailure(code, status));
    expect((await oauth.revoke(REFRESH))._unsafeUnwrapErr()).toMatchObject({
      type: 'OAuth',
      error: code,
      status,
    });
  });

  it('refuses an empty token with InvalidParameter, without a request', async () => {
    const { oauth, calls } = client(() => new Response(null, { status: 200 }));
    expect((await oauth.revoke(''))._unsafeUnwrapErr().type).toBe('InvalidParameter');
    expect(calls).toHaveLength(0);
  });
});

describe('userInfo', () => {
  it('GETs /oauth2/userInfo with the access token as a Bearer token and returns the claims', async () => {
    const claims = {
      sub: 'sub-alice',
      email_verified: 'true',
      email: 'alice@example.com',
      username: 'alice',
      identities: '[{"providerName":"Google"}]',
    };
    const { oauth, calls } = client(() => json(200, claims));
    expect((await oauth.userInfo(ACCESS))._unsafeUnwrap()).toEqual(claims);
    expect(calls[0]?.method).toBe('GET');
    expect(calls[0]?.url.toString()).toBe(`${DOMAIN}/oauth2/userInfo`);
    expect(calls[0]?.headers.get('authorization')).toBe(`Bearer ${ACCESS}`);
  });

  it("reads Cognito's 401 WWW-Authenticate answer as OAuth invalid_token with its description", async () => {
    const { oauth } = client(
      () =>
        new Response(null, {
          status: 401,
          headers: {
            'www-authenticate':
              'Bearer error="invalid_token", error_description="Access token is expired, disabled, or deleted, or the user has globally signed out."',
          },
        }),
    );
    const error = (await oauth.userInfo(ACCESS))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'OAuth', error: 'invalid_token', status: 401, retryable: false });
    expect(error.message).toContain('globally signed out');
  });

  it('reads a 400 invalid_request in WWW-Authenticate', async () => {
    const { oauth } = client(
      () => new Response(null, { status: 400, headers: { 'www-authenticate': 'error="invalid_request"' } }),
    );
    expect((await oauth.userInfo(ACCESS))._unsafeUnwrapErr()).toMatchObject({
      type: 'OAuth',
      error: 'invalid_request',
    });
  });

  it('reports an answer without sub, or not an object, as Unexpected', async () => {
    const { oauth } = client([() => json(200, { email: 'a@b.c' }), () => json(200, ['sub'])]);
    expect((await oauth.userInfo(ACCESS))._unsafeUnwrapErr().message).toContain('without a sub');
    expect((await oauth.userInfo(ACCESS))._unsafeUnwrapErr().message).toContain('not a JSON object');
  });

  it('refuses an empty access token, and a client without a userInfo endpoint, with InvalidParameter', async () => {
    const { oauth, calls } = client(() => json(200, {}));
    const bare = OAuthClient.create({
      clientId: CLIENT_ID,
      endpoints: { token: 'https://idp.example/token' },
    });
    expect((await oauth.userInfo(''))._unsafeUnwrapErr().type).toBe('InvalidParameter');
    expect((await bare._unsafeUnwrap().userInfo(ACCESS))._unsafeUnwrapErr().message).toContain(
      'userInfo endpoint',
    );
    expect(calls).toHaveLength(0);
  });
});
