import {
  AdminCreateUserCommand,
  type AdminCreateUserCommandOutput,
  CodeMismatchException,
  CognitoIdentityProviderClient,
  InvalidPasswordException,
  NotAuthorizedException,
  TooManyRequestsException,
  UserLambdaValidationException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import type { Result } from 'neverthrow';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  AdminClient,
  type AdminClientConfig,
  type AdminCreateUserError,
  type AdminUser,
  remapAdminError,
  type UserAttributes,
} from '../../../src/admin/index.js';
import { mapSdkError } from '../../../src/errors/map-sdk-error.js';

const USER_POOL_ID = 'eu-west-1_AbC123';
const SUB = 'aaaaaaaa-1111-2222-3333-444444444444';
const CREATED = new Date(Date.UTC(2025, 2, 1, 9, 30, 0));
const TEMP_PASSWORD = 'Temp-Passw0rd!xyz';

const idp = mockClient(CognitoIdentityProviderClient);

function makeAdmin(extra: Partial<AdminClientConfig> = {}): AdminClient {
  return AdminClient.create({
    userPoolId: USER_POOL_ID,
    client: new CognitoIdentityProviderClient({ region: 'eu-west-1' }),
    ...extra,
  })._unsafeUnwrap();
}

/** An AdminCreateUser answer as Cognito sends it. */
function createdUser(overrides: Partial<NonNullable<AdminCreateUserCommandOutput['User']>> = {}) {
  return {
    User: {
      Username: 'alice',
      Attributes: [
        { Name: 'sub', Value: SUB },
        { Name: 'email', Value: 'alice@example.com' },
        { Name: 'email_verified', Value: 'true' },
      ],
      UserStatus: 'FORCE_CHANGE_PASSWORD' as const,
      Enabled: true,
      UserCreateDate: CREATED,
      UserLastModifiedDate: CREATED,
      ...overrides,
    },
  };
}

function sentInputs() {
  return idp.commandCalls(AdminCreateUserCommand).map((call) => call.args[0].input);
}

function expectErr(result: Result<AdminUser, AdminCreateUserError>): AdminCreateUserError {
  if (result.isOk()) throw new Error(`expected Err, got user ${result.value.username}`);
  return result.error;
}

function expectOk(result: Result<AdminUser, AdminCreateUserError>): AdminUser {
  if (result.isErr()) throw new Error(`expected Ok, got ${result.error.type}: ${result.error.message}`);
  return result.value;
}

beforeEach(() => {
  idp.reset();
});

describe('AdminClient.adminCreateUser: the request sent', () => {
  it('sends the pool, user name, converted attributes and every option given', async () => {
    idp.on(AdminCreateUserCommand).resolves(createdUser());
    const admin = makeAdmin();
    const attributes: UserAttributes = {
      email: 'alice@example.com',
      email_verified: true,
      birthdate: new Date(Date.UTC(1990, 3, 1)),
      updated_at: new Date(1_700_000_000_900),
      'custom:n': 3,
      'custom:beta': false,
    };

    expectOk(
      await admin.adminCreateUser({
        username: 'alice',
        attributes,
        temporaryPassword: TEMP_PASSWORD,
        desiredDeliveryMediums: ['EMAIL'],
        messageAction: 'SUPPRESS',
      }),
    );

    expect(sentInputs()).toEqual([
      {
        UserPoolId: USER_POOL_ID,
        Username: 'alice',
        UserAttributes: [
          { Name: 'email', Value: 'alice@example.com' },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'birthdate', Value: '1990-04-01' },
          { Name: 'updated_at', Value: '1700000000' },
          { Name: 'custom:n', Value: '3' },
          { Name: 'custom:beta', Value: 'false' },
        ],
        TemporaryPassword: TEMP_PASSWORD,
        DesiredDeliveryMediums: ['EMAIL'],
        MessageAction: 'SUPPRESS',
      },
    ]);
  });

  it('sends a birthdate string and updated_at epoch seconds as given', async () => {
    idp.on(AdminCreateUserCommand).resolves(createdUser());
    const admin = makeAdmin();

    await admin.adminCreateUser({
      username: 'alice',
      attributes: { birthdate: '0000-12-24', updated_at: 1_700_000_000 },
    });

    expect(sentInputs()[0]?.UserAttributes).toEqual([
      { Name: 'birthdate', Value: '0000-12-24' },
      { Name: 'updated_at', Value: '1700000000' },
    ]);
  });

  it('leaves absent options and empty attributes out of the input', async () => {
    idp.on(AdminCreateUserCommand).resolves(createdUser());
    const admin = makeAdmin();

    await admin.adminCreateUser({ username: 'alice' });
    await admin.adminCreateUser({ username: 'alice', attributes: {} });
    await admin.adminCreateUser({ username: 'alice', attributes: { 'custom:plan': undefined } });

    expect(sentInputs()).toEqual([
      { UserPoolId: USER_POOL_ID, Username: 'alice' },
      { UserPoolId: USER_POOL_ID, Username: 'alice' },
      { UserPoolId: USER_POOL_ID, Username: 'alice' },
    ]);
  });

  it('sends RESEND, SMS delivery, ForceAliasCreation and ClientMetadata when given', async () => {
    idp.on(AdminCreateUserCommand).resolves(createdUser());
    const admin = makeAdmin();

    await admin.adminCreateUser({
      username: 'alice',
      desiredDeliveryMediums: ['SMS', 'EMAIL'],
      messageAction: 'RESEND',
      forceAliasCreation: false,
      clientMetadata: { source: 'import' },
    });

    expect(sentInputs()[0]).toEqual({
      UserPoolId: USER_POOL_ID,
      Username: 'alice',
      DesiredDeliveryMediums: ['SMS', 'EMAIL'],
      MessageAction: 'RESEND',
      ForceAliasCreation: false,
      ClientMetadata: { source: 'import' },
    });
  });

  it('works with a client it creates itself', async () => {
    idp.on(AdminCreateUserCommand).resolves(createdUser());
    const admin = AdminClient.create({ userPoolId: USER_POOL_ID })._unsafeUnwrap();

    expectOk(await admin.adminCreateUser({ username: 'alice' }));

    expect(sentInputs()).toEqual([{ UserPoolId: USER_POOL_ID, Username: 'alice' }]);
  });
});

