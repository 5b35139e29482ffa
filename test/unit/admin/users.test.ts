import {
  AdminConfirmSignUpCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminLinkProviderForUserCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  AliasExistsException,
  CognitoIdentityProviderClient,
  InvalidPasswordException,
  ListUsersCommand,
  MFAMethodNotFoundException,
  UserNotConfirmedException,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { AdminClient, type UserMfaPreferences, where } from '../../../src/admin/index.js';

const POOL = 'eu-west-1_AbC123';
const PASSWORD = 'Sup3r-Secret-Passw0rd';
const CREATED = new Date(Date.UTC(2025, 2, 1));
const idp = mockClient(CognitoIdentityProviderClient);

const admin = (userPoolId: string | null = POOL) =>
  AdminClient.create({
    ...(userPoolId ? { userPoolId } : { region: 'eu-west-1' }),
    client: new CognitoIdentityProviderClient({ region: 'eu-west-1' }),
  })._unsafeUnwrap();

function user(name: string) {
  return {
    Username: name,
    Attributes: [{ Name: 'sub', Value: `sub-${name}` }],
    UserStatus: 'CONFIRMED' as const,
    Enabled: true,
  };
}

beforeEach(() => {
  idp.reset();
});

describe('AdminClient.getUser', () => {
  it('sends AdminGetUser and maps the user with MFA settings and dates', async () => {
    const modified = new Date(Date.UTC(2025, 3, 1));
    idp.on(AdminGetUserCommand).resolves({
      Username: 'alice',
      UserAttributes: [
        { Name: 'sub', Value: 'sub-alice' },
        { Name: 'email', Value: 'alice@example.com' },
      ],
      UserStatus: 'CONFIRMED',
      Enabled: false,
      UserCreateDate: CREATED,
      UserLastModifiedDate: modified,
      PreferredMfaSetting: 'SOFTWARE_TOKEN_MFA',
      UserMFASettingList: ['SOFTWARE_TOKEN_MFA', 'SMS_MFA'],
    });

    const found = (await admin().getUser('alice'))._unsafeUnwrap();

    expect(idp.commandCalls(AdminGetUserCommand)[0]?.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: 'alice',
    });
    expect(found).toEqual({
      username: 'alice',
      sub: 'sub-alice',
      status: 'CONFIRMED',
      enabled: false,
      attributes: { sub: 'sub-alice', email: 'alice@example.com' },
      createdAt: CREATED,
      lastModifiedAt: modified,
      mfa: { preferred: 'SOFTWARE_TOKEN_MFA', enabled: ['SOFTWARE_TOKEN_MFA', 'SMS_MFA'] },
    });
  });

  it('reports no MFA as an empty list without a preference', async () => {
    idp.on(AdminGetUserCommand).resolves({ Username: 'bob', UserStatus: 'CONFIRMED', Enabled: true });
    expect((await admin().getUser('bob'))._unsafeUnwrap().mfa).toEqual({ enabled: [] });
  });

  it('maps UserNotFoundException to UserNotFound', async () => {
    idp
      .on(AdminGetUserCommand)
      .rejects(new UserNotFoundException({ message: 'User does not exist.', $metadata: {} }));
    const result = await admin().getUser('ghost');
    expect(result.isErr() && result.error.type).toBe('UserNotFound');
  });

  it('returns Unexpected for an answer without Username', async () => {
    idp.on(AdminGetUserCommand).resolves({});
    const result = await admin().getUser('alice');
    expect(result.isErr() && result.error.type).toBe('Unexpected');
  });

  it.each([
    ['an empty user name', ''],
    ['a user name over 128 characters', 'x'.repeat(129)],
    ['a user name that is not a string', 42 as unknown as string],
  ])('rejects %s with InvalidParameter and sends nothing', async (_name, username) => {
    const result = await admin().getUser(username);
    expect(result.isErr() && result.error.type).toBe('InvalidParameter');
    expect(idp.calls()).toHaveLength(0);
  });

  it('on a client without a user pool, is InvalidParameter and sends nothing', async () => {
    const result = await admin(null).getUser('alice');
    expect(result.isErr() && result.error.type).toBe('InvalidParameter');
    expect(result.isErr() && result.error.message).toContain('forUserPool');
    expect(idp.calls()).toHaveLength(0);
  });
});

