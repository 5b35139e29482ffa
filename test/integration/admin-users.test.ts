import { InitiateAuthCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { type AdminUser, where } from '../../src/admin/index.js';
import { decodeIdToken } from '../../src/index.js';
import { clientsFor, NEW_PASSWORD, stack, TEMPORARY_PASSWORD, uniqueUsername } from './clients.js';

describe.skipIf(!stack)('users and groups through cognito-flow/admin against moto', () => {
  const s = stack as NonNullable<typeof stack>;

  /** A confirmed user with NEW_PASSWORD as a permanent password. */
  async function confirmedUser(prefix: string) {
    const clients = clientsFor(s);
    const username = uniqueUsername(prefix);
    (
      await clients.admin.createUser({
        username,
        attributes: { email: `${username}@example.com`, email_verified: true },
        temporaryPassword: TEMPORARY_PASSWORD,
        messageAction: 'SUPPRESS',
      })
    )._unsafeUnwrap();
    (await clients.admin.setUserPassword(username, NEW_PASSWORD, { permanent: true }))._unsafeUnwrap();
    clients.counter.take();
    return { ...clients, username };
  }

  async function signIn(clients: ReturnType<typeof clientsFor>, username: string) {
    return clients.auth.signIn({ username, password: NEW_PASSWORD, flow: 'USER_PASSWORD_AUTH' });
  }

  it('setUserPassword permanent confirms the user, who then signs in directly; temporary asks for a new one', async () => {
    const clients = clientsFor(s);
    const username = uniqueUsername('password');
    (
      await clients.admin.createUser({
        username,
        temporaryPassword: TEMPORARY_PASSWORD,
        messageAction: 'SUPPRESS',
      })
    )._unsafeUnwrap();

    (await clients.admin.setUserPassword(username, NEW_PASSWORD, { permanent: true }))._unsafeUnwrap();
    expect((await clients.admin.getUser(username))._unsafeUnwrap().status).toBe('CONFIRMED');
    expect((await signIn(clients, username))._unsafeUnwrap().step).toBe('SIGNED_IN');

    (await clients.admin.setUserPassword(username, TEMPORARY_PASSWORD, { permanent: false }))._unsafeUnwrap();
    expect((await clients.admin.getUser(username))._unsafeUnwrap().status).toBe('FORCE_CHANGE_PASSWORD');
    const step = await clients.auth.signIn({
      username,
      password: TEMPORARY_PASSWORD,
      flow: 'USER_PASSWORD_AUTH',
    });
    expect(step._unsafeUnwrap().step).toBe('NEW_PASSWORD_REQUIRED');
  });

  it('getUser returns the attributes and MFA settings; updateUserAttributes changes them', async () => {
    const { admin, counter, username } = await confirmedUser('attrs');

    (
      await admin.updateUserAttributes(username, {
        phone_number: '+14325551212',
        birthdate: '1990-04-01',
        updated_at: new Date(1_700_000_000_000),
        nickname: 'ally',
      })
    )._unsafeUnwrap();
    (await admin.setUserMfaPreference(username, { sms: { enabled: true, preferred: true } }))._unsafeUnwrap();
    const user = (await admin.getUser(username))._unsafeUnwrap();

    expect(counter.take().byOperation).toEqual({
      AdminUpdateUserAttributes: 1,
      AdminSetUserMFAPreference: 1,
      AdminGetUser: 1,
    });
    expect(user.attributes).toMatchObject({
      phone_number: '+14325551212',
      birthdate: '1990-04-01',
      updated_at: '1700000000',
      nickname: 'ally',
      email: `${username}@example.com`,
    });
    expect(user.mfa).toEqual({ preferred: 'SMS_MFA', enabled: ['SMS_MFA'] });
  });

  it('invalid attribute values are InvalidParameter errors naming the attribute, without a request', async () => {
    const { admin, counter, username } = await confirmedUser('invalid');

    const results = await Promise.all([
      admin.updateUserAttributes(username, { phone_number: '0432 555 1212' }),
      admin.updateUserAttributes(username, { email: 'not-an-email' }),
      admin.updateUserAttributes(username, { birthdate: '1990-02-30' }),
      admin.updateUserAttributes(username, { plan: 'pro' } as never),
      admin.updateUserAttributes(username, { 'custom:averyveryverylongattributename': 'x' }),
    ]);

    expect(results.map((r) => (r.isErr() ? r.error.type : 'ok'))).toEqual(Array(5).fill('InvalidParameter'));
    const names = ['phone_number', 'email', 'birthdate', 'plan', 'custom:averyveryverylongattributename'];
    results.forEach((r, i) => {
      expect(r.isErr() && r.error.message).toContain(`Attribute ${names[i]}:`);
    });
    expect(counter.take().total).toBe(0);
  });

  it('disableUser stops sign-in (NotAuthorized), enableUser restores it, deleteUser removes the user', async () => {
    const clients = await confirmedUser('lifecycle');
    const { admin, username } = clients;

    (await admin.disableUser(username))._unsafeUnwrap();
    expect((await admin.getUser(username))._unsafeUnwrap().enabled).toBe(false);
    const refused = await signIn(clients, username);
    expect(refused.isErr() && refused.error.type).toBe('NotAuthorized');

    (await admin.enableUser(username))._unsafeUnwrap();
    expect((await signIn(clients, username))._unsafeUnwrap().step).toBe('SIGNED_IN');

    (await admin.deleteUser(username))._unsafeUnwrap();
    const gone = await admin.getUser(username);
    expect(gone.isErr() && gone.error.type).toBe('UserNotFound');
  });

  it('resetUserPassword puts a user with a verified email into RESET_REQUIRED', async () => {
    const { admin, username } = await confirmedUser('reset');

    (await admin.resetUserPassword(username))._unsafeUnwrap();

    expect((await admin.getUser(username))._unsafeUnwrap().status).toBe('RESET_REQUIRED');
  });

  it('confirmSignUp confirms a user who signed up', async () => {
    const { admin, idp } = clientsFor(s);
    const username = uniqueUsername('signup');
    await idp.send(
      new SignUpCommand({
        ClientId: s.clientId,
        Username: username,
        Password: NEW_PASSWORD,
        UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
      }),
    );
    expect((await admin.getUser(username))._unsafeUnwrap().status).toBe('UNCONFIRMED');

    (await admin.confirmSignUp(username))._unsafeUnwrap();

    expect((await admin.getUser(username))._unsafeUnwrap().status).toBe('CONFIRMED');
  });

  it('userGlobalSignOut revokes the refresh token', async () => {
    const clients = await confirmedUser('signout');
    const step = (await signIn(clients, clients.username))._unsafeUnwrap();
    if (step.step !== 'SIGNED_IN') throw new Error(`expected SIGNED_IN, got ${step.step}`);
    const refresh = () =>
      clients.idp.send(
        new InitiateAuthCommand({
          ClientId: s.clientId,
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          AuthParameters: { REFRESH_TOKEN: step.tokens.refreshToken ?? '' },
        }),
      );
    await expect(refresh()).resolves.toBeDefined();

    (await clients.admin.userGlobalSignOut(clients.username))._unsafeUnwrap();

    await expect(refresh()).rejects.toMatchObject({ name: 'NotAuthorizedException' });
  });

  it('groups: members get the cognito:groups claim; list, remove and delete work', async () => {
    const clients = await confirmedUser('grouped');
    const { admin, username } = clients;
    const groupName = uniqueUsername('editors');

    const group = (
      await admin.createGroup({ groupName, description: 'Can edit', precedence: 2 })
    )._unsafeUnwrap();
    expect(group).toMatchObject({ groupName, description: 'Can edit', precedence: 2 });
    (await admin.addUserToGroup(username, groupName))._unsafeUnwrap();

    const signedIn = (await signIn(clients, username))._unsafeUnwrap();
    if (signedIn.step !== 'SIGNED_IN') throw new Error(`expected SIGNED_IN, got ${signedIn.step}`);
    expect(decodeIdToken(signedIn.tokens.idToken)._unsafeUnwrap()['cognito:groups']).toEqual([groupName]);

    const members = (await admin.listUsersInGroup(groupName).toArray())._unsafeUnwrap();
    expect(members.map((m) => m.username)).toEqual([username]);
    const groups = (await admin.listGroupsForUser(username).toArray())._unsafeUnwrap();
    expect(groups.map((g) => g.groupName)).toEqual([groupName]);
    const all = (await admin.listGroups().toArray())._unsafeUnwrap();
    expect(all.map((g) => g.groupName)).toContain(groupName);

    (await admin.removeUserFromGroup(username, groupName))._unsafeUnwrap();
    const after = (await signIn(clients, username))._unsafeUnwrap();
    if (after.step !== 'SIGNED_IN') throw new Error(`expected SIGNED_IN, got ${after.step}`);
    expect(decodeIdToken(after.tokens.idToken)._unsafeUnwrap()['cognito:groups']).toBeUndefined();

    (await admin.deleteGroup(groupName))._unsafeUnwrap();
    const listed = (await admin.listGroups().toArray())._unsafeUnwrap();
    expect(listed.map((g) => g.groupName)).not.toContain(groupName);
  });

  it('listUsers pages through more users than one page (25 users, 10 a page: 3 requests)', async () => {
    const { admin, counter } = clientsFor(s);
    const prefix = uniqueUsername('paged');
    for (let i = 0; i < 25; i += 1) {
      (
        await admin.createUser({
          username: `${prefix}-${String(i).padStart(2, '0')}`,
          messageAction: 'SUPPRESS',
        })
      )._unsafeUnwrap();
    }
    counter.take();

    const seen: AdminUser[] = [];
    for await (const user of admin.listUsers({
      filter: where('username').startsWith(prefix),
      pageSize: 10,
    })) {
      seen.push(user._unsafeUnwrap());
    }

    expect(seen).toHaveLength(25);
    expect(new Set(seen.map((u) => u.username)).size).toBe(25);
    expect(seen.every((u) => u.username.startsWith(prefix) && u.status === 'FORCE_CHANGE_PASSWORD')).toBe(
      true,
    );
    expect(counter.take().byOperation).toEqual({ ListUsers: 3 });

    const byStatus = (
      await admin
        .listUsers({ filter: where('cognito:user_status').equals('FORCE_CHANGE_PASSWORD'), pageSize: 60 })
        .toArray()
    )._unsafeUnwrap();
    expect(byStatus.filter((u) => u.username.startsWith(prefix))).toHaveLength(25);
  });
});
