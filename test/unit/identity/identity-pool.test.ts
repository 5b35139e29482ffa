import {
  CognitoIdentityClient,
  ExternalServiceException,
  GetCredentialsForIdentityCommand,
  type GetCredentialsForIdentityCommandInput,
  type GetCredentialsForIdentityCommandOutput,
  GetIdCommand,
  type GetIdCommandInput,
  NotAuthorizedException,
  ResourceNotFoundException,
  TooManyRequestsException,
} from '@aws-sdk/client-cognito-identity';
import { CodeMismatchException } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import type { Result } from 'neverthrow';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type AwsCredentials,
  type IdentityError,
  type IdentityIdStore,
  IdentityPool,
  type IdentityPoolConfig,
  memoryIdentityIdStore,
} from '../../../src/identity/index.js';

const POOL_ID = 'us-east-1:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d';
const USER_POOL_ID = 'us-east-1_AbC123';
const ISS = `https://cognito-idp.us-east-1.amazonaws.com/${USER_POOL_ID}`;
const LOGINS_KEY = `cognito-idp.us-east-1.amazonaws.com/${USER_POOL_ID}`;
const ALICE_SUB = 'aaaaaaaa-1111-2222-3333-444444444444';
const BOB_SUB = 'bbbbbbbb-5555-6666-7777-888888888888';
const ALICE_IDENTITY = 'us-east-1:11111111-aaaa-bbbb-cccc-000000000001';
const BOB_IDENTITY = 'us-east-1:22222222-aaaa-bbbb-cccc-000000000002';
const T0 = Date.UTC(2025, 0, 15, 12, 0, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const b64url = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

/** A JWT shaped like a Cognito ID token (header, payload, fake signature). */
function idToken(overrides: Record<string, unknown> = {}): string {
  const header = { kid: 'abcdefghijklmnopqrsexample=', alg: 'RS256' };
  const payload = {
    sub: ALICE_SUB,
    aud: '1example23456789abcdefghij',
    email_verified: true,
    token_use: 'id',
    auth_time: Math.floor(T0 / 1000),
    iss: ISS,
    'cognito:username': 'alice',
    exp: Math.floor(T0 / 1000) + 3600,
    iat: Math.floor(T0 / 1000),
    jti: 'f0e1d2c3-b4a5-9687-7869-5a4b3c2d1e0f',
    email: 'alice@example.com',
    ...overrides,
  };
  return `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${b64url('fake-signature-bytes')}`;
}

const ALICE_TOKEN = idToken();
const ALICE_PAYLOAD = ALICE_TOKEN.split('.')[1] ?? 'missing-payload';
const BOB_TOKEN = idToken({ sub: BOB_SUB, 'cognito:username': 'bob', email: 'bob@example.com' });

let credentialCounter = 0;

/** A GetCredentialsForIdentity answer for `identityId`, valid for `lifetimeMs` from `from`. */
function credentialsAnswer(
  identityId: string,
  from: number,
  lifetimeMs = HOUR,
): Partial<GetCredentialsForIdentityCommandOutput> {
  credentialCounter += 1;
  return {
    IdentityId: identityId,
    Credentials: {
      AccessKeyId: `ASIAEXAMPLE${credentialCounter}`,
      SecretKey: `secret-key-${credentialCounter}`,
      SessionToken: `session-token-${credentialCounter}`,
      Expiration: new Date(from + lifetimeMs),
    },
  };
}

const cognito = mockClient(CognitoIdentityClient);

/** A controllable clock for `now`. */
function clock(start = T0): { now: () => number; advance: (ms: number) => void } {
  let current = start;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
  };
}

/**
 * Requests are counted from a mark rather than with `cognito.resetHistory()`, which would also restart
 * the `resolvesOnce`/`rejectsOnce` sequences.
 */
let mark = 0;

function markRequests(): void {
  mark = sent().length;
}

/** The commands sent since the last mark. */
function sent(): unknown[] {
  return cognito
    .calls()
    .slice(mark)
    .map((call) => call.args[0]);
}

function getIdInputs(): GetIdCommandInput[] {
  return sent().flatMap((command) => (command instanceof GetIdCommand ? [command.input] : []));
}

function credentialInputs(): GetCredentialsForIdentityCommandInput[] {
  return sent().flatMap((command) =>
    command instanceof GetCredentialsForIdentityCommand ? [command.input] : [],
  );
}

function requestCount(): { getId: number; getCredentials: number; total: number } {
  return { getId: getIdInputs().length, getCredentials: credentialInputs().length, total: sent().length };
}

function makePool(extra: Partial<IdentityPoolConfig> = {}): IdentityPool {
  return IdentityPool.create({
    identityPoolId: POOL_ID,
    client: new CognitoIdentityClient({ region: 'us-east-1' }),
    ...extra,
  })._unsafeUnwrap();
}

function expectErr<T>(result: Result<T, IdentityError>): IdentityError {
  expect(result.isErr()).toBe(true);
  if (result.isOk()) throw new Error('expected an Err');
  return result.error;
}

function expectOk(result: Result<AwsCredentials, IdentityError>): AwsCredentials {
  if (result.isErr()) throw new Error(`expected Ok, got ${result.error.type}: ${result.error.message}`);
  return result.value;
}

beforeEach(() => {
  cognito.reset();
  mark = 0;
});