describe('AdminClient.listUsers', () => {
  it('follows PaginationToken over every page, sending the filter, page size and attributes', async () => {
    idp
      .on(ListUsersCommand)
      .resolvesOnce({ Users: [user('a'), user('b')], PaginationToken: 'p2' })
      .resolvesOnce({ Users: [user('c')], PaginationToken: 'p3' })
      .resolvesOnce({ Users: [user('d')] });

    const names: string[] = [];
    for await (const found of admin().listUsers({
      filter: where('email').startsWith('a'),
      pageSize: 2,
      attributesToGet: ['email'],
    })) {
      names.push(found._unsafeUnwrap().username);
    }

    expect(names).toEqual(['a', 'b', 'c', 'd']);
    expect(idp.commandCalls(ListUsersCommand).map((c) => c.args[0].input)).toEqual([
      { UserPoolId: POOL, Filter: 'email ^= "a"', Limit: 2, AttributesToGet: ['email'] },
      {
        UserPoolId: POOL,
        Filter: 'email ^= "a"',
        Limit: 2,
        AttributesToGet: ['email'],
        PaginationToken: 'p2',
      },
      {
        UserPoolId: POOL,
        Filter: 'email ^= "a"',
        Limit: 2,
        AttributesToGet: ['email'],
        PaginationToken: 'p3',
      },
    ]);
  });

  it('lists every user without options, and an empty pool as nothing', async () => {
    idp
      .on(ListUsersCommand)
      .resolvesOnce({ Users: [user('a')] })
      .resolvesOnce({});
    expect((await admin().listUsers().toArray())._unsafeUnwrap().map((u) => u.username)).toEqual(['a']);
    expect((await admin().listUsers().toArray())._unsafeUnwrap()).toEqual([]);
  });

  it.each([
    ['a page size of 0', { pageSize: 0 }],
    ['a page size of 61', { pageSize: 61 }],
    ['a filter value with a quote', { filter: where('email').equals('"') }],
  ])('rejects %s with InvalidParameter, yielding one Err and sending nothing', async (_name, options) => {
    const results = [];
    for await (const found of admin().listUsers(options)) results.push(found);
    expect(results).toHaveLength(1);
    expect(results[0]?.isErr() && results[0].error.type).toBe('InvalidParameter');
    expect(idp.calls()).toHaveLength(0);
  });

  it('a listing of an invalid client yields its InvalidConfig', async () => {
    const result = await new AdminClient({ userPoolId: 'bad' }).listUsers().toArray();
    expect(result.isErr() && result.error.type).toBe('InvalidConfig');
  });
});

