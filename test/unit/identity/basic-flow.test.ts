import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetOpenIdTokenCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-cognito-identity';
// fromWebToken (the basic flow's STS call) sends through the SDK's own nested STS client.
import { AssumeRoleWithWebIdentityCommand, STSClient } from '@aws-sdk/nested-clients/sts';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type BasicFlowConfig,
  IdentityPool,
  type IdentityPoolConfig,
  memoryIdentityIdStore,
} from '../../../src/identity/index.js';
import { mapStsError } from '../../../src/identity/sts-web-identity.js';
import { fakeIdToken } from '../../support/jwt.js';

const POOL_ID = 'us-east-1:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d';
const IDENTITY = 'us-east-1:11111111-aaaa-bbbb-cccc-000000000001';
const SIGNED_IN_ROLE = 'arn:aws:iam::123456789012:role/signed-in';
const GUEST_ROLE = 'arn:aws:iam::123456789012:role/guest';
const OPEN_ID_TOKEN = 'eyJraWQiOiJvcGVuLWlkLXRva2VuIn0.payload.signature';
const TOKEN = fakeIdToken('alice', { sub: 'alice-sub' });
const LOGINS = { 'cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123': TOKEN };
const EXPIRES = new Date(Date.now() + 3_600_000);

const cognito = mockClient(CognitoIdentityClient);
const sts = mockClient(STSClient);

function makePool(
  basicFlow: IdentityPoolConfig['basicFlow'] = { authenticatedRoleArn: SIGNED_IN_ROLE },
  extra: Partial<IdentityPoolConfig> = {},
) {
  return IdentityPool.create({
    identityPoolId: POOL_ID,
    client: new CognitoIdentityClient({ region: 'us-east-1' }),
    ...(basicFlow ? { basicFlow } : {}),
    ...extra,
  })._unsafeUnwrap();
}

const stsInputs = () => sts.commandCalls(AssumeRoleWithWebIdentityCommand).map((c) => c.args[0].input);

beforeEach(() => {
  cognito.reset();
  sts.reset();
  cognito.on(GetIdCommand).resolves({ IdentityId: IDENTITY });
  cognito.on(GetOpenIdTokenCommand).resolves({ IdentityId: IDENTITY, Token: OPEN_ID_TOKEN });
  sts.on(AssumeRoleWithWebIdentityCommand).resolves({
    Credentials: {
      AccessKeyId: 'ASIASTS',
      SecretAccessKey: 'sts-secret',
      SessionToken: 'sts-session',
      Expiration: EXPIRES,
    },
    AssumedRoleUser: { Arn: 'arn:aws:sts::123456789012:assumed-role/signed-in/x', AssumedRoleId: 'AROA:x' },
  });
});

