import { describe, expect, it } from 'vitest';
import { OAuthClient, type OAuthClientConfig } from '../../../src/oauth/index.js';
import { acceptAnyIdToken, CLIENT_ID, fetchMock, json, NOW, REDIRECT } from './cognito-fetch.js';

const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
/** A secret with characters that URL- and form-encoding change, so every spelling differs. */
const SECRET = 'se/cr+et 1=x&y~abcdefghijklmnop';

function client(config: Partial<OAuthClientConfig> = {}, handler = (_r: unknown) => json(200, {})) {
  const mock = fetchMock((request) => handler(request));
  return OAuthClient.create({
    domainPrefix: 'my-app',
    region: 'eu-west-1',
    clientId: CLIENT_ID,
    clientSecret: SECRET,
    redirectUris: [REDIRECT],
    fetch: mock.fetch,
    now: () => NOW,
    idTokenVerifier: acceptAnyIdToken,
    ...config,
  })._unsafeUnwrap();
}

describe('a token endpoint that echoes the request never leaks the client secret', () => {
  it('every encoding of the secret (raw, URL-, form-encoded, Basic base64/base64url) is redacted from the message', async () => {
    const echo = (request: unknown) => {
      const r = request as { headers: Headers; form: URLSearchParams };
      const authorization = r.headers.get('authorization') ?? '';
      const b64 = authorization.replace(/^Basic /, '');
      const echoed = [
        authorization,
        b64.replace(/=+$/, ''),
        b64.replace(/\+/g, '-').replace(/\//g, '_'),
        Buffer.from(`${CLIENT_ID}:${SECRET}`).toString('base64'),
        SECRET,
        encodeURIComponent(SECRET),
        new URLSearchParams({ s: SECRET }).toString(),
      ].join(' | ');
      return json(400, { error: 'invalid_client', error_description: `Bad credentials: ${echoed}` });
    };
    const error = (
      await client({}, echo).exchangeCode({ code: 'c0de', codeVerifier: VERIFIER })
    )._unsafeUnwrapErr();
    expect(error.type).toBe('OAuth');
    const text = `${error.message} ${JSON.stringify(error)}`;
    const basic = Buffer.from(
      `${encodeURIComponent(CLIENT_ID)}:${new URLSearchParams({ s: SECRET }).toString().slice(2)}`,
    ).toString('base64');
    for (const spelling of [
      SECRET,
      encodeURIComponent(SECRET),
      new URLSearchParams({ s: SECRET }).toString().slice(2),
      basic,
      basic.replace(/=+$/, ''),
      Buffer.from(`${CLIENT_ID}:${SECRET}`).toString('base64'),
    ]) {
      expect(text).not.toContain(spelling);
    }
    expect(text).toContain('[REDACTED]');
  });
});

describe('error_description is untrusted', () => {
  it("a redirect's error_description is cut to 200 characters, stripped of control characters, and quoted as untrusted", async () => {
    const description = `Please call +1-555-0100 now\r\nSet-Cookie: x=1 ${'A'.repeat(5_000)}`;
    const callback = `${REDIRECT}?error=access_denied&error_description=${encodeURIComponent(description)}`;
    const request = (await client().authorizeUrl())._unsafeUnwrap();
    const error = (await client().completeAuthorization(callback, request))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'OAuth', error: 'access_denied' });
    const kept = (error as { description?: string }).description ?? '';
    expect(kept.length).toBeLessThanOrEqual(201);
    expect(kept).not.toMatch(/[\r\n]/);
    expect(error.message).toContain('untrusted error_description');
    expect(error.message.length).toBeLessThan(400);
  });

  it("a server's error_description is cut and quoted the same way", async () => {
    const long = json(400, { error: 'invalid_grant', error_description: `x\n${'B'.repeat(10_000)}` });
    const error = (
      await client({}, () => long).exchangeCode({ code: 'c0de', codeVerifier: VERIFIER })
    )._unsafeUnwrapErr();
    expect(error.message.length).toBeLessThan(400);
    expect(error.message).toContain('untrusted error_description');
    expect(error.message).not.toContain('\n');
  });
});

describe('redirect and logout URIs without configured lists', () => {
  const open = () => client({ redirectUris: [], logoutUris: [] });

  it.each([
    'javascript:alert(document.cookie)//',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'http://evil.example/callback',
    'ftp://files.example/cb',
  ])('authorizeUrl and logoutUrl refuse %s (InvalidParameter)', async (uri) => {
    const started = await open().authorizeUrl({ redirectUri: uri });
    expect(started._unsafeUnwrapErr()).toMatchObject({
      type: 'InvalidParameter',
      message: expect.stringMatching(/must be https/),
    });
    const logout = open().logoutUrl({ logoutUri: uri });
    expect(logout._unsafeUnwrapErr().type).toBe('InvalidParameter');
  });

  it.each([
    'https://app.example.com/cb',
    'http://localhost:3000/cb',
    'http://127.0.0.1:8080/cb',
    'http://[::1]:8080/cb',
  ])('accepts %s', async (uri) => {
    expect((await open().authorizeUrl({ redirectUri: uri })).isOk()).toBe(true);
    expect(open().logoutUrl({ logoutUri: uri }).isOk()).toBe(true);
  });

  it('a configured list still allows its own custom scheme (native apps)', async () => {
    const native = client({ redirectUris: ['myapp://callback'] });
    expect((await native.authorizeUrl({ redirectUri: 'myapp://callback' })).isOk()).toBe(true);
  });
});
