import { CreateBucketCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import type { UserPoolAuthOperations } from '../../src/auth/user-pool-transport.js';
import type { IdentityPoolOperations } from '../../src/identity/identity-transport.js';
import { IdentityPool } from '../../src/identity/index.js';
import { AuthClient, decodeIdToken } from '../../src/index.js';
import { fetchTransport } from '../../src/transport/fetch-transport.js';
import { clientsFor, NEW_PASSWORD, s3With, stack, TEMPORARY_PASSWORD, uniqueUsername } from './clients.js';

const HOUR = 3600_000;

describe.skipIf(!stack)('the fetch transport (no AWS SDK for Cognito) against moto over HTTP', () => {
  const s = stack as NonNullable<typeof stack>;

  /** AuthClient and IdentityPool on the fetch transport, with every X-Amz-Target they send recorded. */
  function fetchClients(options: { secret?: boolean; now?: () => number } = {}) {
    const sent: string[] = [];
    const recording: typeof fetch = (url, init) => {
      const target = new Headers(init?.headers).get('x-amz-target') ?? '';
      sent.push(target.split('.')[1] ?? target);
      return fetch(url, init);
    };
    const common = { region: s.region, endpoint: s.endpoint, fetch: recording, maxAttempts: 1 };
    const auth = new AuthClient(
      {
        userPoolId: s.userPoolId,
        clientId: options.secret ? s.secretClientId : s.clientId,
        ...(options.secret ? { clientSecret: s.clientSecret } : {}),
        ...(options.now ? { now: options.now } : {}),
      },
      fetchTransport<UserPoolAuthOperations>({ service: 'cognito-idp', ...common }),
    );
    const pool = new IdentityPool(
      { identityPoolId: s.identityPoolId },
      fetchTransport<IdentityPoolOperations>({ service: 'cognito-identity', ...common }),
    );
    return { auth, pool, take: () => sent.splice(0) };
  }

  async function createUser(prefix: string): Promise<string> {
    const username = uniqueUsername(prefix);
    (
      await clientsFor(s).admin.adminCreateUser({
        username,
        temporaryPassword: TEMPORARY_PASSWORD,
        messageAction: 'SUPPRESS',
      })
    )._unsafeUnwrap();
    return username;
  }

  for (const secret of [false, true]) {
    const label = secret ? 'app client with a secret' : 'app client without a secret';

    it(`runs password sign-in → NEW_PASSWORD_REQUIRED → tokens → identity credentials → S3, Cognito over fetch only (${label})`, async () => {
      const username = await createUser(secret ? 'fetch-bob' : 'fetch-alice');
      const { auth, pool, take } = fetchClients({ secret });

      const first = (
        await auth.signIn({ username, password: TEMPORARY_PASSWORD, flow: 'USER_PASSWORD_AUTH' })
      )._unsafeUnwrap();
      expect(first.step).toBe('NEW_PASSWORD_REQUIRED');
      if (first.step !== 'NEW_PASSWORD_REQUIRED') return;
      expect(take()).toEqual(['InitiateAuth']);

      const done = (await auth.completeNewPassword(first, NEW_PASSWORD))._unsafeUnwrap();
      expect(done.step).toBe('SIGNED_IN');
      if (done.step !== 'SIGNED_IN') return;
      expect(take()).toEqual(['RespondToAuthChallenge']);
      expect(decodeIdToken(done.tokens.idToken)._unsafeUnwrap()['cognito:username']).toBe(username);

      const creds = (await pool.getCredentials({ idToken: done.tokens.idToken }))._unsafeUnwrap();
      expect(creds.identityId).toMatch(/^us-east-1:/);
      expect(creds.expiration).toBeInstanceOf(Date);
      expect(creds.expiration.getTime()).toBeGreaterThan(Date.now());
      expect(take()).toEqual(['GetId', 'GetCredentialsForIdentity']);

      const s3 = s3With(s, creds);
      const bucket = `fetch-${username}`.toLowerCase();
      await s3.send(new CreateBucketCommand({ Bucket: bucket }));
      const listed = await s3.send(new ListBucketsCommand({}));
      expect(listed.Buckets?.map((b) => b.Name)).toContain(bucket);
    });

    it(`runs the default SRP sign-in: InitiateAuth(SRP_A) → PASSWORD_VERIFIER → NEW_PASSWORD_REQUIRED → SIGNED_IN (${label}; moto fakes SRP maths)`, async () => {
      const username = await createUser('fetch-srp');
      const { auth, take } = fetchClients({ secret });
      const first = (await auth.signIn({ username, password: TEMPORARY_PASSWORD }))._unsafeUnwrap();
      expect(first.step).toBe('NEW_PASSWORD_REQUIRED');
      expect(take()).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
      if (first.step !== 'NEW_PASSWORD_REQUIRED') return;
      const done = (await auth.completeNewPassword(first, NEW_PASSWORD))._unsafeUnwrap();
      expect(done.step).toBe('SIGNED_IN');
      const again = (await auth.signIn({ username, password: NEW_PASSWORD }))._unsafeUnwrap();
      expect(again.step).toBe('SIGNED_IN');
    });
  }

  it('gives the same typed errors as the SDK transport: wrong password → NotAuthorized, unknown user → UserNotFound', async () => {
    const username = await createUser('fetch-wrong');
    const viaFetch = fetchClients().auth;
    const viaSdk = clientsFor(s).auth;
    for (const auth of [viaFetch, viaSdk]) {
      const wrong = (
        await auth.signIn({ username, password: 'Not-The-Passw0rd!', flow: 'USER_PASSWORD_AUTH' })
      )._unsafeUnwrapErr();
      expect(wrong).toMatchObject({ type: 'NotAuthorized', retryable: false });
      expect(wrong.message).not.toContain('Not-The-Passw0rd!');
      const ghost = (
        await auth.signIn({
          username: uniqueUsername('fetch-ghost'),
          password: 'Whatever-1!',
          flow: 'USER_PASSWORD_AUTH',
        })
      )._unsafeUnwrapErr();
      expect(ghost.type).toBe('UserNotFound');
      const srpGhost = (
        await auth.signIn({ username: uniqueUsername('fetch-ghost'), password: 'Whatever-1!' })
      )._unsafeUnwrapErr();
      expect(srpGhost.type).toBe('UserNotFound');
    }
  });

  it("refreshes a session over fetch with refreshOperation 'REFRESH_TOKEN_AUTH' (moto lacks GetTokensFromRefreshToken)", async () => {
    const username = await createUser('fetch-refresh');
    const clock = { offset: 0 };
    const { auth, take } = fetchClients({ now: () => Date.now() + clock.offset });
    const first = (
      await auth.signIn({ username, password: TEMPORARY_PASSWORD, flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrap();
    if (first.step !== 'NEW_PASSWORD_REQUIRED') throw new Error(`unexpected ${first.step}`);
    const done = (await auth.completeNewPassword(first, NEW_PASSWORD))._unsafeUnwrap();
    if (done.step !== 'SIGNED_IN') throw new Error(`unexpected ${done.step}`);
    take();
    // moto lacks GetTokensFromRefreshToken (an HTML 500, which is no reason to switch): say the operation.
    const session = auth.session(done.tokens, { refreshOperation: 'REFRESH_TOKEN_AUTH' });
    clock.offset = 2 * HOUR;
    const fresh = (await session.getTokens())._unsafeUnwrap();
    expect(fresh.idToken).not.toBe(done.tokens.idToken);
    expect(take()).toEqual(['InitiateAuth']);
  });

  it('gives guest credentials through GetId + GetCredentialsForIdentity over fetch', async () => {
    const { pool, take } = fetchClients();
    const guest = (await pool.getGuestCredentials())._unsafeUnwrap();
    expect(guest.identityId).toMatch(/^us-east-1:/);
    expect(guest.expiration).toBeInstanceOf(Date);
    expect(take()).toEqual(['GetId', 'GetCredentialsForIdentity']);
  });
});
