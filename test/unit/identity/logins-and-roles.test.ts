import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-cognito-identity';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IdentityPool, type IdentityPoolConfig, memoryIdentityIdStore } from '../../../src/identity/index.js';
import { fakeIdToken, fakeJwt } from '../../support/jwt.js';

const POOL_ID = 'us-east-1:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d';
const USER_IDENTITY = 'us-east-1:11111111-aaaa-bbbb-cccc-000000000001';
const GUEST_IDENTITY = 'us-east-1:22222222-aaaa-bbbb-cccc-000000000002';
const DEV_IDENTITY = 'us-east-1:33333333-aaaa-bbbb-cccc-000000000003';
const ROLE_A = 'arn:aws:iam::123456789012:role/a';
const ROLE_B = 'arn:aws:iam::123456789012:role/b';
const TOKEN = fakeIdToken('alice', { sub: 'alice-sub' });
const USER_KEY = 'cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123';
const GOOGLE = fakeJwt({ iss: 'https://accounts.google.com', sub: 'g-1' });

const cognito = mockClient(CognitoIdentityClient);

function makePool(extra: Partial<IdentityPoolConfig> = {}): IdentityPool {
  return IdentityPool.create({
    identityPoolId: POOL_ID,
    client: new CognitoIdentityClient({ region: 'us-east-1' }),
    ...extra,
  })._unsafeUnwrap();
}

const credentialInputs = () =>
  cognito.commandCalls(GetCredentialsForIdentityCommand).map((c) => c.args[0].input);
const getIdInputs = () => cognito.commandCalls(GetIdCommand).map((c) => c.args[0].input);

beforeEach(() => {
  cognito.reset();
  cognito.on(GetIdCommand).resolves({ IdentityId: USER_IDENTITY });
  cognito.on(GetCredentialsForIdentityCommand).callsFake((input) => ({
    IdentityId: input.IdentityId,
    Credentials: {
      AccessKeyId: 'ASIA',
      SecretKey: 'secret',
      SessionToken: 'session',
      Expiration: new Date(Date.now() + 3_600_000),
    },
  }));
});

describe('IdentityPool.getCredentialsForLogins', () => {
  it('sends a Google login under accounts.google.com and remembers the identity per Google user', async () => {
    const store = memoryIdentityIdStore();
    const pool = makePool({ identityIdStore: store });

    (await pool.getCredentialsForLogins({ provider: 'google', idToken: GOOGLE }))._unsafeUnwrap();

    expect(getIdInputs()).toEqual([{ IdentityPoolId: POOL_ID, Logins: { 'accounts.google.com': GOOGLE } }]);
    expect(credentialInputs()).toEqual([
      { IdentityId: USER_IDENTITY, Logins: { 'accounts.google.com': GOOGLE } },
    ]);
    expect(store.get('accounts.google.com#g-1')).toBe(USER_IDENTITY);
  });

  it('a developer login skips GetId and uses its identity id (one request)', async () => {
    const pool = makePool();

    const creds = (
      await pool.getCredentialsForLogins({
        provider: 'developer',
        identityId: DEV_IDENTITY,
        token: 'open-id',
      })
    )._unsafeUnwrap();

    expect(creds.identityId).toBe(DEV_IDENTITY);
    expect(getIdInputs()).toEqual([]);
    expect(credentialInputs()).toEqual([
      { IdentityId: DEV_IDENTITY, Logins: { 'cognito-identity.amazonaws.com': 'open-id' } },
    ]);
  });

  it('sends several logins together and caches them as one', async () => {
    const pool = makePool();
    const logins = [
      { provider: 'facebook', accessToken: 'fb-token' },
      { provider: 'google', idToken: GOOGLE },
    ] as const;

    await pool.getCredentialsForLogins(logins);
    await pool.getCredentialsForLogins([...logins].reverse());

    expect(credentialInputs()).toHaveLength(1);
    expect(credentialInputs()[0]?.Logins).toEqual({
      'graph.facebook.com': 'fb-token',
      'accounts.google.com': GOOGLE,
    });
  });

  it('rejects a bad login with InvalidParameter and sends nothing', async () => {
    const result = await makePool().getCredentialsForLogins({
      provider: 'saml',
      providerArn: 'x',
      assertion: 'y',
    });
    expect(result.isErr() && result.error.type).toBe('InvalidParameter');
    expect(cognito.calls()).toHaveLength(0);
  });
});

