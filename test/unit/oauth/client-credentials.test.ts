import { describe, expect, it } from 'vitest';
import { OAuthClient, type OAuthClientConfig } from '../../../src/oauth/index.js';
import { CLIENT_ID, CLIENT_SECRET, DOMAIN, fetchMock, json, NOW, oauthFailure } from './cognito-fetch.js';

/** Cognito's documented client-credentials answer: an access token only. */
const m2mAnswer = (n: number, expiresIn = 3600) =>
  json(200, { access_token: `m2m-access-token-${n}`, token_type: 'Bearer', expires_in: expiresIn });

function client(options: { expiresIn?: number; config?: Partial<OAuthClientConfig>; fail?: number[] } = {}) {
  const clock = { now: NOW };
  let issued = 0;
  const mock = fetchMock(async () => {
    issued += 1;
    // Answer on a later turn, so concurrent callers really overlap the request.
    await new Promise((resolve) => setTimeout(resolve, 5));
    return options.fail?.includes(issued)
      ? oauthFailure('server_error', 500)
      : m2mAnswer(issued, options.expiresIn);
  });
  const oauth = OAuthClient.create({
    domainPrefix: 'my-app',
    region: 'eu-west-1',
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    fetch: mock.fetch,
    now: () => clock.now,
    ...options.config,
  })._unsafeUnwrap();
  return { oauth, calls: mock.calls, clock };
}