describe('the basic (classic) flow', () => {
  it('sends GetId, GetOpenIdToken with the Logins, then AssumeRoleWithWebIdentity with the role', async () => {
    const creds = (await makePool().getCredentials({ idToken: TOKEN }))._unsafeUnwrap();

    expect(creds).toEqual({
      accessKeyId: 'ASIASTS',
      secretAccessKey: 'sts-secret',
      sessionToken: 'sts-session',
      expiration: EXPIRES,
      identityId: IDENTITY,
    });
    expect(cognito.commandCalls(GetOpenIdTokenCommand)[0]?.args[0].input).toEqual({
      IdentityId: IDENTITY,
      Logins: LOGINS,
    });
    expect(cognito.commandCalls(GetCredentialsForIdentityCommand)).toHaveLength(0);
    expect(stsInputs()).toEqual([
      {
        RoleArn: SIGNED_IN_ROLE,
        RoleSessionName: 'cognito-flow-11111111-aaaa-bbbb-cccc-000000000001',
        WebIdentityToken: OPEN_ID_TOKEN,
      },
    ]);
  });

  it('caches the credentials: a second call sends nothing', async () => {
    const pool = makePool();
    await pool.getCredentials({ idToken: TOKEN });
    await pool.getCredentials({ idToken: TOKEN });
    expect(cognito.calls()).toHaveLength(2);
    expect(stsInputs()).toHaveLength(1);
  });

  it('sends the configured session name and duration, and a per-call role instead of the default', async () => {
    const pool = makePool({
      authenticatedRoleArn: SIGNED_IN_ROLE,
      roleSessionName: 'my-app',
      durationSeconds: 900,
    });

    await pool.getCredentials({ idToken: TOKEN, customRoleArn: GUEST_ROLE });

    expect(stsInputs()[0]).toEqual({
      RoleArn: GUEST_ROLE,
      RoleSessionName: 'my-app',
      WebIdentityToken: OPEN_ID_TOKEN,
      DurationSeconds: 900,
    });
  });

  it('guests assume the unauthenticated role, with GetOpenIdToken sent without Logins', async () => {
    const pool = makePool({ authenticatedRoleArn: SIGNED_IN_ROLE, unauthenticatedRoleArn: GUEST_ROLE });

    (await pool.getGuestCredentials())._unsafeUnwrap();

    expect(cognito.commandCalls(GetOpenIdTokenCommand)[0]?.args[0].input).toEqual({ IdentityId: IDENTITY });
    expect(stsInputs()[0]?.RoleArn).toBe(GUEST_ROLE);
  });

  it('without an unauthenticated role, guest credentials are InvalidConfig and nothing is sent', async () => {
    const result = await makePool().getGuestCredentials();
    expect(result.isErr() && result.error.type).toBe('InvalidConfig');
    expect(cognito.calls()).toHaveLength(0);
  });

  it('forgets a remembered identity GetOpenIdToken reports as gone, and asks GetId again', async () => {
    const store = memoryIdentityIdStore();
    store.set('cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123#alice-sub', 'us-east-1:deleted');
    cognito
      .on(GetOpenIdTokenCommand, { IdentityId: 'us-east-1:deleted' })
      .rejects(new ResourceNotFoundException({ message: 'gone', $metadata: {} }));

    const creds = (
      await makePool(undefined, {
        identityIdStore: store,
        basicFlow: { authenticatedRoleArn: SIGNED_IN_ROLE },
      }).getCredentials({ idToken: TOKEN })
    )._unsafeUnwrap();

    expect(creds.identityId).toBe(IDENTITY);
    expect(cognito.commandCalls(GetIdCommand)).toHaveLength(1);
  });

  it.each([
    ['InvalidIdentityTokenException', 'NotAuthorized'],
    ['ExpiredTokenException', 'NotAuthorized'],
    ['AccessDenied', 'NotAuthorized'],
    ['IDPCommunicationErrorException', 'ExternalService'],
    ['MalformedPolicyDocumentException', 'InvalidParameter'],
    ['RegionDisabledException', 'InvalidConfiguration'],
  ])('maps the STS %s to %s, without the OpenID token in the message', async (name, type) => {
    sts.on(AssumeRoleWithWebIdentityCommand).rejects(
      Object.assign(new Error(`STS said no to ${OPEN_ID_TOKEN}`), {
        name,
        $metadata: { requestId: 'sts-req' },
      }),
    );

    const result = await makePool().getCredentials({ idToken: TOKEN });

    expect(result.isErr()).toBe(true);
    if (result.isOk()) return;
    expect(result.error.type).toBe(type);
    expect(result.error.requestId).toBe('sts-req');
    expect(result.error.message).not.toContain(OPEN_ID_TOKEN);
    expect(JSON.stringify(result.error)).not.toContain(OPEN_ID_TOKEN);
  });

  it('returns Unexpected when GetOpenIdToken answers without a token (and STS is not called)', async () => {
    cognito.on(GetOpenIdTokenCommand).resolves({ IdentityId: IDENTITY });
    const result = await makePool().getCredentials({ idToken: TOKEN });
    expect(result.isErr() && result.error.type).toBe('Unexpected');
    expect(stsInputs()).toHaveLength(0);
  });

  it('mapStsError leaves errors it does not know to the shared mapping', () => {
    const throttled = mapStsError(Object.assign(new Error('slow down'), { name: 'ThrottlingException' }), []);
    expect(throttled.type).toBe('TooManyRequests');
    expect(throttled.retryable).toBe(true);
  });
});

describe('basicFlow configuration', () => {
  it.each<[string, unknown]>([
    ['not an object', 'basic'],
    ['no authenticated role', {}],
    ['an authenticated role that is not an ARN', { authenticatedRoleArn: 'signed-in' }],
    ['a bad guest role', { authenticatedRoleArn: SIGNED_IN_ROLE, unauthenticatedRoleArn: 'guest' }],
    ['a duration under 900 s', { authenticatedRoleArn: SIGNED_IN_ROLE, durationSeconds: 60 }],
    ['a fractional duration', { authenticatedRoleArn: SIGNED_IN_ROLE, durationSeconds: 1000.5 }],
    ['a session name with spaces', { authenticatedRoleArn: SIGNED_IN_ROLE, roleSessionName: 'my app' }],
    ['an STS endpoint that is not a URL', { authenticatedRoleArn: SIGNED_IN_ROLE, stsEndpoint: 'sts' }],
  ])('rejects %s with InvalidConfig', (_name, basicFlow) => {
    const created = IdentityPool.create({
      identityPoolId: POOL_ID,
      basicFlow: basicFlow as BasicFlowConfig,
    });
    expect(created.isErr() && created.error.type).toBe('InvalidConfig');
  });
});
