import {
  CognitoIdentityClient,
  DeveloperUserAlreadyRegisteredException,
  GetOpenIdTokenForDeveloperIdentityCommand,
  NotAuthorizedException,
  ResourceConflictException,
} from '@aws-sdk/client-cognito-identity';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { type DeveloperIdentityInput, IdentityPool } from '../../../src/identity/index.js';

const POOL_ID = 'us-east-1:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d';
const IDENTITY = 'us-east-1:33333333-aaaa-bbbb-cccc-000000000003';

const cognito = mockClient(CognitoIdentityClient);
const pool = () =>
  IdentityPool.create({
    identityPoolId: POOL_ID,
    client: new CognitoIdentityClient({ region: 'us-east-1' }),
  })._unsafeUnwrap();
const inputs = () =>
  cognito.commandCalls(GetOpenIdTokenForDeveloperIdentityCommand).map((c) => c.args[0].input);

beforeEach(() => {
  cognito.reset();
  cognito
    .on(GetOpenIdTokenForDeveloperIdentityCommand)
    .resolves({ IdentityId: IDENTITY, Token: 'open-id-token' });
});

describe('IdentityPool.getOpenIdTokenForDeveloperIdentity', () => {
  it('sends the developer login and returns the identity, the token and a ready login', async () => {
    const issued = (
      await pool().getOpenIdTokenForDeveloperIdentity({
        developerProviderName: 'login.example.app',
        developerUserId: 'user-42',
      })
    )._unsafeUnwrap();

    expect(inputs()).toEqual([{ IdentityPoolId: POOL_ID, Logins: { 'login.example.app': 'user-42' } }]);
    expect(issued).toEqual({
      identityId: IDENTITY,
      token: 'open-id-token',
      login: { provider: 'developer', identityId: IDENTITY, token: 'open-id-token' },
    });
  });

  it('sends the identity to link, the token duration and principal tags when given', async () => {
    await pool().getOpenIdTokenForDeveloperIdentity({
      developerProviderName: 'login.example.app',
      developerUserId: 'user-42',
      identityId: IDENTITY,
      tokenDurationSeconds: 3600,
      principalTags: { team: 'blue' },
    });

    expect(inputs()[0]).toEqual({
      IdentityPoolId: POOL_ID,
      Logins: { 'login.example.app': 'user-42' },
      IdentityId: IDENTITY,
      TokenDuration: 3600,
      PrincipalTags: { team: 'blue' },
    });
  });

  it.each<[string, Partial<DeveloperIdentityInput>]>([
    ['a provider name with spaces', { developerProviderName: 'login example' }],
    ['an empty user id', { developerUserId: '' }],
    ['a bad identity id', { identityId: 'nope' }],
    ['a zero token duration', { tokenDurationSeconds: 0 }],
    ['a token duration over a day', { tokenDurationSeconds: 86_401 }],
  ])('rejects %s with InvalidParameter and sends nothing', async (_name, change) => {
    const result = await pool().getOpenIdTokenForDeveloperIdentity({
      developerProviderName: 'login.example.app',
      developerUserId: 'user-42',
      ...change,
    });
    expect(result.isErr() && result.error.type).toBe('InvalidParameter');
    expect(cognito.calls()).toHaveLength(0);
  });

  it('rejects a missing input (untyped caller)', async () => {
    const result = await pool().getOpenIdTokenForDeveloperIdentity(
      undefined as unknown as DeveloperIdentityInput,
    );
    expect(result.isErr() && result.error.type).toBe('InvalidParameter');
  });

  it.each([
    [
      new DeveloperUserAlreadyRegisteredException({ message: 'already linked', $metadata: {} }),
      'UsernameExists',
    ],
    [new ResourceConflictException({ message: 'conflict', $metadata: {} }), 'InvalidParameter'],
    [new NotAuthorizedException({ message: 'no AWS credentials', $metadata: {} }), 'NotAuthorized'],
  ])('maps %s', async (thrown, type) => {
    cognito.on(GetOpenIdTokenForDeveloperIdentityCommand).rejects(thrown);
    const result = await pool().getOpenIdTokenForDeveloperIdentity({
      developerProviderName: 'login.example.app',
      developerUserId: 'user-42',
    });
    expect(result.isErr() && result.error.type).toBe(type);
  });

  it('returns Unexpected when Cognito answers without a token', async () => {
    cognito.on(GetOpenIdTokenForDeveloperIdentityCommand).resolves({ IdentityId: IDENTITY });
    const result = await pool().getOpenIdTokenForDeveloperIdentity({
      developerProviderName: 'login.example.app',
      developerUserId: 'user-42',
    });
    expect(result.isErr() && result.error.type).toBe('Unexpected');
  });

  it('returns the InvalidConfig of a pool built with a bad config', async () => {
    const result = await new IdentityPool({ identityPoolId: 'x' }).getOpenIdTokenForDeveloperIdentity({
      developerProviderName: 'login.example.app',
      developerUserId: 'user-42',
    });
    expect(result.isErr() && result.error.type).toBe('InvalidConfig');
  });
});
