import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  NotAuthorizedException,
} from '@aws-sdk/client-cognito-identity';
import { S3Client } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { errAsync, okAsync } from 'neverthrow';
import { beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import {
  IdentityCredentialsError,
  IdentityPool,
  type IdTokenSource,
  isIdentityCredentialsError,
} from '../../../src/identity/index.js';
import type { Session } from '../../../src/index.js';
import { fakeIdToken } from '../../support/jwt.js';

const POOL_ID = 'us-east-1:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d';
const ALICE_IDENTITY = 'us-east-1:11111111-aaaa-bbbb-cccc-000000000001';
const GUEST_IDENTITY = 'us-east-1:22222222-aaaa-bbbb-cccc-000000000002';
const T0 = Date.UTC(2025, 0, 15, 12, 0, 0);
const TOKEN_1 = fakeIdToken('alice', { sub: 'alice-sub', extra: { jti: 'one' } });
const TOKEN_2 = fakeIdToken('alice', { sub: 'alice-sub', extra: { jti: 'two' } });

const cognito = mockClient(CognitoIdentityClient);
let now = T0;

function credentials(identityId: string, lifetimeMs = 3_600_000) {
  return {
    IdentityId: identityId,
    Credentials: {
      AccessKeyId: `ASIA-${identityId.slice(-1)}`,
      SecretKey: 'secret',
      SessionToken: 'session',
      Expiration: new Date(now + lifetimeMs),
    },
  };
}

function makePool(): IdentityPool {
  return IdentityPool.create({
    identityPoolId: POOL_ID,
    client: new CognitoIdentityClient({ region: 'us-east-1' }),
    now: () => now,
  })._unsafeUnwrap();
}

const count = () => ({
  getId: cognito.commandCalls(GetIdCommand).length,
  getCredentials: cognito.commandCalls(GetCredentialsForIdentityCommand).length,
});

beforeEach(() => {
  cognito.reset();
  now = T0;
  cognito.on(GetIdCommand).resolves({ IdentityId: ALICE_IDENTITY });
  cognito.on(GetCredentialsForIdentityCommand).callsFake((input) => credentials(input.IdentityId));
});

describe('IdentityPool.provider', () => {
  it('exchanges the token of a function source, then answers from the cache without a request', async () => {
    const provider = makePool().provider(async () => TOKEN_1);

    const first = await provider();
    const again = await provider();

    expect(first).toMatchObject({ accessKeyId: 'ASIA-1', identityId: ALICE_IDENTITY });
    expect(again).toBe(first);
    expect(count()).toEqual({ getId: 1, getCredentials: 1 });
    expect(cognito.commandCalls(GetIdCommand)[0]?.args[0].input.Logins).toEqual({
      'cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123': TOKEN_1,
    });
  });

  it('reads a Session-shaped source (getIdToken() → ResultAsync) on every call', async () => {
    let reads = 0;
    const session: IdTokenSource = {
      getIdToken: () => {
        reads += 1;
        return okAsync(TOKEN_1);
      },
    };
    const provider = makePool().provider(session);

    await provider();
    await provider();
    await provider();

    expect(reads).toBe(3);
    expect(count()).toEqual({ getId: 1, getCredentials: 1 });
  });

  it('uses a refreshed token at once: one GetCredentialsForIdentity with the remembered identity id', async () => {
    let token = TOKEN_1;
    const provider = makePool().provider(async () => token);
    await provider();

    token = TOKEN_2;
    await provider();

    expect(count()).toEqual({ getId: 1, getCredentials: 2 });
    expect(cognito.commandCalls(GetCredentialsForIdentityCommand)[1]?.args[0].input).toEqual({
      IdentityId: ALICE_IDENTITY,
      Logins: { 'cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123': TOKEN_2 },
    });
  });

  it('refreshes credentials shortly before they expire (margin capped at half of a 90 s lifetime)', async () => {
    cognito.on(GetCredentialsForIdentityCommand).callsFake((input) => credentials(input.IdentityId, 90_000));
    const provider = makePool().provider(async () => TOKEN_1);
    await provider();

    now += 44_000;
    await provider();
    expect(count().getCredentials).toBe(1);

    now += 2_000;
    await provider();
    expect(count()).toEqual({ getId: 1, getCredentials: 2 });
  });

  it('shares one run among concurrent callers (one source read, one GetId, one GetCredentialsForIdentity)', async () => {
    let reads = 0;
    const provider = makePool().provider(async () => {
      reads += 1;
      return TOKEN_1;
    });

    const all = await Promise.all(Array.from({ length: 8 }, () => provider()));

    expect(new Set(all).size).toBe(1);
    expect(reads).toBe(1);
    expect(count()).toEqual({ getId: 1, getCredentials: 1 });
  });

  it("accepts cognito-flow's Session type as a source (checked by tsc)", () => {
    expectTypeOf<Session>().toExtend<IdTokenSource>();
    expectTypeOf<() => Promise<string>>().toExtend<IdTokenSource>();
    expectTypeOf<{ getIdToken(): string }>().not.toExtend<IdTokenSource>();
  });

  it('is accepted by an AWS SDK v3 client as its credentials', async () => {
    const s3 = new S3Client({ region: 'us-east-1', credentials: makePool().provider(async () => TOKEN_1) });

    const resolved = await s3.config.credentials();

    expect(resolved).toMatchObject({
      accessKeyId: 'ASIA-1',
      secretAccessKey: 'secret',
      sessionToken: 'session',
    });
    expect(count()).toEqual({ getId: 1, getCredentials: 1 });
  });

  it('with guest: true, hands out guest credentials until the source has a token, then keeps the identity id', async () => {
    cognito.on(GetIdCommand).resolves({ IdentityId: GUEST_IDENTITY });
    let token: string | undefined;
    const provider = makePool().provider(async () => token, { guest: true });

    const guest = await provider();
    expect(guest.identityId).toBe(GUEST_IDENTITY);
    expect(cognito.commandCalls(GetIdCommand)[0]?.args[0].input).toEqual({ IdentityPoolId: POOL_ID });

    token = TOKEN_1;
    const signedIn = await provider();

    expect(signedIn.identityId).toBe(GUEST_IDENTITY);
    expect(count()).toEqual({ getId: 1, getCredentials: 2 });
    expect(cognito.commandCalls(GetCredentialsForIdentityCommand)[1]?.args[0].input).toEqual({
      IdentityId: GUEST_IDENTITY,
      Logins: { 'cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123': TOKEN_1 },
    });
  });

  it('with guest: true, treats a session answering SessionEnded as signed out', async () => {
    cognito.on(GetIdCommand).resolves({ IdentityId: GUEST_IDENTITY });
    const session: IdTokenSource = {
      getIdToken: () => errAsync({ type: 'SessionEnded', message: 'signed out' }),
    };

    const creds = await makePool().provider(session, { guest: true })();

    expect(creds.identityId).toBe(GUEST_IDENTITY);
  });

  it('guestProvider() hands out guest credentials', async () => {
    cognito.on(GetIdCommand).resolves({ IdentityId: GUEST_IDENTITY });

    const creds = await makePool().guestProvider()();

    expect(creds.identityId).toBe(GUEST_IDENTITY);
    expect(cognito.commandCalls(GetCredentialsForIdentityCommand)[0]?.args[0].input).toEqual({
      IdentityId: GUEST_IDENTITY,
    });
  });

  it('sends customRoleArn as CustomRoleArn', async () => {
    const role = 'arn:aws:iam::123456789012:role/editors';

    await makePool().provider(async () => TOKEN_1, { customRoleArn: role })();

    expect(cognito.commandCalls(GetCredentialsForIdentityCommand)[0]?.args[0].input.CustomRoleArn).toBe(role);
  });
});

describe('IdentityPool.provider failures reject with IdentityCredentialsError', () => {
  async function rejection(promise: Promise<unknown>): Promise<IdentityCredentialsError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!isIdentityCredentialsError(error))
      throw new Error(`expected IdentityCredentialsError, got ${String(error)}`);
    return error;
  }

  it('without guest, a source with no token is NotAuthorized and nothing is sent', async () => {
    const error = await rejection(makePool().provider(async () => undefined)());

    expect(error).toBeInstanceOf(IdentityCredentialsError);
    expect(error.type).toBe('NotAuthorized');
    expect(error.error.type).toBe('NotAuthorized');
    expect(count()).toEqual({ getId: 0, getCredentials: 0 });
  });

  it("passes a session's own error through (e.g. SessionEnded without guest)", async () => {
    const session: IdTokenSource = {
      getIdToken: () => errAsync({ type: 'SessionEnded', message: 'revoked' }),
    };

    const error = await rejection(makePool().provider(session)());

    expect(error.error).toEqual({ type: 'SessionEnded', message: 'revoked' });
    expect(error.message).toContain('SessionEnded: revoked');
  });

  it('a throwing source is Unexpected, with the thrown error as cause', async () => {
    const boom = new Error('keychain locked');

    const error = await rejection(
      makePool().provider(async () => {
        throw boom;
      })(),
    );

    expect(error.error.type).toBe('Unexpected');
    expect((error.error as { cause?: unknown }).cause).toBe(boom);
  });

  it('a source giving something that is not a token is InvalidParameter', async () => {
    const error = await rejection(makePool().provider((async () => 42) as unknown as IdTokenSource)());
    expect(error.type).toBe('InvalidParameter');
  });

  it('a source that is neither a function nor a session is InvalidParameter', async () => {
    const error = await rejection(makePool().provider({} as IdTokenSource)());
    expect(error.type).toBe('InvalidParameter');
  });

  it('a Cognito rejection is the typed error, retryable copied, token redacted; the next call tries again', async () => {
    cognito
      .on(GetIdCommand)
      .rejectsOnce(new NotAuthorizedException({ message: `Invalid login token ${TOKEN_1}`, $metadata: {} }))
      .resolves({ IdentityId: ALICE_IDENTITY });
    const provider = makePool().provider(async () => TOKEN_1);

    const error = await rejection(provider());

    expect(error.type).toBe('NotAuthorized');
    expect(error.retryable).toBe(false);
    expect(error.message).not.toContain(TOKEN_1);
    expect(JSON.stringify(error.error)).not.toContain(TOKEN_1);
    await expect(provider()).resolves.toMatchObject({ identityId: ALICE_IDENTITY });
  });

  it('with an invalid pool config, the provider rejects with InvalidConfig', async () => {
    const pool = new IdentityPool({ identityPoolId: 'nope' });
    const error = await rejection(pool.provider(async () => TOKEN_1)());
    expect(error.type).toBe('InvalidConfig');
  });

  it('isIdentityCredentialsError recognises copies by name and rejects other errors', () => {
    const copy = Object.assign(new Error('x'), {
      name: 'IdentityCredentialsError',
      error: { type: 'Network' },
    });
    expect(isIdentityCredentialsError(copy)).toBe(true);
    expect(isIdentityCredentialsError(new Error('x'))).toBe(false);
    expect(isIdentityCredentialsError({ name: 'IdentityCredentialsError', error: {} })).toBe(false);
  });
});
