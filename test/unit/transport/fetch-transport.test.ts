import { describe, expect, it, vi } from 'vitest';
import type { UserPoolAuthOperations } from '../../../src/auth/user-pool-transport.js';
import type { IdentityPoolOperations } from '../../../src/identity/identity-transport.js';
import { type FetchTransportOptions, fetchTransport } from '../../../src/transport/fetch-transport.js';

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;

/** A stub `fetch` that records every request and answers with `handler`. */
function stubFetch(handler: Handler) {
  const calls: { url: string; init: RequestInit; headers: Headers; body: unknown }[] = [];
  const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    const request = init ?? {};
    calls.push({
      url: String(url),
      init: request,
      headers: new Headers(request.headers),
      body: JSON.parse(String(request.body)),
    });
    return handler(String(url), request);
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/x-amz-json-1.1', ...headers },
  });
}

function userPool(fetch: typeof globalThis.fetch, extra: Partial<FetchTransportOptions> = {}) {
  return fetchTransport<UserPoolAuthOperations>({
    service: 'cognito-idp',
    region: 'eu-west-1',
    fetch,
    retryBaseDelayMs: 0,
    ...extra,
  });
}

function identity(fetch: typeof globalThis.fetch, extra: Partial<FetchTransportOptions> = {}) {
  return fetchTransport<IdentityPoolOperations>({
    service: 'cognito-identity',
    region: 'eu-west-1',
    fetch,
    retryBaseDelayMs: 0,
    ...extra,
  });
}

const PASSWORD = 'Hunter2-Correct!';
const signInInput = {
  AuthFlow: 'USER_PASSWORD_AUTH' as const,
  ClientId: 'client1',
  AuthParameters: { USERNAME: 'alice', PASSWORD },
};

