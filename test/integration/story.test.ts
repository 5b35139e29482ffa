import { CreateBucketCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { decodeIdToken } from '../../src/index.js';
import { clientsFor, NEW_PASSWORD, s3With, stack, TEMPORARY_PASSWORD, uniqueUsername } from './clients.js';

describe.skipIf(!stack)('the admin-created user story against moto over HTTP', () => {
  const s = stack as NonNullable<typeof stack>;

  for (const secret of [false, true]) {
    const label = secret ? 'app client with a secret' : 'app client without a secret';

    it(`runs create → NEW_PASSWORD_REQUIRED → tokens → AWS credentials → S3 (${label})`, async () => {
      const { admin, auth, pool, counter } = clientsFor(s, { secret });
      const username = uniqueUsername(secret ? 'bob' : 'alice');

      // 1. Administrator creates the user with typed attributes.
      const created = await admin.adminCreateUser({
        username,
        attributes: {
          email: `${username}@example.com`,
          gender: 'female',
          birthdate: new Date('1990-04-01T00:00:00Z'),
          nickname: 'ally',
        },
        temporaryPassword: TEMPORARY_PASSWORD,
        desiredDeliveryMediums: ['EMAIL'],
      });
      expect(created._unsafeUnwrap()).toMatchObject({
        username,
        status: 'FORCE_CHANGE_PASSWORD',
        attributes: {
          email: `${username}@example.com`,
          gender: 'female',
          birthdate: '1990-04-01',
          nickname: 'ally',
        },
      });
      expect(counter.take().byOperation).toEqual({ AdminCreateUser: 1 });

      // 2. Sign-in with the temporary password asks for a new one.
      const first = (
        await auth.signIn({ username, password: TEMPORARY_PASSWORD, flow: 'USER_PASSWORD_AUTH' })
      )._unsafeUnwrap();
      expect(first.step).toBe('NEW_PASSWORD_REQUIRED');
      if (first.step !== 'NEW_PASSWORD_REQUIRED') return;
      expect(first.username).toBe(username);
      expect(first.session.length).toBeGreaterThan(0);
      expect(counter.take().byOperation).toEqual({ InitiateAuth: 1 });

      // 3. Completing the new password signs the user in.
      const done = (
        await auth.completeNewPassword(first, NEW_PASSWORD, { attributes: { nickname: 'al' } })
      )._unsafeUnwrap();
      expect(done.step).toBe('SIGNED_IN');
      if (done.step !== 'SIGNED_IN') return;
      expect(counter.take().byOperation).toEqual({ RespondToAuthChallenge: 1 });
      const claims = decodeIdToken(done.tokens.idToken)._unsafeUnwrap();
      expect(claims['cognito:username']).toBe(username);
      expect(claims.sub).toBe(created._unsafeUnwrap().sub);
      expect(done.tokens.refreshToken).toBeTypeOf('string');

      // The new password now works directly.
      const again = (
        await auth.signIn({ username, password: NEW_PASSWORD, flow: 'USER_PASSWORD_AUTH' })
      )._unsafeUnwrap();
      expect(again.step).toBe('SIGNED_IN');
      counter.take();

      // 4. The ID token becomes AWS credentials: GetId + GetCredentialsForIdentity, then cached.
      const creds = (await pool.getCredentials({ idToken: done.tokens.idToken }))._unsafeUnwrap();
      expect(creds.identityId).toMatch(/^us-east-1:/);
      expect(creds.expiration.getTime()).toBeGreaterThan(Date.now());
      expect(counter.take().byOperation).toEqual({ GetId: 1, GetCredentialsForIdentity: 1 });
      const cached = (await pool.getCredentials({ idToken: done.tokens.idToken }))._unsafeUnwrap();
      expect(cached).toEqual(creds);
      expect(counter.take().total).toBe(0);

      // …and those credentials drive an ordinary AWS SDK client.
      const s3 = s3With(s, creds);
      const bucket = `story-${username}`.toLowerCase();
      await s3.send(new CreateBucketCommand({ Bucket: bucket }));
      const listed = await s3.send(new ListBucketsCommand({}));
      expect(listed.Buckets?.map((b) => b.Name)).toContain(bucket);
    });
  }

  it('resumes a NEW_PASSWORD_REQUIRED step that travelled as JSON to another AuthClient instance', async () => {
    const server1 = clientsFor(s);
    const server2 = clientsFor(s);
    const username = uniqueUsername('carol');
    (
      await server1.admin.adminCreateUser({
        username,
        temporaryPassword: TEMPORARY_PASSWORD,
        messageAction: 'SUPPRESS',
      })
    )._unsafeUnwrap();
    const step = (
      await server1.auth.signIn({ username, password: TEMPORARY_PASSWORD, flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrap();
    const wire = JSON.stringify(step);
    const resumed = server2.auth.resume(wire)._unsafeUnwrap();
    expect(resumed).toEqual(step);
    if (resumed.step !== 'NEW_PASSWORD_REQUIRED') throw new Error(`unexpected ${resumed.step}`);
    const done = (await server2.auth.completeNewPassword(resumed, NEW_PASSWORD))._unsafeUnwrap();
    expect(done.step).toBe('SIGNED_IN');
  });

  it('gives guest credentials once and then serves them from the cache', async () => {
    const { pool, counter } = clientsFor(s);
    const guest = (await pool.getGuestCredentials())._unsafeUnwrap();
    expect(guest.identityId).toMatch(/^us-east-1:/);
    expect(counter.take().byOperation).toEqual({ GetId: 1, GetCredentialsForIdentity: 1 });
    expect((await pool.getGuestCredentials())._unsafeUnwrap()).toEqual(guest);
    expect(counter.take().total).toBe(0);
  });
});