describe('AdminClient.adminCreateUser: the answer', () => {
  it('maps the created user to an AdminUser', async () => {
    idp.on(AdminCreateUserCommand).resolves(createdUser());
    const admin = makeAdmin();

    const user = expectOk(
      await admin.adminCreateUser({ username: 'alice', temporaryPassword: TEMP_PASSWORD }),
    );

    expect(user).toEqual({
      username: 'alice',
      sub: SUB,
      status: 'FORCE_CHANGE_PASSWORD',
      enabled: true,
      attributes: { sub: SUB, email: 'alice@example.com', email_verified: 'true' },
      createdAt: CREATED,
    });
    expect(user.createdAt).toBeInstanceOf(Date);
  });

  it('reports a disabled user as enabled: false', async () => {
    idp.on(AdminCreateUserCommand).resolves(createdUser({ Enabled: false }));
    const user = expectOk(await makeAdmin().adminCreateUser({ username: 'alice' }));
    expect(user.enabled).toBe(false);
  });

  it('leaves out sub and createdAt when Cognito does not return them', async () => {
    idp.on(AdminCreateUserCommand).resolves(
      createdUser({
        Attributes: [{ Name: 'email', Value: 'alice@example.com' }],
        UserCreateDate: undefined,
      }),
    );

    const user = expectOk(await makeAdmin().adminCreateUser({ username: 'alice' }));

    expect(user).not.toHaveProperty('sub');
    expect(user).not.toHaveProperty('createdAt');
    expect(user.attributes).toEqual({ email: 'alice@example.com' });
  });

  it('returns Unexpected when the answer has no User', async () => {
    idp.on(AdminCreateUserCommand).resolves({});

    const error = expectErr(await makeAdmin().adminCreateUser({ username: 'alice' }));

    expect(error.type).toBe('Unexpected');
    expect(sentInputs()).toHaveLength(1);
  });

  it('returns Unexpected when the User has no Username', async () => {
    idp.on(AdminCreateUserCommand).resolves(createdUser({ Username: undefined }));
    expect(expectErr(await makeAdmin().adminCreateUser({ username: 'alice' })).type).toBe('Unexpected');
  });
});

describe('AdminClient.adminCreateUser: invalid input', () => {
  it.each<[string, UserAttributes]>([
    ['birthdate "April 1"', { birthdate: 'April 1' }],
    ['an invalid Date', { birthdate: new Date(Number.NaN) }],
    ['updated_at with fractional seconds', { updated_at: 1.5 }],
    ['a non-finite number', { 'custom:n': Number.POSITIVE_INFINITY }],
  ])('rejects %s with InvalidParameter and sends nothing', async (_name, attributes) => {
    idp.on(AdminCreateUserCommand).resolves(createdUser());

    const error = expectErr(await makeAdmin().adminCreateUser({ username: 'alice', attributes }));

    expect(error.type).toBe('InvalidParameter');
    expect(idp.calls()).toHaveLength(0);
  });

  it('names the bad attribute in the message', async () => {
    const error = expectErr(
      await makeAdmin().adminCreateUser({ username: 'alice', attributes: { birthdate: 'April 1' } }),
    );
    expect(error.message).toContain('birthdate');
  });

  it('rejects an empty username with InvalidParameter and sends nothing', async () => {
    idp.on(AdminCreateUserCommand).resolves(createdUser());

    const error = expectErr(await makeAdmin().adminCreateUser({ username: '' }));

    expect(error.type).toBe('InvalidParameter');
    expect(idp.calls()).toHaveLength(0);
  });

  it('rejects a missing username (untyped caller) with InvalidParameter', async () => {
    const error = expectErr(await makeAdmin().adminCreateUser({} as { username: string }));
    expect(error.type).toBe('InvalidParameter');
    expect(idp.calls()).toHaveLength(0);
  });
});

