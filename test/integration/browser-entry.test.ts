import { ListBucketsCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { AuthClient, IdentityPool } from '../../src/browser/index.js';
import type { Step } from '../../src/index.js';
import { unwrap } from '../support/unwrap.js';
import { clientsFor, NEW_PASSWORD, s3With, stack, TEMPORARY_PASSWORD, uniqueUsername } from './clients.js';

describe.skipIf(!stack)('cognito-flow/browser against moto (plain fetch, no AWS SDK)', () => {
  const s = stack as NonNullable<typeof stack>;
  const browserAuth = () =>
    AuthClient.create({
      userPoolId: s.userPoolId,
      clientId: s.clientId,
      endpoint: s.endpoint,
    })._unsafeUnwrap();

  it('signs an admin-created user in (NEW_PASSWORD_REQUIRED → SIGNED_IN, then SRP) and gets identity credentials that work with S3', async () => {
    const { admin } = clientsFor(s);
    const username = uniqueUsername('browser');
    unwrap(
      await admin.adminCreateUser({
        username,
        temporaryPassword: TEMPORARY_PASSWORD,
        messageAction: 'SUPPRESS',
      }),
    );
    const auth = browserAuth();
    const first = unwrap(
      await auth.signIn({ username, password: TEMPORARY_PASSWORD, flow: 'USER_PASSWORD_AUTH' }),
    );
    expect(first.step).toBe('NEW_PASSWORD_REQUIRED');
    const done = unwrap(await auth.completeNewPassword(first as Step<'NEW_PASSWORD_REQUIRED'>, NEW_PASSWORD));
    expect(done.step).toBe('SIGNED_IN');
    const srp = unwrap(await auth.signIn({ username, password: NEW_PASSWORD }));
    expect(srp.step).toBe('SIGNED_IN');
    if (srp.step !== 'SIGNED_IN') return;
    const pool = IdentityPool.create({
      identityPoolId: s.identityPoolId,
      endpoint: s.endpoint,
    })._unsafeUnwrap();
    const credentials = unwrap(await pool.getCredentials({ idToken: srp.tokens.idToken }));
    expect(credentials.expiration).toBeInstanceOf(Date);
    expect((await s3With(s, credentials).send(new ListBucketsCommand({}))).$metadata.httpStatusCode).toBe(
      200,
    );
    expect(
      (
        await auth.signIn({ username, password: 'Wrong-Passw0rd!', flow: 'USER_PASSWORD_AUTH' })
      )._unsafeUnwrapErr().type,
    ).toBe('NotAuthorized');
  });

  it('refuses the signed admin API with InvalidConfig, without a request', async () => {
    const error = (
      await browserAuth().adminSignIn({ username: 'x', password: 'Whatever-1!' })
    )._unsafeUnwrapErr();
    expect(error.type).toBe('InvalidConfig');
  });
});
