import {
  AdminAddUserToGroupCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  DeleteGroupCommand,
  GroupExistsException,
  ListGroupsCommand,
  ListUsersInGroupCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { AdminClient, type CreateGroupInput } from '../../../src/admin/index.js';

const POOL = 'eu-west-1_AbC123';
const ROLE = 'arn:aws:iam::123456789012:role/editors';
const CREATED = new Date(Date.UTC(2025, 0, 1));
const idp = mockClient(CognitoIdentityProviderClient);
const admin = () =>
  AdminClient.create({
    userPoolId: POOL,
    client: new CognitoIdentityProviderClient({ region: 'eu-west-1' }),
  })._unsafeUnwrap();

beforeEach(() => {
  idp.reset();
});

describe('AdminClient.createGroup / deleteGroup', () => {
  it('sends the group with its description, precedence and role, and maps the answer', async () => {
    idp.on(CreateGroupCommand).resolves({
      Group: {
        GroupName: 'editors',
        Description: 'Can edit',
        Precedence: 2,
        RoleArn: ROLE,
        CreationDate: CREATED,
      },
    });

    const group = (
      await admin().createGroup({
        groupName: 'editors',
        description: 'Can edit',
        precedence: 2,
        roleArn: ROLE,
      })
    )._unsafeUnwrap();

    expect(idp.commandCalls(CreateGroupCommand)[0]?.args[0].input).toEqual({
      UserPoolId: POOL,
      GroupName: 'editors',
      Description: 'Can edit',
      Precedence: 2,
      RoleArn: ROLE,
    });
    expect(group).toEqual({
      groupName: 'editors',
      description: 'Can edit',
      precedence: 2,
      roleArn: ROLE,
      createdAt: CREATED,
    });
  });

  it('maps GroupExistsException to InvalidParameter (a name already taken)', async () => {
    idp
      .on(CreateGroupCommand)
      .rejects(new GroupExistsException({ message: 'A group with the name already exists.', $metadata: {} }));
    const result = await admin().createGroup({ groupName: 'editors' });
    expect(result.isErr() && result.error.type).toBe('InvalidParameter');
    expect(result.isErr() && result.error.message).toContain('already exists');
  });

  it.each<[string, CreateGroupInput]>([
    ['a name with spaces', { groupName: 'my editors' }],
    ['an empty name', { groupName: '' }],
    ['a negative precedence', { groupName: 'g', precedence: -1 }],
    ['a role that is not an ARN', { groupName: 'g', roleArn: 'editors' }],
  ])('rejects %s with InvalidParameter and sends nothing', async (_name, input) => {
    const result = await admin().createGroup(input);
    expect(result.isErr() && result.error.type).toBe('InvalidParameter');
    expect(idp.calls()).toHaveLength(0);
  });

  it('deleteGroup sends DeleteGroup and maps ResourceNotFoundException', async () => {
    idp
      .on(DeleteGroupCommand)
      .resolvesOnce({})
      .rejectsOnce(new ResourceNotFoundException({ message: 'Group not found', $metadata: {} }));
    expect((await admin().deleteGroup('editors')).isOk()).toBe(true);
    const missing = await admin().deleteGroup('editors');
    expect(missing.isErr() && missing.error.type).toBe('ResourceNotFound');
    expect(idp.commandCalls(DeleteGroupCommand)[0]?.args[0].input).toEqual({
      UserPoolId: POOL,
      GroupName: 'editors',
    });
  });
});

describe('AdminClient group membership', () => {
  it('addUserToGroup and removeUserFromGroup send the pool, user and group', async () => {
    idp.on(AdminAddUserToGroupCommand).resolves({});
    idp.on(AdminRemoveUserFromGroupCommand).resolves({});

    await admin().addUserToGroup('alice', 'editors');
    await admin().removeUserFromGroup('alice', 'editors');

    const expected = { UserPoolId: POOL, Username: 'alice', GroupName: 'editors' };
    expect(idp.commandCalls(AdminAddUserToGroupCommand)[0]?.args[0].input).toEqual(expected);
    expect(idp.commandCalls(AdminRemoveUserFromGroupCommand)[0]?.args[0].input).toEqual(expected);
  });

  it('rejects a bad group name without a request', async () => {
    const result = await admin().addUserToGroup('alice', 'has space');
    expect(result.isErr() && result.error.type).toBe('InvalidParameter');
    expect(idp.calls()).toHaveLength(0);
  });
});

describe('AdminClient group listings follow NextToken', () => {
  it('listGroups', async () => {
    idp
      .on(ListGroupsCommand)
      .resolvesOnce({ Groups: [{ GroupName: 'a' }], NextToken: 't2' })
      .resolvesOnce({ Groups: [{ GroupName: 'b' }] });

    const groups = (await admin().listGroups({ pageSize: 1 }).toArray())._unsafeUnwrap();

    expect(groups.map((g) => g.groupName)).toEqual(['a', 'b']);
    expect(idp.commandCalls(ListGroupsCommand).map((c) => c.args[0].input)).toEqual([
      { UserPoolId: POOL, Limit: 1 },
      { UserPoolId: POOL, Limit: 1, NextToken: 't2' },
    ]);
  });

  it('listUsersInGroup', async () => {
    idp
      .on(ListUsersInGroupCommand)
      .resolvesOnce({ Users: [{ Username: 'alice' }], NextToken: 't2' })
      .resolvesOnce({ Users: [{ Username: 'bob' }] });

    const users = (await admin().listUsersInGroup('editors').toArray())._unsafeUnwrap();

    expect(users.map((u) => u.username)).toEqual(['alice', 'bob']);
    expect(idp.commandCalls(ListUsersInGroupCommand)[1]?.args[0].input).toEqual({
      UserPoolId: POOL,
      GroupName: 'editors',
      NextToken: 't2',
    });
  });

  it('listGroupsForUser', async () => {
    idp.on(AdminListGroupsForUserCommand).resolves({ Groups: [{ GroupName: 'editors', Precedence: 1 }] });

    const groups = (await admin().listGroupsForUser('alice').toArray())._unsafeUnwrap();

    expect(groups).toEqual([{ groupName: 'editors', precedence: 1 }]);
    expect(idp.commandCalls(AdminListGroupsForUserCommand)[0]?.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: 'alice',
    });
  });

  it('a group without a name in a page is Unexpected', async () => {
    idp.on(ListGroupsCommand).resolves({ Groups: [{}] });
    const result = await admin().listGroups().toArray();
    expect(result.isErr() && result.error.type).toBe('Unexpected');
  });

  it.each([
    ['listGroups with page size 0', () => admin().listGroups({ pageSize: 0 })],
    ['listUsersInGroup with a bad group name', () => admin().listUsersInGroup('has space')],
    ['listGroupsForUser without a user name', () => admin().listGroupsForUser('')],
  ])('%s yields InvalidParameter without a request', async (_name, list) => {
    const result = await list().toArray();
    expect(result.isErr() && result.error.type).toBe('InvalidParameter');
    expect(idp.calls()).toHaveLength(0);
  });
});