describe('IdentityPool.getCredentials', () => {
  it('sends GetId then GetCredentialsForIdentity with the user-pool Logins and returns the credentials', async () => {
    const time = clock();
    cognito.on(GetIdCommand).resolves({ IdentityId: ALICE_IDENTITY });
    cognito.on(GetCredentialsForIdentityCommand).resolves({
      IdentityId: ALICE_IDENTITY,
      Credentials: {
        AccessKeyId: 'ASIAALICE',
        SecretKey: 'alice-secret',
        SessionToken: 'alice-session',
        Expiration: new Date(T0 + HOUR),
      },
    });
    const pool = makePool({ now: time.now });

    const creds = expectOk(await pool.getCredentials({ idToken: ALICE_TOKEN }));

    expect(creds).toEqual({
      accessKeyId: 'ASIAALICE',
      secretAccessKey: 'alice-secret',
      sessionToken: 'alice-session',
      expiration: new Date(T0 + HOUR),
      identityId: ALICE_IDENTITY,
    });
    expect(creds.expiration).toBeInstanceOf(Date);
    const getId = cognito.commandCalls(GetIdCommand);
    const getCreds = cognito.commandCalls(GetCredentialsForIdentityCommand);
    expect(getId).toHaveLength(1);
    expect(getCreds).toHaveLength(1);
    expect(getId[0]?.args[0].input).toEqual({
      IdentityPoolId: POOL_ID,
      Logins: { [LOGINS_KEY]: ALICE_TOKEN },
    });
    expect(getCreds[0]?.args[0].input).toEqual({
      IdentityId: ALICE_IDENTITY,
      Logins: { [LOGINS_KEY]: ALICE_TOKEN },
    });
    // GetId is sent before GetCredentialsForIdentity.
    expect(cognito.call(0).args[0]).toBeInstanceOf(GetIdCommand);
    expect(cognito.call(1).args[0]).toBeInstanceOf(GetCredentialsForIdentityCommand);
  });

  it('works with a client it creates itself (region from the identity pool id)', async () => {
    const time = clock();
    cognito.on(GetIdCommand).resolves({ IdentityId: ALICE_IDENTITY });
    cognito.on(GetCredentialsForIdentityCommand).resolves(credentialsAnswer(ALICE_IDENTITY, T0));
    const pool = IdentityPool.create({ identityPoolId: POOL_ID, now: time.now })._unsafeUnwrap();

    const creds = expectOk(await pool.getCredentials({ idToken: ALICE_TOKEN }));

    expect(creds.identityId).toBe(ALICE_IDENTITY);
    expect(requestCount()).toEqual({ getId: 1, getCredentials: 1, total: 2 });
  });

  it('makes no request on a second call while the cached credentials are fresh', async () => {
    const time = clock();
    cognito.on(GetIdCommand).resolves({ IdentityId: ALICE_IDENTITY });
    cognito.on(GetCredentialsForIdentityCommand).resolves(credentialsAnswer(ALICE_IDENTITY, T0));
    const pool = makePool({ now: time.now });

    const first = expectOk(await pool.getCredentials({ idToken: ALICE_TOKEN }));
    markRequests();
    time.advance(10 * MINUTE);
    const second = expectOk(await pool.getCredentials({ idToken: ALICE_TOKEN }));

    expect(sent()).toHaveLength(0);
    expect(second).toEqual(first);
  });

  it('near expiry makes exactly one request (GetCredentialsForIdentity with the remembered identity id)', async () => {
    const time = clock();
    cognito.on(GetIdCommand).resolves({ IdentityId: ALICE_IDENTITY });
    cognito
      .on(GetCredentialsForIdentityCommand)
      .resolvesOnce(credentialsAnswer(ALICE_IDENTITY, T0))
      .resolves(credentialsAnswer(ALICE_IDENTITY, T0 + 56 * MINUTE));
    const pool = makePool({ now: time.now });
    const first = expectOk(await pool.getCredentials({ idToken: ALICE_TOKEN }));

    // One-hour credentials with the default 5-minute margin: still fresh at +54 min.
    markRequests();
    time.advance(54 * MINUTE);
    expectOk(await pool.getCredentials({ idToken: ALICE_TOKEN }));
    expect(sent()).toHaveLength(0);

    // At +56 min they are within the margin: refreshed with a single request.
    time.advance(2 * MINUTE);
    const refreshed = expectOk(await pool.getCredentials({ idToken: ALICE_TOKEN }));
    expect(requestCount()).toEqual({ getId: 0, getCredentials: 1, total: 1 });
    expect(credentialInputs()[0]).toEqual({
      IdentityId: ALICE_IDENTITY,
      Logins: { [LOGINS_KEY]: ALICE_TOKEN },
    });
    expect(refreshed.accessKeyId).not.toBe(first.accessKeyId);
    expect(refreshed.expiration.getTime()).toBe(T0 + 56 * MINUTE + HOUR);
  });

  it('caps the refresh margin at half the lifetime: 90 s credentials are cached for 45 s', async () => {
    const time = clock();
    cognito.on(GetIdCommand).resolves({ IdentityId: ALICE_IDENTITY });
    cognito
      .on(GetCredentialsForIdentityCommand)
      .resolvesOnce(credentialsAnswer(ALICE_IDENTITY, T0, 90_000))
      .resolves(credentialsAnswer(ALICE_IDENTITY, T0 + 46_000, 90_000));
    const pool = makePool({ now: time.now });
    expectOk(await pool.getCredentials({ idToken: ALICE_TOKEN }));
    markRequests();

    time.advance(44_000);
    expectOk(await pool.getCredentials({ idToken: ALICE_TOKEN }));
    expect(sent()).toHaveLength(0);

    time.advance(2_000);
    expectOk(await pool.getCredentials({ idToken: ALICE_TOKEN }));
    expect(requestCount()).toEqual({ getId: 0, getCredentials: 1, total: 1 });
  });

  it('honours a custom refreshMargin', async () => {
    const time = clock();
    cognito.on(GetIdCommand).resolves({ IdentityId: ALICE_IDENTITY });
    cognito.on(GetCredentialsForIdentityCommand).resolves(credentialsAnswer(ALICE_IDENTITY, T0));
    const pool = makePool({ now: time.now, refreshMargin: 20 * MINUTE });
    expectOk(await pool.getCredentials({ idToken: ALICE_TOKEN }));
    markRequests();

    time.advance(39 * MINUTE);
    expectOk(await pool.getCredentials({ idToken: ALICE_TOKEN }));
    expect(sent()).toHaveLength(0);

    time.advance(2 * MINUTE);
    expectOk(await pool.getCredentials({ idToken: ALICE_TOKEN }));
    expect(requestCount().getCredentials).toBe(1);
  });

  it('gives two different users separate identity ids and credentials', async () => {
    const time = clock();
    cognito
      .on(GetIdCommand, { Logins: { [LOGINS_KEY]: ALICE_TOKEN } })
      .resolves({ IdentityId: ALICE_IDENTITY });
    cognito.on(GetIdCommand, { Logins: { [LOGINS_KEY]: BOB_TOKEN } }).resolves({ IdentityId: BOB_IDENTITY });
    cognito
      .on(GetCredentialsForIdentityCommand, { IdentityId: ALICE_IDENTITY })
      .resolves(credentialsAnswer(ALICE_IDENTITY, T0));
    cognito
      .on(GetCredentialsForIdentityCommand, { IdentityId: BOB_IDENTITY })
      .resolves(credentialsAnswer(BOB_IDENTITY, T0));
    const pool = makePool({ now: time.now });

    const alice = expectOk(await pool.getCredentials({ idToken: ALICE_TOKEN }));
    const bob = expectOk(await pool.getCredentials({ idToken: BOB_TOKEN }));

    expect(alice.identityId).toBe(ALICE_IDENTITY);
    expect(bob.identityId).toBe(BOB_IDENTITY);
    expect(bob.accessKeyId).not.toBe(alice.accessKeyId);
    // Bob was not served Alice's cached credentials: his own GetId and GetCredentialsForIdentity were sent.
    expect(requestCount()).toEqual({ getId: 2, getCredentials: 2, total: 4 });
    const sentIdentityIds = credentialInputs().map((input) => input.IdentityId);
    expect(sentIdentityIds).toEqual([ALICE_IDENTITY, BOB_IDENTITY]);
    expect(credentialInputs()[1]?.Logins).toEqual({
      [LOGINS_KEY]: BOB_TOKEN,
    });

    // Both are now cached independently.
    markRequests();
    expect(expectOk(await pool.getCredentials({ idToken: ALICE_TOKEN })).identityId).toBe(ALICE_IDENTITY);
    expect(expectOk(await pool.getCredentials({ idToken: BOB_TOKEN })).identityId).toBe(BOB_IDENTITY);
    expect(sent()).toHaveLength(0);
  });

  it('does not serve cached credentials to a token with the same sub but a forged signature', async () => {
    // The ID token is only decoded here; Cognito verifies it when it is exchanged. A token copying Alice's
    // issuer and sub (a sub is not a secret) with a forged signature must reach Cognito, not Alice's cache.
    const time = clock();
    const forged = `${ALICE_TOKEN.split('.').slice(0, 2).join('.')}.${b64url('attacker-signature')}`;
    const rejected = new NotAuthorizedException({ message: 'Invalid login token.', $metadata: {} });
    cognito.on(GetIdCommand).resolves({ IdentityId: ALICE_IDENTITY });
    cognito.on(GetCredentialsForIdentityCommand).resolves(credentialsAnswer(ALICE_IDENTITY, T0));
    cognito.on(GetIdCommand, { Logins: { [LOGINS_KEY]: forged } }).rejects(rejected);
    cognito.on(GetCredentialsForIdentityCommand, { Logins: { [LOGINS_KEY]: forged } }).rejects(rejected);
    const pool = makePool({ now: time.now });
    const alice = expectOk(await pool.getCredentials({ idToken: ALICE_TOKEN }));
    markRequests();

    const result = await pool.getCredentials({ idToken: forged });

    expect(result.isOk() && result.value.secretAccessKey === alice.secretAccessKey).toBe(false);
    expect(sent().length).toBeGreaterThan(0);
    expect(expectErr(result).type).toBe('NotAuthorized');
  });

  it('exchanges a new ID token of the same user with one request, reusing the remembered identity id', async () => {
    const time = clock();
    const renewed = idToken({ iat: Math.floor(T0 / 1000) + 600, exp: Math.floor(T0 / 1000) + 4200 });
    cognito.on(GetIdCommand).resolves({ IdentityId: ALICE_IDENTITY });
    cognito.on(GetCredentialsForIdentityCommand).resolves(credentialsAnswer(ALICE_IDENTITY, T0));
    const pool = makePool({ now: time.now });
    expectOk(await pool.getCredentials({ idToken: ALICE_TOKEN }));
    markRequests();

    time.advance(10 * MINUTE);
    const creds = expectOk(await pool.getCredentials({ idToken: renewed }));

    expect(creds.identityId).toBe(ALICE_IDENTITY);
    expect(requestCount()).toEqual({ getId: 0, getCredentials: 1, total: 1 });
    expect(credentialInputs()[0]).toEqual({ IdentityId: ALICE_IDENTITY, Logins: { [LOGINS_KEY]: renewed } });
  });

  it('makes exactly one GetId and one GetCredentialsForIdentity for 5 concurrent calls for the same user', async () => {
    const time = clock();
    cognito.on(GetIdCommand).resolves({ IdentityId: ALICE_IDENTITY });
    cognito.on(GetCredentialsForIdentityCommand).resolves(credentialsAnswer(ALICE_IDENTITY, T0));
    const pool = makePool({ now: time.now });

    const results = await Promise.all(
      Array.from({ length: 5 }, () => pool.getCredentials({ idToken: ALICE_TOKEN })),
    );

    expect(requestCount()).toEqual({ getId: 1, getCredentials: 1, total: 2 });
    const values = results.map(expectOk);
    for (const value of values) expect(value).toEqual(values[0]);
  });

  it('reports a failed fetch to all concurrent callers, and a later call retries', async () => {
    const time = clock();
    cognito
      .on(GetIdCommand)
      .rejectsOnce(new TooManyRequestsException({ message: 'Rate exceeded', $metadata: {} }))
      .resolves({ IdentityId: ALICE_IDENTITY });
    cognito.on(GetCredentialsForIdentityCommand).resolves(credentialsAnswer(ALICE_IDENTITY, T0));
    const pool = makePool({ now: time.now });

    const results = await Promise.all(
      Array.from({ length: 3 }, () => pool.getCredentials({ idToken: ALICE_TOKEN })),
    );

    expect(results.map((r) => expectErr(r).type)).toEqual([
      'TooManyRequests',
      'TooManyRequests',
      'TooManyRequests',
    ]);
    expect(requestCount()).toEqual({ getId: 1, getCredentials: 0, total: 1 });

    const later = expectOk(await pool.getCredentials({ idToken: ALICE_TOKEN }));
    expect(later.identityId).toBe(ALICE_IDENTITY);
    expect(requestCount()).toEqual({ getId: 2, getCredentials: 1, total: 3 });
  });

  it('evicts a remembered identity that Cognito reports as not found and calls GetId again (one retry)', async () => {
    const time = clock();
    const newIdentity = 'us-east-1:33333333-aaaa-bbbb-cccc-000000000003';
    cognito
      .on(GetIdCommand)
      .resolvesOnce({ IdentityId: ALICE_IDENTITY })
      .resolves({ IdentityId: newIdentity });
    cognito
      .on(GetCredentialsForIdentityCommand, { IdentityId: ALICE_IDENTITY })
      .resolvesOnce(credentialsAnswer(ALICE_IDENTITY, T0))
      .rejects(new ResourceNotFoundException({ message: 'Identity not found', $metadata: {} }));
    cognito
      .on(GetCredentialsForIdentityCommand, { IdentityId: newIdentity })
      .resolves(credentialsAnswer(newIdentity, T0 + HOUR));
    const store = memoryIdentityIdStore();
    const pool = makePool({ now: time.now, identityIdStore: store });
    expectOk(await pool.getCredentials({ idToken: ALICE_TOKEN }));
    markRequests();

    time.advance(HOUR);
    const creds = expectOk(await pool.getCredentials({ idToken: ALICE_TOKEN }));

    expect(creds.identityId).toBe(newIdentity);
    const commands = sent();
    expect(commands).toHaveLength(3);
    expect(commands[0]).toBeInstanceOf(GetCredentialsForIdentityCommand);
    expect(commands[1]).toBeInstanceOf(GetIdCommand);
    expect(commands[2]).toBeInstanceOf(GetCredentialsForIdentityCommand);
    expect(credentialInputs().map((input) => input.IdentityId)).toEqual([ALICE_IDENTITY, newIdentity]);
    expect(getIdInputs()[0]).toEqual({
      IdentityPoolId: POOL_ID,
      Logins: { [LOGINS_KEY]: ALICE_TOKEN },
    });
    // The new identity is what is remembered now.
    expect(store.get(`${LOGINS_KEY}#${ALICE_SUB}`)).toBe(newIdentity);
  });

  it('retries only once when the fresh identity is also reported as not found', async () => {
    const time = clock();
    const store: IdentityIdStore = memoryIdentityIdStore();
    store.set(`${LOGINS_KEY}#${ALICE_SUB}`, ALICE_IDENTITY);
    cognito.on(GetIdCommand).resolves({ IdentityId: 'us-east-1:44444444-aaaa-bbbb-cccc-000000000004' });
    cognito
      .on(GetCredentialsForIdentityCommand)
      .rejects(new ResourceNotFoundException({ message: 'Identity not found', $metadata: {} }));
    const pool = makePool({ now: time.now, identityIdStore: store });

    const result = await pool.getCredentials({ idToken: ALICE_TOKEN });

    expect(expectErr(result).type).toBe('ResourceNotFound');
    expect(requestCount()).toEqual({ getId: 1, getCredentials: 2, total: 3 });
  });

  it('returns Err ResourceNotFound when the identity was not remembered (no retry)', async () => {
    cognito.on(GetIdCommand).resolves({ IdentityId: ALICE_IDENTITY });
    cognito
      .on(GetCredentialsForIdentityCommand)
      .rejects(new ResourceNotFoundException({ message: 'Identity not found', $metadata: {} }));
    const pool = makePool({ now: clock().now });

    const error = expectErr(await pool.getCredentials({ idToken: ALICE_TOKEN }));

    expect(error.type).toBe('ResourceNotFound');
    expect(error.retryable).toBe(false);
    expect(requestCount()).toEqual({ getId: 1, getCredentials: 1, total: 2 });
  });

  it('returns Err ResourceNotFound when GetId reports the identity pool as missing', async () => {
    cognito
      .on(GetIdCommand)
      .rejects(new ResourceNotFoundException({ message: 'IdentityPool not found', $metadata: {} }));
    const pool = makePool({ now: clock().now });

    const error = expectErr(await pool.getCredentials({ idToken: ALICE_TOKEN }));

    expect(error.type).toBe('ResourceNotFound');
    expect(requestCount()).toEqual({ getId: 1, getCredentials: 0, total: 1 });
  });

  it('maps NotAuthorizedException to NotAuthorized (with the request id)', async () => {
    cognito.on(GetIdCommand).rejects(
      new NotAuthorizedException({
        message: 'Invalid login token. Token expired',
        $metadata: { httpStatusCode: 400, requestId: 'req-123' },
      }),
    );
    const pool = makePool({ now: clock().now });

    const error = expectErr(await pool.getCredentials({ idToken: ALICE_TOKEN }));

    expect(error.type).toBe('NotAuthorized');
    expect(error.retryable).toBe(false);
    expect(error.requestId).toBe('req-123');
    expect(error.cause).toBeInstanceOf(NotAuthorizedException);
  });

  it('maps NotAuthorizedException on GetCredentialsForIdentity to NotAuthorized and caches nothing', async () => {
    cognito.on(GetIdCommand).resolves({ IdentityId: ALICE_IDENTITY });
    cognito
      .on(GetCredentialsForIdentityCommand)
      .rejectsOnce(new NotAuthorizedException({ message: 'Access to Identity is forbidden', $metadata: {} }))
      .resolves(credentialsAnswer(ALICE_IDENTITY, T0));
    const pool = makePool({ now: clock().now });

    expect(expectErr(await pool.getCredentials({ idToken: ALICE_TOKEN })).type).toBe('NotAuthorized');
    expectOk(await pool.getCredentials({ idToken: ALICE_TOKEN }));
    // The identity id was not remembered after the failure: GetId is sent again.
    expect(requestCount()).toEqual({ getId: 2, getCredentials: 2, total: 4 });
  });

  it('maps ExternalServiceException to ExternalService', async () => {
    cognito
      .on(GetIdCommand)
      .rejects(new ExternalServiceException({ message: 'Provider is not responding', $metadata: {} }));
    const pool = makePool({ now: clock().now });

    const error = expectErr(await pool.getCredentials({ idToken: ALICE_TOKEN }));

    expect(error.type).toBe('ExternalService');
    expect(error.message).toContain('Provider is not responding');
  });

  it('maps TooManyRequestsException to a retryable TooManyRequests', async () => {
    cognito.on(GetIdCommand).resolves({ IdentityId: ALICE_IDENTITY });
    cognito
      .on(GetCredentialsForIdentityCommand)
      .rejects(new TooManyRequestsException({ message: 'Rate exceeded', $metadata: {} }));
    const pool = makePool({ now: clock().now });

    const error = expectErr(await pool.getCredentials({ idToken: ALICE_TOKEN }));

    expect(error.type).toBe('TooManyRequests');
    expect(error.retryable).toBe(true);
  });

  it('turns an error outside the identity union (CodeMismatchException) into Unexpected', async () => {
    cognito
      .on(GetIdCommand)
      .rejects(new CodeMismatchException({ message: 'Invalid code provided', $metadata: {} }));
    const pool = makePool({ now: clock().now });

    const error = expectErr(await pool.getCredentials({ idToken: ALICE_TOKEN }));

    expect(error.type).toBe('Unexpected');
    expect(error.message).toContain('Invalid code provided');
  });

  it('returns Unexpected when the answer lacks a SessionToken', async () => {
    const answer = credentialsAnswer(ALICE_IDENTITY, T0);
    cognito.on(GetIdCommand).resolves({ IdentityId: ALICE_IDENTITY });
    cognito
      .on(GetCredentialsForIdentityCommand)
      .resolves({ ...answer, Credentials: { ...answer.Credentials, SessionToken: undefined } });
    const pool = makePool({ now: clock().now });

    expect(expectErr(await pool.getCredentials({ idToken: ALICE_TOKEN })).type).toBe('Unexpected');
  });

  it('returns Unexpected when the answer lacks an Expiration, and caches nothing', async () => {
    const answer = credentialsAnswer(ALICE_IDENTITY, T0);
    cognito.on(GetIdCommand).resolves({ IdentityId: ALICE_IDENTITY });
    cognito
      .on(GetCredentialsForIdentityCommand)
      .resolves({ ...answer, Credentials: { ...answer.Credentials, Expiration: undefined } });
    const pool = makePool({ now: clock().now });

    expect(expectErr(await pool.getCredentials({ idToken: ALICE_TOKEN })).type).toBe('Unexpected');
    expect(expectErr(await pool.getCredentials({ idToken: ALICE_TOKEN })).type).toBe('Unexpected');
    expect(requestCount().getCredentials).toBe(2);
  });

  it('returns Unexpected when the answer has no Credentials at all', async () => {
    cognito.on(GetIdCommand).resolves({ IdentityId: ALICE_IDENTITY });
    cognito.on(GetCredentialsForIdentityCommand).resolves({ IdentityId: ALICE_IDENTITY });
    const pool = makePool({ now: clock().now });

    expect(expectErr(await pool.getCredentials({ idToken: ALICE_TOKEN })).type).toBe('Unexpected');
  });

  it('returns Unexpected when GetId answers without an IdentityId (and sends nothing more)', async () => {
    cognito.on(GetIdCommand).resolves({});
    cognito.on(GetCredentialsForIdentityCommand).resolves(credentialsAnswer(ALICE_IDENTITY, T0));
    const pool = makePool({ now: clock().now });

    const error = expectErr(await pool.getCredentials({ idToken: ALICE_TOKEN }));

    expect(error.type).toBe('Unexpected');
    expect(requestCount()).toEqual({ getId: 1, getCredentials: 0, total: 1 });
  });

  describe('rejects a bad idToken with InvalidParameter and sends nothing', () => {
    const cases: [string, string][] = [
      ['an empty string', ''],
      ['a string that is not a JWT', 'not-a-jwt'],
      ['three segments that are not base64url JSON', 'a.b.c'],
      ['an access token', idToken({ token_use: 'access', client_id: 'abc', username: 'alice' })],
      ['a token not issued by Cognito', idToken({ iss: 'https://accounts.google.com' })],
      [
        'a token whose iss only looks like Cognito',
        idToken({ iss: 'https://cognito-idp.evil.example.com/x_y' }),
      ],
      ['a token whose iss is not a URL', idToken({ iss: 'cognito' })],
      ['a token without sub', idToken({ sub: undefined })],
    ];
    it.each(cases)('%s', async (_name, token) => {
      const pool = makePool({ now: clock().now });

      const error = expectErr(await pool.getCredentials({ idToken: token }));

      expect(error.type).toBe('InvalidParameter');
      expect(error.retryable).toBe(false);
      expect(sent()).toHaveLength(0);
      if (token.length > 0) expect(error.message).not.toContain(token);
    });

    it('a missing idToken (untyped caller)', async () => {
      const pool = makePool({ now: clock().now });
      const error = expectErr(await pool.getCredentials({} as { idToken: string }));
      expect(error.type).toBe('InvalidParameter');
      expect(sent()).toHaveLength(0);
    });
  });

  it('never puts the idToken into an error JSON, even when Cognito echoes it', async () => {
    const pool = makePool({ now: clock().now });
    const errors: IdentityError[] = [];

    cognito
      .on(GetIdCommand)
      .rejectsOnce(
        new NotAuthorizedException({ message: `Invalid login token: ${ALICE_TOKEN}`, $metadata: {} }),
      )
      .rejectsOnce(new CodeMismatchException({ message: `Code mismatch for ${ALICE_TOKEN}`, $metadata: {} }))
      .rejectsOnce(
        new ExternalServiceException({ message: `Provider rejected ${ALICE_TOKEN}`, $metadata: {} }),
      )
      .resolves({ IdentityId: ALICE_IDENTITY });
    cognito.on(GetCredentialsForIdentityCommand).resolves({ IdentityId: ALICE_IDENTITY });
    for (let i = 0; i < 4; i += 1)
      errors.push(expectErr(await pool.getCredentials({ idToken: ALICE_TOKEN })));
    errors.push(expectErr(await pool.getCredentials({ idToken: idToken({ token_use: 'access' }) })));

    expect(errors.map((e) => e.type)).toEqual([
      'NotAuthorized',
      'Unexpected',
      'ExternalService',
      'Unexpected',
      'InvalidParameter',
    ]);
    for (const error of errors) {
      const json = JSON.stringify(error);
      expect(json).not.toContain(ALICE_TOKEN);
      expect(json).not.toContain(ALICE_PAYLOAD);
      expect(error.message).not.toContain(ALICE_TOKEN);
    }
  });
});