describe('customRoleArn (enhanced flow)', () => {
  it('sends the configured role, and a per-call role instead; each role is cached apart', async () => {
    const pool = makePool({ customRoleArn: ROLE_A });

    await pool.getCredentials({ idToken: TOKEN });
    await pool.getCredentials({ idToken: TOKEN, customRoleArn: ROLE_B });
    await pool.getCredentials({ idToken: TOKEN });
    await pool.getCredentials({ idToken: TOKEN, customRoleArn: ROLE_B });

    expect(credentialInputs().map((input) => input.CustomRoleArn)).toEqual([ROLE_A, ROLE_B]);
  });

  it('rejects a per-call role that is not a role ARN, and a config role likewise', async () => {
    const result = await makePool().getCredentials({ idToken: TOKEN, customRoleArn: 'admins' });
    expect(result.isErr() && result.error.type).toBe('InvalidParameter');
    expect(cognito.calls()).toHaveLength(0);
    const created = IdentityPool.create({ identityPoolId: POOL_ID, customRoleArn: 'admins' });
    expect(created.isErr() && created.error.type).toBe('InvalidConfig');
  });
});

describe('guest → signed in (identityId carried over)', () => {
  it('sends the guest identity id with the login, stores it for the user and forgets it as the guest', async () => {
    const store = memoryIdentityIdStore();
    cognito.on(GetIdCommand).resolves({ IdentityId: GUEST_IDENTITY });
    const pool = makePool({ identityIdStore: store });
    const guest = (await pool.getGuestCredentials())._unsafeUnwrap();
    expect(store.get('guest')).toBe(GUEST_IDENTITY);

    const user = (
      await pool.getCredentials({ idToken: TOKEN, identityId: guest.identityId })
    )._unsafeUnwrap();

    expect(user.identityId).toBe(GUEST_IDENTITY);
    expect(getIdInputs()).toHaveLength(1);
    expect(credentialInputs()[1]).toEqual({ IdentityId: GUEST_IDENTITY, Logins: { [USER_KEY]: TOKEN } });
    expect(store.get(`${USER_KEY}#alice-sub`)).toBe(GUEST_IDENTITY);
    expect(store.get('guest')).toBeUndefined();
    // The next guest gets a new identity: the old one is the user's now.
    cognito.on(GetIdCommand).resolves({ IdentityId: 'us-east-1:44444444-aaaa-bbbb-cccc-000000000004' });
    const nextGuest = (await pool.getGuestCredentials())._unsafeUnwrap();
    expect(nextGuest.identityId).not.toBe(GUEST_IDENTITY);
  });

  it("keeps the identity Cognito answers with (a merge) and leaves another guest's id alone", async () => {
    const store = memoryIdentityIdStore();
    store.set('guest', 'us-east-1:55555555-aaaa-bbbb-cccc-000000000005');
    cognito.on(GetCredentialsForIdentityCommand, { IdentityId: GUEST_IDENTITY }).resolves({
      IdentityId: USER_IDENTITY,
      Credentials: {
        AccessKeyId: 'A',
        SecretKey: 'S',
        SessionToken: 'T',
        Expiration: new Date(Date.now() + 3_600_000),
      },
    });
    const pool = makePool({ identityIdStore: store });

    const user = (await pool.getCredentials({ idToken: TOKEN, identityId: GUEST_IDENTITY }))._unsafeUnwrap();

    expect(user.identityId).toBe(USER_IDENTITY);
    expect(store.get(`${USER_KEY}#alice-sub`)).toBe(USER_IDENTITY);
    expect(store.get('guest')).toBe('us-east-1:55555555-aaaa-bbbb-cccc-000000000005');
  });

  it('when Cognito reports the guest identity gone, gets the user their own identity with GetId', async () => {
    cognito
      .on(GetCredentialsForIdentityCommand, { IdentityId: GUEST_IDENTITY })
      .rejects(new ResourceNotFoundException({ message: 'Identity not found', $metadata: {} }));
    const pool = makePool();

    const user = (await pool.getCredentials({ idToken: TOKEN, identityId: GUEST_IDENTITY }))._unsafeUnwrap();

    expect(user.identityId).toBe(USER_IDENTITY);
    expect(credentialInputs().map((i) => i.IdentityId)).toEqual([GUEST_IDENTITY, USER_IDENTITY]);
    expect(getIdInputs()).toHaveLength(1);
  });

  it('rejects an identityId that is not one, without a request', async () => {
    const result = await makePool().getCredentials({ idToken: TOKEN, identityId: 'guest' });
    expect(result.isErr() && result.error.type).toBe('InvalidParameter');
    expect(cognito.calls()).toHaveLength(0);
  });

  it('returns Unexpected when the store fails while forgetting the guest, and caches nothing', async () => {
    const store = memoryIdentityIdStore();
    vi.spyOn(store, 'get').mockImplementation((key) => {
      if (key === 'guest') throw new Error('disk full');
      return undefined;
    });
    const pool = makePool({ identityIdStore: store });

    const result = await pool.getCredentials({ idToken: TOKEN, identityId: GUEST_IDENTITY });

    expect(result.isErr() && result.error.type).toBe('Unexpected');
    vi.mocked(store.get).mockReturnValue(undefined);
    await pool.getCredentials({ idToken: TOKEN, identityId: GUEST_IDENTITY });
    expect(credentialInputs()).toHaveLength(2);
  });
});