describe('fetchTransport: the request', () => {
  it('POSTs AWS JSON 1.1 to the regional user-pool endpoint with the operation in X-Amz-Target', async () => {
    const { fetch, calls } = stubFetch(() => json(200, { Session: 's' }));
    await userPool(fetch)('InitiateAuth', signInInput);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.url).toBe('https://cognito-idp.eu-west-1.amazonaws.com/');
    expect(call?.init.method).toBe('POST');
    expect(call?.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(call?.headers.get('x-amz-target')).toBe('AWSCognitoIdentityProviderService.InitiateAuth');
    expect(call?.body).toEqual(signInInput);
    expect(call?.init.signal).toBeInstanceOf(AbortSignal);
  });

  it('targets AWSCognitoIdentityService on the regional identity endpoint', async () => {
    const { fetch, calls } = stubFetch(() => json(200, { IdentityId: 'eu-west-1:abc' }));
    await identity(fetch)('GetId', { IdentityPoolId: 'eu-west-1:pool' });
    expect(calls[0]?.url).toBe('https://cognito-identity.eu-west-1.amazonaws.com/');
    expect(calls[0]?.headers.get('x-amz-target')).toBe('AWSCognitoIdentityService.GetId');
  });

  it('uses amazonaws.com.cn in the China regions, and a custom endpoint as given', async () => {
    const { fetch, calls } = stubFetch(() => json(200, {}));
    await userPool(fetch, { region: 'cn-north-1' })('GetUser', { AccessToken: 'token-1234' });
    await userPool(fetch, { endpoint: 'http://127.0.0.1:5000/' })('GetUser', { AccessToken: 'token-1234' });
    expect(calls.map((c) => c.url)).toEqual([
      'https://cognito-idp.cn-north-1.amazonaws.com.cn/',
      'http://127.0.0.1:5000/',
    ]);
  });

  it('uses globalThis.fetch, looked up at call time, when no fetch is given', async () => {
    const { fetch, calls } = stubFetch(() => json(200, {}));
    vi.stubGlobal('fetch', fetch);
    try {
      const transport = fetchTransport<UserPoolAuthOperations>({
        service: 'cognito-idp',
        region: 'eu-west-1',
      });
      expect((await transport('GetUser', { AccessToken: 'token-1234' })).isOk()).toBe(true);
      expect(calls).toHaveLength(1);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('fetchTransport: operations it refuses', () => {
  for (const operation of ['AdminInitiateAuth', 'AdminRespondToAuthChallenge'] as const) {
    it(`answers the signed ${operation} with InvalidConfig and sends nothing`, async () => {
      const { fetch } = stubFetch(() => json(200, {}));
      const error = (
        await userPool(fetch)(operation, {
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          ClientId: 'c',
          UserPoolId: 'p',
        } as never)
      )._unsafeUnwrapErr();
      expect(error.type).toBe('InvalidConfig');
      expect(error.message).toContain(operation);
      expect(error.message).toContain('SDK transport');
      expect(fetch).not.toHaveBeenCalled();
    });
  }

  for (const operation of ['GetOpenIdTokenForDeveloperIdentity', 'AssumeRoleWithWebIdentity'] as const) {
    it(`answers ${operation} (signed, or not a Cognito operation) with InvalidConfig and sends nothing`, async () => {
      const { fetch } = stubFetch(() => json(200, {}));
      const error = (await identity(fetch)(operation, {} as never))._unsafeUnwrapErr();
      expect(error.type).toBe('InvalidConfig');
      expect(fetch).not.toHaveBeenCalled();
    });
  }

  const invalid: [string, Partial<FetchTransportOptions>][] = [
    ['a malformed region', { region: 'Europe' }],
    ['an unknown service', { service: 'sts' as never }],
    ['an endpoint that is not a URL', { endpoint: 'not a url' }],
    ['a zero timeout', { timeoutMs: 0 }],
    ['a fractional maxAttempts', { maxAttempts: 1.5 }],
    ['a negative backoff', { retryBaseDelayMs: -1 }],
  ];
  for (const [label, extra] of invalid) {
    it(`returns InvalidConfig on every call, without throwing or sending, for ${label}`, async () => {
      const { fetch } = stubFetch(() => json(200, {}));
      const transport = userPool(fetch, extra);
      expect((await transport('GetUser', { AccessToken: 'token-1234' }))._unsafeUnwrapErr().type).toBe(
        'InvalidConfig',
      );
      expect(fetch).not.toHaveBeenCalled();
    });
  }
  it('returns InvalidConfig, without throwing, when untyped code passes no options at all', async () => {
    const transport = fetchTransport<UserPoolAuthOperations>(undefined as never);
    expect((await transport('GetUser', { AccessToken: 'token-1234' }))._unsafeUnwrapErr().type).toBe(
      'InvalidConfig',
    );
  });
});

describe('fetchTransport: answers', () => {
  it('returns the JSON body with $metadata (status, request id, attempts)', async () => {
    const { fetch } = stubFetch(() =>
      json(200, { AuthenticationResult: { AccessToken: 'a' } }, { 'x-amzn-RequestId': 'req-1' }),
    );
    const output = (await userPool(fetch)('InitiateAuth', signInInput))._unsafeUnwrap();
    expect(output).toEqual({
      AuthenticationResult: { AccessToken: 'a' },
      $metadata: { httpStatusCode: 200, requestId: 'req-1', attempts: 1, totalRetryDelay: 0 },
    });
  });

  it('reads an empty 200 body as an empty output', async () => {
    const { fetch } = stubFetch(() => new Response('', { status: 200 }));
    const output = (await userPool(fetch)('GlobalSignOut', { AccessToken: 'token-1234' }))._unsafeUnwrap();
    expect(output.$metadata.httpStatusCode).toBe(200);
  });

  it('turns identity credentials Expiration (epoch seconds) into a Date, as the SDK does', async () => {
    const { fetch } = stubFetch(() =>
      json(200, {
        IdentityId: 'eu-west-1:abc',
        Credentials: {
          AccessKeyId: 'AKIA',
          SecretKey: 'secret',
          SessionToken: 'tok',
          Expiration: 1_700_000_000.5,
        },
      }),
    );
    const output = (
      await identity(fetch)('GetCredentialsForIdentity', { IdentityId: 'eu-west-1:abc' })
    )._unsafeUnwrap();
    expect(output.Credentials?.Expiration).toBeInstanceOf(Date);
    expect(output.Credentials?.Expiration?.getTime()).toBe(1_700_000_000_500);
  });

  it('turns device dates and passkey CreatedAt into Dates, leaving other numbers alone', async () => {
    const { fetch } = stubFetch((_, init) =>
      new Headers(init.headers).get('x-amz-target')?.endsWith('ListDevices')
        ? json(200, {
            Devices: [
              {
                DeviceKey: 'eu-west-1_d',
                DeviceCreateDate: 1_700_000_000,
                DeviceLastModifiedDate: '1700000100',
                DeviceLastAuthenticatedDate: 1_700_000_200,
              },
            ],
          })
        : json(200, { Credentials: [{ CredentialId: 'c1', CreatedAt: 1_700_000_300 }], Count: 5 }),
    );
    const devices = (await userPool(fetch)('ListDevices', { AccessToken: 'token-1234' }))._unsafeUnwrap();
    const device = devices.Devices?.[0];
    expect(device?.DeviceCreateDate?.getTime()).toBe(1_700_000_000_000);
    expect(device?.DeviceLastModifiedDate?.getTime()).toBe(1_700_000_100_000);
    expect(device?.DeviceLastAuthenticatedDate?.getTime()).toBe(1_700_000_200_000);
    const passkeys = (
      await userPool(fetch)('ListWebAuthnCredentials', { AccessToken: 'token-1234' })
    )._unsafeUnwrap();
    expect(passkeys.Credentials?.[0]?.CreatedAt).toEqual(new Date(1_700_000_300_000));
    expect((passkeys as unknown as { Count: unknown }).Count).toBe(5);
  });
});

describe('fetchTransport: errors', () => {
  it('maps __type with a namespace prefix to the typed error, with message and request id, and does not retry', async () => {
    const { fetch } = stubFetch(() =>
      json(
        400,
        {
          __type: 'com.amazonaws.cognito#NotAuthorizedException',
          message: 'Incorrect username or password.',
        },
        { 'x-amzn-RequestId': 'req-2' },
      ),
    );
    const error = (await userPool(fetch)('InitiateAuth', signInInput))._unsafeUnwrapErr();
    expect(error).toMatchObject({
      type: 'NotAuthorized',
      message: 'Incorrect username or password.',
      requestId: 'req-2',
      retryable: false,
    });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('reads the error type from x-amzn-ErrorType when the body has none, and Message with a capital M', async () => {
    const { fetch } = stubFetch(() =>
      json(
        400,
        { Message: 'User does not exist.' },
        { 'x-amzn-ErrorType': 'UserNotFoundException:http://internal/' },
      ),
    );
    const error = (await userPool(fetch)('InitiateAuth', signInInput))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'UserNotFound', message: 'User does not exist.' });
  });

  it('keeps the SDK-shaped cause ($fault, $metadata) that session refresh reads', async () => {
    const { fetch } = stubFetch(() => json(500, { __type: 'InternalErrorException', message: 'boom' }));
    const error = (await userPool(fetch, { maxAttempts: 1 })('InitiateAuth', signInInput))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'Internal', retryable: true });
    expect(error.cause).toMatchObject({
      name: 'InternalErrorException',
      $fault: 'server',
      $metadata: { httpStatusCode: 500 },
    });
  });

  it('turns an HTML 500 page into a retryable Unexpected error naming the status, retried up to maxAttempts', async () => {
    const { fetch } = stubFetch(
      () =>
        new Response('<html><body>Internal Server Error</body></html>', {
          status: 500,
          headers: { 'content-type': 'text/html' },
        }),
    );
    const error = (await userPool(fetch)('InitiateAuth', signInInput))._unsafeUnwrapErr();
    expect(error.type).toBe('Unexpected');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('HTTP 500');
    expect(error.message).toContain('text/html');
    expect((error.cause as { $fault?: unknown }).$fault).toBeUndefined();
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('turns a non-JSON 200 answer into a non-retryable Unexpected error, sent once', async () => {
    const { fetch } = stubFetch(
      () => new Response('OK', { status: 200, headers: { 'content-type': 'text/plain' } }),
    );
    const error = (await userPool(fetch)('InitiateAuth', signInInput))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'Unexpected', retryable: false });
    expect(error.message).toContain('HTTP 200');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("turns fetch's TypeError (network failure) into a retryable Network error after maxAttempts tries", async () => {
    const { fetch } = stubFetch(() => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }),
      });
    });
    const error = (await userPool(fetch, { maxAttempts: 4 })('InitiateAuth', signInInput))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'Network', retryable: true });
    expect(fetch).toHaveBeenCalledTimes(4);
  });

  it('bounds each attempt by timeoutMs, even when fetch ignores the signal, and reports Network', async () => {
    const fetch = vi.fn(() => new Promise<Response>(() => {})) as unknown as typeof globalThis.fetch;
    const started = Date.now();
    const error = (
      await userPool(fetch, { timeoutMs: 30, maxAttempts: 2 })('InitiateAuth', signInInput)
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'Network', retryable: true });
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('retries throttling until it succeeds, within maxAttempts', async () => {
    let n = 0;
    const { fetch } = stubFetch(() => {
      n += 1;
      return n < 3
        ? json(400, { __type: 'TooManyRequestsException', message: 'Rate exceeded' })
        : json(200, { Session: 'ok' });
    });
    const output = (await userPool(fetch)('InitiateAuth', signInInput))._unsafeUnwrap();
    expect(output.Session).toBe('ok');
    expect(output.$metadata.attempts).toBe(3);
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('gives up on a 503 after maxAttempts and returns the last error', async () => {
    const { fetch } = stubFetch(() => json(503, { __type: 'ServiceUnavailable', message: 'try later' }));
    const error = (await userPool(fetch, { maxAttempts: 2 })('InitiateAuth', signInInput))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'Unexpected', retryable: true });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  for (const name of [
    'NotAuthorizedException',
    'TooManyFailedAttemptsException',
    'LimitExceededException',
    'InvalidParameterException',
  ]) {
    it(`never retries ${name}`, async () => {
      const { fetch } = stubFetch(() => json(400, { __type: name, message: 'no' }));
      (await userPool(fetch, { maxAttempts: 5 })('InitiateAuth', signInInput))._unsafeUnwrapErr();
      expect(fetch).toHaveBeenCalledTimes(1);
    });
  }

  it('waits between retries with backoff when retryBaseDelayMs is set', async () => {
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.999);
    try {
      const { fetch } = stubFetch(() => json(400, { __type: 'ThrottlingException', message: 'slow down' }));
      const started = Date.now();
      (await userPool(fetch, { retryBaseDelayMs: 40 })('InitiateAuth', signInInput))._unsafeUnwrapErr();
      // 39 ms after the first attempt, 79 ms after the second.
      expect(Date.now() - started).toBeGreaterThanOrEqual(110);
      expect(fetch).toHaveBeenCalledTimes(3);
    } finally {
      random.mockRestore();
    }
  });

  it('redacts the call secrets from the error message', async () => {
    const { fetch } = stubFetch(() =>
      json(400, {
        __type: 'InvalidParameterException',
        message: `bad password ${PASSWORD} for session sess-secret-1`,
      }),
    );
    const error = (
      await userPool(fetch)('InitiateAuth', signInInput, { secrets: [PASSWORD, 'sess-secret-1'] })
    )._unsafeUnwrapErr();
    expect(error.type).toBe('InvalidParameter');
    expect(error.message).toBe('bad password [REDACTED] for session [REDACTED]');
    expect(JSON.stringify(error)).not.toContain(PASSWORD);
  });

  it('turns an input that cannot be serialised into Unexpected without a request', async () => {
    const { fetch } = stubFetch(() => json(200, {}));
    const error = (await userPool(fetch)('GetUser', { AccessToken: 1n } as never))._unsafeUnwrapErr();
    expect(error.type).toBe('Unexpected');
    expect(fetch).not.toHaveBeenCalled();
  });
});