describe('IdentityPool.getGuestCredentials', () => {
  it('sends GetId and GetCredentialsForIdentity without Logins', async () => {
    cognito.on(GetIdCommand).resolves({ IdentityId: BOB_IDENTITY });
    cognito.on(GetCredentialsForIdentityCommand).resolves(credentialsAnswer(BOB_IDENTITY, T0));
    const pool = makePool({ now: clock().now });

    const creds = expectOk(await pool.getGuestCredentials());

    expect(creds.identityId).toBe(BOB_IDENTITY);
    expect(getIdInputs()[0]).toEqual({ IdentityPoolId: POOL_ID });
    expect(credentialInputs()[0]).toEqual({
      IdentityId: BOB_IDENTITY,
    });
  });

  it('caches guest credentials under their own key, apart from users', async () => {
    const time = clock();
    cognito.on(GetIdCommand).resolves({ IdentityId: BOB_IDENTITY });
    cognito
      .on(GetIdCommand, { Logins: { [LOGINS_KEY]: ALICE_TOKEN } })
      .resolves({ IdentityId: ALICE_IDENTITY });
    cognito
      .on(GetCredentialsForIdentityCommand, { IdentityId: BOB_IDENTITY })
      .resolves(credentialsAnswer(BOB_IDENTITY, T0));
    cognito
      .on(GetCredentialsForIdentityCommand, { IdentityId: ALICE_IDENTITY })
      .resolves(credentialsAnswer(ALICE_IDENTITY, T0));
    const pool = makePool({ now: time.now });

    const guest = expectOk(await pool.getGuestCredentials());
    const alice = expectOk(await pool.getCredentials({ idToken: ALICE_TOKEN }));
    expect(requestCount()).toEqual({ getId: 2, getCredentials: 2, total: 4 });
    expect(alice.identityId).toBe(ALICE_IDENTITY);
    expect(alice.accessKeyId).not.toBe(guest.accessKeyId);

    markRequests();
    const guestAgain = expectOk(await pool.getGuestCredentials());
    expect(guestAgain).toEqual(guest);
    expect(sent()).toHaveLength(0);
  });

  it('remembers the guest identity id: near expiry only GetCredentialsForIdentity is sent', async () => {
    const time = clock();
    cognito.on(GetIdCommand).resolves({ IdentityId: BOB_IDENTITY });
    cognito.on(GetCredentialsForIdentityCommand).resolves(credentialsAnswer(BOB_IDENTITY, T0));
    const pool = makePool({ now: time.now });
    expectOk(await pool.getGuestCredentials());
    markRequests();

    time.advance(HOUR);
    expectOk(await pool.getGuestCredentials());

    expect(requestCount()).toEqual({ getId: 0, getCredentials: 1, total: 1 });
    expect(credentialInputs()[0]).toEqual({
      IdentityId: BOB_IDENTITY,
    });
  });
});