describe('AdminClient.adminCreateUser: Cognito errors', () => {
  it('maps UsernameExistsException to UsernameExists', async () => {
    idp.on(AdminCreateUserCommand).rejects(
      new UsernameExistsException({
        message: 'User account already exists',
        $metadata: { httpStatusCode: 400, requestId: 'req-exists' },
      }),
    );

    const error = expectErr(await makeAdmin().adminCreateUser({ username: 'alice' }));

    expect(error.type).toBe('UsernameExists');
    expect(error.retryable).toBe(false);
    expect(error.requestId).toBe('req-exists');
    expect(error.cause).toBeInstanceOf(UsernameExistsException);
  });

  it('maps InvalidPasswordException to InvalidPassword without echoing the temporary password', async () => {
    idp.on(AdminCreateUserCommand).rejects(
      new InvalidPasswordException({
        message: `Password did not conform with policy: ${TEMP_PASSWORD} is too weak`,
        $metadata: {},
      }),
    );

    const error = expectErr(
      await makeAdmin().adminCreateUser({ username: 'alice', temporaryPassword: TEMP_PASSWORD }),
    );

    expect(error.type).toBe('InvalidPassword');
    expect(error.message).toContain('Password did not conform with policy');
    expect(error.message).not.toContain(TEMP_PASSWORD);
    expect(JSON.stringify(error)).not.toContain(TEMP_PASSWORD);
  });

  it('maps NotAuthorizedException to NotAuthorized', async () => {
    idp
      .on(AdminCreateUserCommand)
      .rejects(new NotAuthorizedException({ message: 'Not authorized', $metadata: {} }));
    expect(expectErr(await makeAdmin().adminCreateUser({ username: 'alice' })).type).toBe('NotAuthorized');
  });

  it('maps TooManyRequestsException to a retryable TooManyRequests', async () => {
    idp
      .on(AdminCreateUserCommand)
      .rejects(new TooManyRequestsException({ message: 'Rate exceeded', $metadata: {} }));
    const error = expectErr(await makeAdmin().adminCreateUser({ username: 'alice' }));
    expect(error.type).toBe('TooManyRequests');
    expect(error.retryable).toBe(true);
  });

  it('maps UserLambdaValidationException to LambdaTrigger', async () => {
    idp
      .on(AdminCreateUserCommand)
      .rejects(new UserLambdaValidationException({ message: 'PreSignUp failed', $metadata: {} }));
    expect(expectErr(await makeAdmin().adminCreateUser({ username: 'alice' })).type).toBe('LambdaTrigger');
  });

  it('turns an exception outside the union (CodeMismatchException) into Unexpected', async () => {
    idp
      .on(AdminCreateUserCommand)
      .rejects(new CodeMismatchException({ message: 'Invalid code', $metadata: {} }));

    const error = expectErr(await makeAdmin().adminCreateUser({ username: 'alice' }));

    expect(error.type).toBe('Unexpected');
    expect(error.message).toContain('Invalid code');
  });

  it('turns an unknown exception into Unexpected, redacting the temporary password', async () => {
    const thrown = Object.assign(new Error(`boom ${TEMP_PASSWORD}`), { name: 'SomethingNewException' });
    idp.on(AdminCreateUserCommand).rejects(thrown);

    const error = expectErr(
      await makeAdmin().adminCreateUser({ username: 'alice', temporaryPassword: TEMP_PASSWORD }),
    );

    expect(error.type).toBe('Unexpected');
    expect(error.message).not.toContain(TEMP_PASSWORD);
  });
});

