import type { UserMigrationTriggerHandler } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { type LegacySignIn, TriggerError, userMigration } from '../../../src/triggers/index.js';
import { migrationEvent } from './cognito-events.js';

/** A legacy user store: alice, with her old password. */
const legacy = {
  users: new Map([['alice', { password: 'Legacy-Passw0rd!', email: 'alice@example.com', name: 'Alice' }]]),
  verify(userName: string, password: string) {
    const user = this.users.get(userName);
    return user && user.password === password ? user : undefined;
  },
};

const handler = userMigration({
  authenticate: ({ userName, password }) => {
    const user = legacy.verify(userName, password);
    return user ? { attributes: { email: user.email, email_verified: 'true', name: user.name } } : undefined;
  },
  findUser: ({ userName }) => {
    const user = legacy.users.get(userName);
    return user ? { attributes: { email: user.email, email_verified: 'true' } } : undefined;
  },
});

describe('userMigration', () => {
  it('at sign-in, checks the password with the legacy store and creates the user confirmed, without a welcome message', async () => {
    const typed: UserMigrationTriggerHandler = handler;
    const answered = await typed(
      migrationEvent('UserMigration_Authentication'),
      {} as never,
      () => undefined,
    );
    expect(answered.response).toEqual({
      userAttributes: { email: 'alice@example.com', email_verified: 'true', name: 'Alice' },
      finalUserStatus: 'CONFIRMED',
      messageAction: 'SUPPRESS',
    });
  });

  it('passes the user name, password, validation data and client metadata to authenticate', async () => {
    let seen: LegacySignIn | undefined;
    const spy = userMigration({
      authenticate: (input) => {
        seen = input;
        return { attributes: { email: 'a@example.com' } };
      },
    });
    const event = migrationEvent('UserMigration_Authentication');
    event.request.clientMetadata = { source: 'web' };
    await spy(event);
    expect(seen).toMatchObject({
      userName: 'alice',
      password: 'Legacy-Passw0rd!',
      clientMetadata: { source: 'web' },
    });
  });

  it('fails a wrong password with a plain Error that names neither the user nor the password', async () => {
    const error = await handler(migrationEvent('UserMigration_Authentication', 'wrong-password-1')).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(TriggerError);
    expect((error as Error).message).toBe('User not found or wrong password');
  });

  it('in the forgot-password flow, looks the user up and leaves finalUserStatus to Cognito', async () => {
    const answered = await handler(migrationEvent('UserMigration_ForgotPassword'));
    expect(answered.response).toEqual({
      userAttributes: { email: 'alice@example.com', email_verified: 'true' },
      messageAction: 'SUPPRESS',
    });
  });

  it('without findUser, answers the forgot-password flow as "not found"', async () => {
    const signInOnly = userMigration({ authenticate: () => ({ attributes: { email: 'a@example.com' } }) });
    await expect(signInOnly(migrationEvent('UserMigration_ForgotPassword'))).rejects.toThrow(
      'User not found or wrong password',
    );
  });

  it('keeps the welcome message, RESET_REQUIRED and forceAliasCreation when asked', async () => {
    const custom = userMigration({
      authenticate: () => ({
        attributes: { email: 'a@example.com' },
        finalUserStatus: 'RESET_REQUIRED',
        forceAliasCreation: true,
      }),
      suppressWelcomeMessage: false,
    });
    expect((await custom(migrationEvent('UserMigration_Authentication'))).response).toEqual({
      userAttributes: { email: 'a@example.com' },
      finalUserStatus: 'RESET_REQUIRED',
      forceAliasCreation: true,
    });
  });

  it.each([
    ['sub', { attributes: { sub: 'mine', email: 'a@example.com' } }, 'cannot set sub'],
    ['no attributes', { attributes: {} }, 'at least one attribute'],
    [
      'a non-string attribute',
      { attributes: { email_verified: true } },
      'attributes.email_verified must be a string',
    ],
    ['a bad status', { attributes: { email: 'a@x.io' }, finalUserStatus: 'ACTIVE' }, 'finalUserStatus'],
  ])('refuses a migrated user with %s, with a response TriggerError', async (_name, user, fragment) => {
    const bad = userMigration({ authenticate: () => user as never });
    const error = await bad(migrationEvent('UserMigration_Authentication')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TriggerError);
    expect((error as Error).message).toContain(fragment);
    expect((error as Error).message).not.toContain('Legacy-Passw0rd!');
  });

  it('refuses a password reset for a user without a verified email or phone (Cognito could not send the code)', async () => {
    const unverified = userMigration({
      authenticate: () => undefined,
      findUser: () => ({ attributes: { email: 'a@example.com', email_verified: 'false' } }),
    });
    await expect(unverified(migrationEvent('UserMigration_ForgotPassword'))).rejects.toThrow(
      'verified email',
    );
  });

  it('refuses a sign-in event without a password, and invalid options when it is built', async () => {
    const event = migrationEvent('UserMigration_Authentication');
    (event.request as { password?: unknown }).password = undefined;
    await expect(handler(event)).rejects.toThrow('request.password is missing');
    expect(() => userMigration({} as never)).toThrow('authenticate must be a function');
    expect(() => userMigration({ authenticate: () => undefined, findUser: 'x' as never })).toThrow(
      'findUser',
    );
  });
});