describe('IdentityPool configuration', () => {
  const badConfigs: [string, IdentityPoolConfig][] = [
    ['identityPoolId "nope"', { identityPoolId: 'nope' }],
    ['an empty identityPoolId', { identityPoolId: '' }],
    ['refreshMargin -1', { identityPoolId: POOL_ID, refreshMargin: -1 }],
    ['refreshMargin NaN', { identityPoolId: POOL_ID, refreshMargin: Number.NaN }],
    ['endpoint "x"', { identityPoolId: POOL_ID, endpoint: 'x' }],
    ['an ftp endpoint', { identityPoolId: POOL_ID, endpoint: 'ftp://127.0.0.1:5000' }],
    ['region "Mars"', { identityPoolId: POOL_ID, region: 'Mars' }],
  ];

  it.each(badConfigs)('IdentityPool.create rejects %s with InvalidConfig', (_name, config) => {
    const created = IdentityPool.create(config);

    expect(created.isErr()).toBe(true);
    if (created.isOk()) return;
    expect(created.error.type).toBe('InvalidConfig');
    expect(created.error.retryable).toBe(false);
  });

  it.each(badConfigs)(
    'new IdentityPool with %s resolves every call to the same InvalidConfig',
    async (_n, config) => {
      const expected = IdentityPool.create(config);
      const construct = (): IdentityPool => new IdentityPool(config);
      expect(construct).not.toThrow();
      const pool = construct();
      if (expected.isOk()) throw new Error('expected the config to be invalid');

      const user = await pool.getCredentials({ idToken: ALICE_TOKEN });
      const guest = await pool.getGuestCredentials();

      expect(expectErr(user)).toEqual(expected.error);
      expect(expectErr(guest)).toEqual(expected.error);
      expect(sent()).toHaveLength(0);
    },
  );

  it('accepts a valid config with an http endpoint and a region override', () => {
    const created = IdentityPool.create({
      identityPoolId: POOL_ID,
      region: 'eu-west-1',
      endpoint: 'http://127.0.0.1:5000',
      refreshMargin: 0,
    });
    expect(created.isOk()).toBe(true);
  });
});