describe('clientCredentials', () => {
  it('POSTs grant_type=client_credentials with the scopes, authenticated with HTTP Basic', async () => {
    const { oauth, calls } = client();
    const token = (
      await oauth.clientCredentials({ scopes: ['orders/write', 'orders/read'] })
    )._unsafeUnwrap();
    expect(token).toEqual({
      accessToken: 'm2m-access-token-1',
      tokenType: 'Bearer',
      expiresAt: NOW + 3_600_000,
      scopes: ['orders/read', 'orders/write'],
    });
    expect(calls[0]?.url.toString()).toBe(`${DOMAIN}/oauth2/token`);
    expect(calls[0]?.headers.get('authorization')).toBe(
      `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`,
    );
    expect(Object.fromEntries(calls[0]?.form ?? [])).toEqual({
      grant_type: 'client_credentials',
      scope: 'orders/read orders/write',
      client_id: CLIENT_ID,
    });
  });

  it('1,000 concurrent callers cost one token request, and all get the same token', async () => {
    const { oauth, calls } = client();
    const results = await Promise.all(
      Array.from({ length: 1000 }, () => oauth.clientCredentials({ scopes: ['orders/read'] })),
    );
    expect(calls).toHaveLength(1);
    expect(new Set(results.map((r) => r._unsafeUnwrap().accessToken))).toEqual(
      new Set(['m2m-access-token-1']),
    );
  });

  it('answers from the cache while the token is fresh, and asks again within the margin of expiry', async () => {
    const { oauth, calls, clock } = client();
    await oauth.clientCredentials({ scopes: ['orders/read'] });
    clock.now += 3_600_000 - 60_001; // just outside the default 60 s margin
    expect((await oauth.clientCredentials({ scopes: ['orders/read'] }))._unsafeUnwrap().accessToken).toBe(
      'm2m-access-token-1',
    );
    expect(calls).toHaveLength(1);
    clock.now += 2; // inside the margin
    expect((await oauth.clientCredentials({ scopes: ['orders/read'] }))._unsafeUnwrap().accessToken).toBe(
      'm2m-access-token-2',
    );
    expect(calls).toHaveLength(2);
  });

  it('renews a short-lived token at half its lifetime when the margin is longer', async () => {
    const { oauth, calls, clock } = client({ expiresIn: 60 });
    await oauth.clientCredentials();
    clock.now += 29_999;
    await oauth.clientCredentials();
    expect(calls).toHaveLength(1);
    clock.now += 2;
    await oauth.clientCredentials();
    expect(calls).toHaveLength(2);
  });

  it('honours a configured margin', async () => {
    const { oauth, calls, clock } = client({ config: { clientCredentialsMarginMs: 600_000 } });
    await oauth.clientCredentials();
    clock.now += 3_000_001; // 10 minutes before expiry
    await oauth.clientCredentials();
    expect(calls).toHaveLength(2);
  });

  it('caches per scope set, whatever the order and duplicates', async () => {
    const { oauth, calls } = client();
    const a = await oauth.clientCredentials({ scopes: ['orders/read', 'orders/write'] });
    const b = await oauth.clientCredentials({ scopes: ['orders/write', 'orders/read', 'orders/write'] });
    const c = await oauth.clientCredentials({ scopes: ['orders/read'] });
    const d = await oauth.clientCredentials();
    expect(a._unsafeUnwrap().accessToken).toBe(b._unsafeUnwrap().accessToken);
    expect(c._unsafeUnwrap().accessToken).not.toBe(a._unsafeUnwrap().accessToken);
    expect(d._unsafeUnwrap().scopes).toEqual([]);
    expect(calls.map((call) => call.form.get('scope'))).toEqual([
      'orders/read orders/write',
      'orders/read',
      null,
    ]);
  });

  it('reports the scopes the server granted when it says so', async () => {
    const mock = fetchMock(() =>
      json(200, { access_token: 't', token_type: 'Bearer', expires_in: 3600, scope: 'orders/read' }),
    );
    const oauth = OAuthClient.create({
      domain: 'auth.example.com',
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      fetch: mock.fetch,
    });
    const token = await oauth._unsafeUnwrap().clientCredentials({ scopes: ['orders/read', 'orders/admin'] });
    expect(token._unsafeUnwrap().scopes).toEqual(['orders/read']);
  });

  it('does not cache a failure: concurrent callers share it, the next call asks again', async () => {
    const { oauth, calls } = client({ fail: [1] });
    const failed = await Promise.all(Array.from({ length: 50 }, () => oauth.clientCredentials()));
    expect(calls).toHaveLength(1);
    expect(failed.every((r) => r.isErr() && r.error.type === 'OAuth' && r.error.retryable)).toBe(true);
    expect((await oauth.clientCredentials())._unsafeUnwrap().accessToken).toBe('m2m-access-token-2');
    expect(calls).toHaveLength(2);
  });

  it('asks again with forceRefresh, and after clearClientCredentials', async () => {
    const { oauth, calls } = client();
    await oauth.clientCredentials();
    expect((await oauth.clientCredentials({ forceRefresh: true }))._unsafeUnwrap().accessToken).toBe(
      'm2m-access-token-2',
    );
    oauth.clearClientCredentials();
    expect((await oauth.clientCredentials())._unsafeUnwrap().accessToken).toBe('m2m-access-token-3');
    expect(calls).toHaveLength(3);
  });

  it('reports a wrong secret as OAuth invalid_client', async () => {
    const mock = fetchMock(() => oauthFailure('invalid_client'));
    const oauth = OAuthClient.create({
      domain: 'auth.example.com',
      clientId: CLIENT_ID,
      clientSecret: 'wrong-secret',
      fetch: mock.fetch,
    });
    const error = (await oauth._unsafeUnwrap().clientCredentials())._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'OAuth', error: 'invalid_client' });
    expect(JSON.stringify(error) + error.message).not.toContain('wrong-secret');
  });

  it('reports an unknown or unallowed scope as OAuth invalid_scope', async () => {
    const mock = fetchMock(() => oauthFailure('invalid_scope'));
    const oauth = OAuthClient.create({
      domain: 'auth.example.com',
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      fetch: mock.fetch,
    });
    expect(
      (await oauth._unsafeUnwrap().clientCredentials({ scopes: ['nope/x'] }))._unsafeUnwrapErr(),
    ).toMatchObject({
      type: 'OAuth',
      error: 'invalid_scope',
    });
  });

  it('needs a client secret: InvalidConfig without a request', async () => {
    const { oauth, calls } = client({ config: { clientSecret: undefined } });
    const error = (await oauth.clientCredentials())._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'InvalidConfig', message: expect.stringContaining('secret') });
    expect(calls).toHaveLength(0);
  });

  it('refuses a malformed scope list with InvalidParameter, without a request', async () => {
    const { oauth, calls } = client();
    expect((await oauth.clientCredentials({ scopes: ['a b'] }))._unsafeUnwrapErr().type).toBe(
      'InvalidParameter',
    );
    expect((await oauth.clientCredentials({ scopes: 'a' as never }))._unsafeUnwrapErr().type).toBe(
      'InvalidParameter',
    );
    expect(calls).toHaveLength(0);
  });
});
