import { InitiateAuthCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { IdentityPool } from '../../src/identity/index.js';
import { AuthClient, secretHash } from '../../src/index.js';
import {
  clientsFor,
  NEW_PASSWORD,
  signedInUser,
  stack,
  TEMPORARY_PASSWORD,
  uniqueUsername,
} from './clients.js';

describe.skipIf(!stack)('sign-in failures against moto over HTTP', () => {
  const s = stack as NonNullable<typeof stack>;

  const confirmedUser = async (prefix: string) => (await signedInUser(s, prefix)).username;

  it('a wrong password is NotAuthorized and the message does not contain it', async () => {
    const username = await confirmedUser('dave');
    const { auth } = clientsFor(s);
    const wrong = 'Wrong-Passw0rd!';
    const result = await auth.signIn({ username, password: wrong, flow: 'USER_PASSWORD_AUTH' });
    const error = result._unsafeUnwrapErr();
    expect(error.type).toBe('NotAuthorized');
    expect(error.retryable).toBe(false);
    expect(JSON.stringify(error)).not.toContain(wrong);
  });

  it('an unknown user is UserNotFound', async () => {
    const { auth } = clientsFor(s);
    const result = await auth.signIn({
      username: uniqueUsername('nobody'),
      password: 'Whatever-1!',
      flow: 'USER_PASSWORD_AUTH',
    });
    expect(result._unsafeUnwrapErr().type).toBe('UserNotFound');
  });

  it('an unknown user through the app client with a secret is UserNotFound too', async () => {
    const { auth } = clientsFor(s, { secret: true });
    const result = await auth.signIn({
      username: uniqueUsername('nobody'),
      password: 'Whatever-1!',
      flow: 'USER_PASSWORD_AUTH',
    });
    expect(result._unsafeUnwrapErr().type).toBe('UserNotFound');
  });

  it('an unconfirmed self-signed-up user gets the CONFIRM_SIGN_UP step', async () => {
    const { idp, auth } = clientsFor(s);
    const username = uniqueUsername('erin');
    await idp.send(
      new SignUpCommand({
        ClientId: s.clientId,
        Username: username,
        Password: NEW_PASSWORD,
        UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
      }),
    );
    const step = (
      await auth.signIn({ username, password: NEW_PASSWORD, flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrap();
    expect(step).toEqual({ step: 'CONFIRM_SIGN_UP', clientId: s.clientId, username });
  });

  it('moto accepts the SECRET_HASH secretHash computes and rejects one for another user name', async () => {
    const { idp } = clientsFor(s);
    const username = await confirmedUser('frank');
    const send = async (hashFor: string) =>
      idp.send(
        new InitiateAuthCommand({
          AuthFlow: 'USER_SRP_AUTH',
          ClientId: s.secretClientId,
          AuthParameters: {
            USERNAME: username,
            SRP_A: 'ab'.repeat(384),
            SECRET_HASH: await secretHash(hashFor, s.secretClientId, s.clientSecret),
          },
        }),
      );
    const accepted = await send(username);
    expect(accepted.ChallengeName).toBe('PASSWORD_VERIFIER');
    await expect(send(`${username}x`)).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });

  it('an unreachable endpoint is a retryable Network error, not a throw', async () => {
    const auth = AuthClient.create({
      userPoolId: s.userPoolId,
      clientId: s.clientId,
      endpoint: 'http://127.0.0.1:9',
    })._unsafeUnwrap();
    const error = (
      await auth.signIn({ username: 'x', password: 'Whatever-1!', flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrapErr();
    expect(error.type).toBe('Network');
    expect(error.retryable).toBe(true);
  });

  it('an app client id unknown to the pool is ResourceNotFound', async () => {
    const auth = AuthClient.create({
      userPoolId: s.userPoolId,
      clientId: 'nosuchclient',
      endpoint: s.endpoint,
    })._unsafeUnwrap();
    const error = (
      await auth.signIn({ username: 'x', password: 'Whatever-1!', flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrapErr();
    expect(error.type).toBe('ResourceNotFound');
  });

  it('a too-weak new password is InvalidPassword and leaves the step answerable', async () => {
    const { admin, auth } = clientsFor(s);
    const username = uniqueUsername('gina');
    (
      await admin.adminCreateUser({
        username,
        temporaryPassword: TEMPORARY_PASSWORD,
        messageAction: 'SUPPRESS',
      })
    )._unsafeUnwrap();
    const step = (
      await auth.signIn({ username, password: TEMPORARY_PASSWORD, flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrap();
    if (step.step !== 'NEW_PASSWORD_REQUIRED') throw new Error(`unexpected ${step.step}`);
    const weak = await auth.completeNewPassword(step, 'weakpass');
    const error = weak._unsafeUnwrapErr();
    expect(error.type).toBe('InvalidPassword');
    expect(error.message).not.toContain('weakpass');
    expect((await auth.completeNewPassword(step, NEW_PASSWORD))._unsafeUnwrap().step).toBe('SIGNED_IN');
  });

  it('an unknown identity pool, which moto answers with HTTP 500, is a retryable Unexpected error, not a throw', async () => {
    const username = await confirmedUser('hal');
    const { auth } = clientsFor(s);
    const signedIn = (
      await auth.signIn({ username, password: NEW_PASSWORD, flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrap();
    if (signedIn.step !== 'SIGNED_IN') throw new Error(`unexpected ${signedIn.step}`);
    const pool = IdentityPool.create({
      identityPoolId: 'us-east-1:00000000-0000-0000-0000-000000000000',
      endpoint: s.endpoint,
    })._unsafeUnwrap();
    const error = (await pool.getCredentials({ idToken: signedIn.tokens.idToken }))._unsafeUnwrapErr();
    // AWS answers ResourceNotFoundException here (mapped in the unit tests); moto fails with HTTP 500.
    expect(error.type).toBe('Unexpected');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('HTTP 500');
  });
});