describe('AdminClient: calls about one user', () => {
  it.each([
    ['enableUser', AdminEnableUserCommand],
    ['disableUser', AdminDisableUserCommand],
    ['deleteUser', AdminDeleteUserCommand],
    ['userGlobalSignOut', AdminUserGlobalSignOutCommand],
    ['resetUserPassword', AdminResetUserPasswordCommand],
    ['confirmSignUp', AdminConfirmSignUpCommand],
  ] as const)('%s sends its command for the pool and user', async (method, Command) => {
    idp.on(Command).resolves({});

    const result = await admin()[method]('alice');

    expect(result.isOk()).toBe(true);
    expect(idp.commandCalls(Command)[0]?.args[0].input).toEqual({ UserPoolId: POOL, Username: 'alice' });
  });

  it('resetUserPassword and confirmSignUp pass client metadata to the triggers', async () => {
    idp.on(AdminResetUserPasswordCommand).resolves({});
    idp.on(AdminConfirmSignUpCommand).resolves({});
    await admin().resetUserPassword('alice', { clientMetadata: { by: 'support' } });
    await admin().confirmSignUp('alice', { clientMetadata: { by: 'import' } });
    expect(idp.commandCalls(AdminResetUserPasswordCommand)[0]?.args[0].input.ClientMetadata).toEqual({
      by: 'support',
    });
    expect(idp.commandCalls(AdminConfirmSignUpCommand)[0]?.args[0].input.ClientMetadata).toEqual({
      by: 'import',
    });
  });

  it('maps UserNotFoundException on disableUser to UserNotFound', async () => {
    idp.on(AdminDisableUserCommand).rejects(new UserNotFoundException({ message: 'nope', $metadata: {} }));
    const result = await admin().disableUser('ghost');
    expect(result.isErr() && result.error.type).toBe('UserNotFound');
  });

  it('setUserPassword sends Permanent as given', async () => {
    idp.on(AdminSetUserPasswordCommand).resolves({});
    await admin().setUserPassword('alice', PASSWORD, { permanent: true });
    await admin().setUserPassword('alice', PASSWORD, { permanent: false });
    expect(idp.commandCalls(AdminSetUserPasswordCommand).map((c) => c.args[0].input)).toEqual([
      { UserPoolId: POOL, Username: 'alice', Password: PASSWORD, Permanent: true },
      { UserPoolId: POOL, Username: 'alice', Password: PASSWORD, Permanent: false },
    ]);
  });

  it('setUserPassword maps InvalidPasswordException without echoing the password', async () => {
    idp
      .on(AdminSetUserPasswordCommand)
      .rejects(new InvalidPasswordException({ message: `Password ${PASSWORD} is too weak`, $metadata: {} }));
    const result = await admin().setUserPassword('alice', PASSWORD, { permanent: true });
    expect(result.isErr()).toBe(true);
    if (result.isOk()) return;
    expect(result.error.type).toBe('InvalidPassword');
    expect(result.error.message).not.toContain(PASSWORD);
    expect(JSON.stringify(result.error)).not.toContain(PASSWORD);
  });

  it.each([
    ['an empty password', '', { permanent: true }],
    ['no permanent flag', PASSWORD, {} as { permanent: boolean }],
  ])(
    'setUserPassword rejects %s with InvalidParameter and sends nothing',
    async (_name, password, options) => {
      const result = await admin().setUserPassword('alice', password, options);
      expect(result.isErr() && result.error.type).toBe('InvalidParameter');
      expect(idp.calls()).toHaveLength(0);
    },
  );

  it('updateUserAttributes sends the validated, converted attributes', async () => {
    idp.on(AdminUpdateUserAttributesCommand).resolves({});
    await admin().updateUserAttributes(
      'alice',
      { phone_number: '+14325551212', updated_at: new Date(1_700_000_000_000), 'custom:plan': 'pro' },
      { clientMetadata: { why: 'support' } },
    );
    expect(idp.commandCalls(AdminUpdateUserAttributesCommand)[0]?.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: 'alice',
      UserAttributes: [
        { Name: 'phone_number', Value: '+14325551212' },
        { Name: 'updated_at', Value: '1700000000' },
        { Name: 'custom:plan', Value: 'pro' },
      ],
      ClientMetadata: { why: 'support' },
    });
  });

  it('updateUserAttributes rejects bad values and an empty update without a request', async () => {
    const bad = await admin().updateUserAttributes('alice', { phone_number: '555-1212' });
    const empty = await admin().updateUserAttributes('alice', {});
    expect(bad.isErr() && bad.error.message).toContain('phone_number');
    expect(empty.isErr() && empty.error.type).toBe('InvalidParameter');
    expect(idp.calls()).toHaveLength(0);
  });

  it('updateUserAttributes maps AliasExistsException to UsernameExists', async () => {
    idp
      .on(AdminUpdateUserAttributesCommand)
      .rejects(
        new AliasExistsException({ message: 'An account with the email already exists.', $metadata: {} }),
      );
    const result = await admin().updateUserAttributes('alice', { email: 'taken@example.com' });
    expect(result.isErr() && result.error.type).toBe('UsernameExists');
  });
});