describe('IdentityPool with a custom identityIdStore', () => {
  it('reads the remembered id from the store (only GetCredentialsForIdentity is sent) and writes it back', async () => {
    const remembered = new Map<string, string>();
    const store = {
      get: vi.fn((key: string) => Promise.resolve(remembered.get(key))),
      set: vi.fn((key: string, id: string) => {
        remembered.set(key, id);
        return Promise.resolve();
      }),
      delete: vi.fn((key: string) => {
        remembered.delete(key);
      }),
    } satisfies IdentityIdStore;
    cognito.on(GetIdCommand).resolves({ IdentityId: ALICE_IDENTITY });
    cognito.on(GetCredentialsForIdentityCommand).resolves(credentialsAnswer(ALICE_IDENTITY, T0));

    // First pool: the store is empty, so GetId is sent and the id stored under the user's key.
    const first = makePool({ now: clock().now, identityIdStore: store });
    expectOk(await first.getCredentials({ idToken: ALICE_TOKEN }));
    expect(store.get).toHaveBeenCalledTimes(1);
    const key = store.get.mock.calls[0]?.[0];
    expect(key).toContain(ALICE_SUB);
    expect(key).toContain(LOGINS_KEY);
    expect(store.set).toHaveBeenCalledWith(key, ALICE_IDENTITY);
    expect(requestCount()).toEqual({ getId: 1, getCredentials: 1, total: 2 });

    // Second pool sharing the store (e.g. another process): no credential cache, but the id is known.
    markRequests();
    const second = makePool({ now: clock().now, identityIdStore: store });
    expectOk(await second.getCredentials({ idToken: ALICE_TOKEN }));
    expect(store.get).toHaveBeenLastCalledWith(key);
    expect(requestCount()).toEqual({ getId: 0, getCredentials: 1, total: 1 });
    expect(credentialInputs()[0]?.IdentityId).toBe(ALICE_IDENTITY);
    expect(store.delete).not.toHaveBeenCalled();
  });

  it('keys users and the guest apart in the store', async () => {
    const store = memoryIdentityIdStore();
    const get = vi.spyOn(store, 'get');
    cognito.on(GetIdCommand).resolves({ IdentityId: ALICE_IDENTITY });
    cognito.on(GetCredentialsForIdentityCommand).resolves(credentialsAnswer(ALICE_IDENTITY, T0));
    const pool = makePool({ now: clock().now, identityIdStore: store });

    await pool.getCredentials({ idToken: ALICE_TOKEN });
    await pool.getCredentials({ idToken: BOB_TOKEN });
    await pool.getGuestCredentials();

    const keys = get.mock.calls.map((call) => call[0]);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(3);
  });

  it('deletes the remembered id from the store when Cognito reports it missing', async () => {
    const store = memoryIdentityIdStore();
    const del = vi.spyOn(store, 'delete');
    const key = `${LOGINS_KEY}#${ALICE_SUB}`;
    store.set(key, 'us-east-1:deleted-identity');
    cognito.on(GetIdCommand).resolves({ IdentityId: ALICE_IDENTITY });
    cognito
      .on(GetCredentialsForIdentityCommand, { IdentityId: 'us-east-1:deleted-identity' })
      .rejects(new ResourceNotFoundException({ message: 'Identity not found', $metadata: {} }));
    cognito
      .on(GetCredentialsForIdentityCommand, { IdentityId: ALICE_IDENTITY })
      .resolves(credentialsAnswer(ALICE_IDENTITY, T0));
    const pool = makePool({ now: clock().now, identityIdStore: store });

    const creds = expectOk(await pool.getCredentials({ idToken: ALICE_TOKEN }));

    expect(creds.identityId).toBe(ALICE_IDENTITY);
    expect(del).toHaveBeenCalledWith(key);
    expect(store.get(key)).toBe(ALICE_IDENTITY);
    expect(requestCount()).toEqual({ getId: 1, getCredentials: 2, total: 3 });
  });

  it('returns Err Unexpected (no throw, no request) when the store get throws', async () => {
    const boom = new Error('redis is down');
    const store: IdentityIdStore = {
      get: () => {
        throw boom;
      },
      set: () => undefined,
      delete: () => undefined,
    };
    const pool = makePool({ now: clock().now, identityIdStore: store });

    const error = expectErr(await pool.getCredentials({ idToken: ALICE_TOKEN }));

    expect(error.type).toBe('Unexpected');
    expect(error.cause).toBe(boom);
    expect(sent()).toHaveLength(0);
  });

  it('returns Err Unexpected when the store set rejects, and does not cache the credentials', async () => {
    const store: IdentityIdStore = {
      get: () => Promise.resolve(undefined),
      set: () => Promise.reject(new Error('write failed')),
      delete: () => undefined,
    };
    cognito.on(GetIdCommand).resolves({ IdentityId: ALICE_IDENTITY });
    cognito.on(GetCredentialsForIdentityCommand).resolves(credentialsAnswer(ALICE_IDENTITY, T0));
    const pool = makePool({ now: clock().now, identityIdStore: store });

    const guest = await pool.getGuestCredentials();
    expect(expectErr(guest).type).toBe('Unexpected');
    const again = await pool.getGuestCredentials();
    expect(expectErr(again).type).toBe('Unexpected');
    expect(requestCount()).toEqual({ getId: 2, getCredentials: 2, total: 4 });
  });

  it('returns Err Unexpected when the store delete throws during the not-found retry', async () => {
    const store: IdentityIdStore = {
      get: () => ALICE_IDENTITY,
      set: () => undefined,
      delete: () => {
        throw new Error('delete failed');
      },
    };
    cognito.on(GetIdCommand).resolves({ IdentityId: BOB_IDENTITY });
    cognito
      .on(GetCredentialsForIdentityCommand)
      .rejects(new ResourceNotFoundException({ message: 'Identity not found', $metadata: {} }));
    const pool = makePool({ now: clock().now, identityIdStore: store });

    const error = expectErr(await pool.getCredentials({ idToken: ALICE_TOKEN }));

    expect(error.type).toBe('Unexpected');
    expect(requestCount()).toEqual({ getId: 0, getCredentials: 1, total: 1 });
  });
});