describe('AdminClient configuration', () => {
  const badConfigs: [string, AdminClientConfig][] = [
    ['userPoolId "nope"', { userPoolId: 'nope' }],
    ['an empty userPoolId', { userPoolId: '' }],
    ['region "Mars"', { userPoolId: USER_POOL_ID, region: 'Mars' }],
    ['endpoint "x"', { userPoolId: USER_POOL_ID, endpoint: 'x' }],
  ];

  it.each(badConfigs)('AdminClient.create rejects %s with InvalidConfig', (_name, config) => {
    const created = AdminClient.create(config);

    expect(created.isErr()).toBe(true);
    if (created.isOk()) return;
    expect(created.error.type).toBe('InvalidConfig');
  });

  it.each(badConfigs)(
    'new AdminClient with %s returns the InvalidConfig from its calls',
    async (_name, config) => {
      const expected = AdminClient.create(config);
      const construct = (): AdminClient => new AdminClient(config);
      expect(construct).not.toThrow();
      if (expected.isOk()) throw new Error('expected the config to be invalid');

      const error = expectErr(await construct().adminCreateUser({ username: 'alice' }));

      expect(error).toEqual(expected.error);
      expect(error.type).toBe('InvalidConfig');
      expect(idp.calls()).toHaveLength(0);
    },
  );

  it('rejects a config that is not an object with InvalidConfig', () => {
    const created = AdminClient.create(null as unknown as AdminClientConfig);
    expect(created.isErr() && created.error.type).toBe('InvalidConfig');
  });

  it('accepts a region override and an http endpoint', () => {
    const created = AdminClient.create({
      userPoolId: USER_POOL_ID,
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:5000',
    });
    expect(created.isOk()).toBe(true);
  });
});

describe('AdminClient without a user pool, and forUserPool', () => {
  const client = () => new CognitoIdentityProviderClient({ region: 'eu-west-1' });

  it('accepts a region or a client alone (for provisioning)', () => {
    expect(AdminClient.create({ region: 'eu-west-1' }).isOk()).toBe(true);
    expect(AdminClient.create({ client: client() }).isOk()).toBe(true);
    expect(
      AdminClient.create({
        region: 'eu-west-1',
        credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      }).isOk(),
    ).toBe(true);
  });

  it.each<[string, AdminClientConfig]>([
    ['nothing to tell the region from', {}],
    [
      'credentials that are neither keys nor a provider',
      { region: 'eu-west-1', credentials: 'keys' as never },
    ],
    ['credentials without an access key', { region: 'eu-west-1', credentials: {} as never }],
  ])('rejects %s with InvalidConfig', (_name, config) => {
    const created = AdminClient.create(config);
    expect(created.isErr() && created.error.type).toBe('InvalidConfig');
  });

  it('a user call on a client without a user pool is InvalidParameter, with no request', async () => {
    const admin = AdminClient.create({ client: client() })._unsafeUnwrap();
    const error = expectErr(await admin.createUser({ username: 'alice' }));
    expect(error.type).toBe('InvalidParameter');
    expect(error.message).toContain('forUserPool');
    expect(idp.calls()).toHaveLength(0);
  });

  it('forUserPool binds the same client to a pool', async () => {
    idp.on(AdminCreateUserCommand).resolves(createdUser());
    const admin = AdminClient.create({ client: client() })._unsafeUnwrap();

    expectOk(await admin.forUserPool('us-east-1_Other1').createUser({ username: 'alice' }));

    expect(sentInputs()).toEqual([{ UserPoolId: 'us-east-1_Other1', Username: 'alice' }]);
  });

  it('forUserPool with a bad id makes user calls InvalidParameter', async () => {
    const bound = AdminClient.create({ client: client() })._unsafeUnwrap().forUserPool('nope');
    const error = expectErr(await bound.createUser({ username: 'alice' }));
    expect(error.type).toBe('InvalidParameter');
    expect(idp.calls()).toHaveLength(0);
  });

  it('forUserPool on an invalid client keeps its InvalidConfig', async () => {
    const bound = new AdminClient({ userPoolId: 'bad' }).forUserPool(USER_POOL_ID);
    expect(expectErr(await bound.createUser({ username: 'alice' })).type).toBe('InvalidConfig');
  });

  it('createUser validates attributes like adminCreateUser (E.164 phone) without a request', async () => {
    const error = expectErr(
      await makeAdmin().createUser({ username: 'alice', attributes: { phone_number: '0432 555 1212' } }),
    );
    expect(error.type).toBe('InvalidParameter');
    expect(error.message).toContain('phone_number');
    expect(idp.calls()).toHaveLength(0);
  });
});

describe('remapAdminError', () => {
  it('gives admin exceptions the shared table leaves Unexpected their closest error', () => {
    const cause = Object.assign(new Error('busy'), { name: 'ConcurrentModificationException' });
    const remapped = remapAdminError(mapSdkError(cause));
    expect(remapped.type).toBe('TooManyRequests');
    expect(remapped.retryable).toBe(true);
    expect(remapped.cause).toBe(cause);
  });

  it('leaves mapped errors and unknown exceptions alone', () => {
    const known = mapSdkError(new UsernameExistsException({ message: 'x', $metadata: {} }));
    const unknown = mapSdkError(Object.assign(new Error('?'), { name: 'BrandNewException' }));
    expect(remapAdminError(known)).toBe(known);
    expect(remapAdminError(unknown)).toBe(unknown);
  });
});