describe('AdminClient.setUserMfaPreference', () => {
  it('sends each method given, leaving the others out', async () => {
    idp.on(AdminSetUserMFAPreferenceCommand).resolves({});
    await admin().setUserMfaPreference('alice', {
      totp: { enabled: true, preferred: true },
      sms: { enabled: false },
    });
    await admin().setUserMfaPreference('alice', { email: { enabled: true } });
    expect(idp.commandCalls(AdminSetUserMFAPreferenceCommand).map((c) => c.args[0].input)).toEqual([
      {
        UserPoolId: POOL,
        Username: 'alice',
        SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
        SMSMfaSettings: { Enabled: false, PreferredMfa: false },
      },
      { UserPoolId: POOL, Username: 'alice', EmailMfaSettings: { Enabled: true, PreferredMfa: false } },
    ]);
  });

  it.each<[string, UserMfaPreferences]>([
    ['no method', {}],
    [
      'two preferred methods',
      { totp: { enabled: true, preferred: true }, sms: { enabled: true, preferred: true } },
    ],
    ['a preferred method that is disabled', { sms: { enabled: false, preferred: true } }],
    ['a method without enabled', { totp: {} as { enabled: boolean } }],
  ])('rejects %s with InvalidParameter and sends nothing', async (_name, preferences) => {
    const result = await admin().setUserMfaPreference('alice', preferences);
    expect(result.isErr() && result.error.type).toBe('InvalidParameter');
    expect(idp.calls()).toHaveLength(0);
  });

  it('maps UserNotConfirmedException, and MFAMethodNotFoundException to InvalidParameter', async () => {
    idp
      .on(AdminSetUserMFAPreferenceCommand)
      .rejectsOnce(new UserNotConfirmedException({ message: 'not confirmed', $metadata: {} }))
      .rejectsOnce(new MFAMethodNotFoundException({ message: 'no phone number', $metadata: {} }));
    const first = await admin().setUserMfaPreference('alice', { sms: { enabled: true } });
    const second = await admin().setUserMfaPreference('alice', { sms: { enabled: true } });
    expect(first.isErr() && first.error.type).toBe('UserNotConfirmed');
    expect(second.isErr() && second.error.type).toBe('InvalidParameter');
  });
});

describe('AdminClient.linkProviderForUser (moto lacks AdminLinkProviderForUser: aws-sdk-client-mock only)', () => {
  it('links a Google user by subject (Cognito_Subject) to the Cognito user', async () => {
    idp.on(AdminLinkProviderForUserCommand).resolves({});

    (
      await admin().linkProviderForUser('alice', { providerName: 'Google', subject: '1098765' })
    )._unsafeUnwrap();

    expect(idp.commandCalls(AdminLinkProviderForUserCommand)[0]?.args[0].input).toEqual({
      UserPoolId: POOL,
      DestinationUser: { ProviderName: 'Cognito', ProviderAttributeValue: 'alice' },
      SourceUser: {
        ProviderName: 'Google',
        ProviderAttributeName: 'Cognito_Subject',
        ProviderAttributeValue: '1098765',
      },
    });
  });

  it('links a SAML user by another attribute', async () => {
    idp.on(AdminLinkProviderForUserCommand).resolves({});
    await admin().linkProviderForUser('alice', {
      providerName: 'Corp',
      attributeName: 'NameID',
      value: 'alice@corp',
    });
    expect(idp.commandCalls(AdminLinkProviderForUserCommand)[0]?.args[0].input.SourceUser).toEqual({
      ProviderName: 'Corp',
      ProviderAttributeName: 'NameID',
      ProviderAttributeValue: 'alice@corp',
    });
  });

  it('maps AliasExistsException (already linked) to UsernameExists', async () => {
    idp
      .on(AdminLinkProviderForUserCommand)
      .rejects(new AliasExistsException({ message: 'linked', $metadata: {} }));
    const result = await admin().linkProviderForUser('alice', { providerName: 'Google', subject: '1' });
    expect(result.isErr() && result.error.type).toBe('UsernameExists');
  });

  it.each([
    ['Cognito as the provider', { providerName: 'Cognito', subject: '1' }],
    ['an empty subject', { providerName: 'Google', subject: '' }],
    ['a provider name with spaces', { providerName: 'My Corp', subject: '1' }],
    ['an empty attribute name', { providerName: 'Corp', attributeName: '', value: 'x' }],
  ])('rejects %s with InvalidParameter and sends nothing', async (_name, external) => {
    const result = await admin().linkProviderForUser('alice', external);
    expect(result.isErr() && result.error.type).toBe('InvalidParameter');
    expect(idp.calls()).toHaveLength(0);
  });
});
