import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
} from '@aws-sdk/client-cognito-identity';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { IdentityPool, identityFromIdToken, userPoolLoginsKey } from '../../../src/identity/index.js';
import { fakeJwt } from '../../support/jwt.js';

const cognitoIdentity = mockClient(CognitoIdentityClient);

/** An ID token issued by `iss` (decoded, never verified, by the identity code). */
const idTokenFrom = (iss: string) =>
  fakeJwt({
    sub: 'sub-1',
    iss,
    aud: 'client1',
    token_use: 'id',
    'cognito:username': 'alice',
    exp: 4_000_000_000,
    iat: 1,
  });

const PARTITIONS = [
  [
    'aws',
    'eu-west-1_AbC123',
    'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123',
    'cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123',
  ],
  [
    'aws-cn',
    'cn-north-1_AbC123',
    'https://cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_AbC123',
    'cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_AbC123',
  ],
  [
    'aws-cn (Ningxia)',
    'cn-northwest-1_AbC123',
    'https://cognito-idp.cn-northwest-1.amazonaws.com.cn/cn-northwest-1_AbC123',
    'cognito-idp.cn-northwest-1.amazonaws.com.cn/cn-northwest-1_AbC123',
  ],
  [
    'aws-us-gov',
    'us-gov-west-1_AbC123',
    'https://cognito-idp.us-gov-west-1.amazonaws.com/us-gov-west-1_AbC123',
    'cognito-idp.us-gov-west-1.amazonaws.com/us-gov-west-1_AbC123',
  ],
] as const;

beforeEach(() => {
  cognitoIdentity.reset();
});

describe('ID tokens and Logins keys in every partition', () => {
  it.each(PARTITIONS)(
    '%s: userPoolLoginsKey and the token issuer give the same key',
    (_p, poolId, iss, key) => {
      expect(userPoolLoginsKey(poolId)).toBe(key);
      expect(identityFromIdToken(idTokenFrom(iss))._unsafeUnwrap().loginsKey).toBe(key);
    },
  );

  it.each(PARTITIONS)(
    '%s: getCredentials sends GetId with that Logins key (regression: aws-cn was refused locally)',
    async (_p, poolId, iss, key) => {
      const region = poolId.split('_')[0] ?? '';
      const identityPoolId = `${region}:00000000-0000-0000-0000-000000000001`;
      cognitoIdentity.on(GetIdCommand).resolves({ IdentityId: `${region}:identity-1` });
      cognitoIdentity.on(GetCredentialsForIdentityCommand).resolves({
        IdentityId: `${region}:identity-1`,
        Credentials: {
          AccessKeyId: 'AKIA',
          SecretKey: 'secret',
          SessionToken: 'token',
          Expiration: new Date(Date.now() + 3_600_000),
        },
      });
      const pool = IdentityPool.create({ identityPoolId, region })._unsafeUnwrap();
      const idToken = idTokenFrom(iss);
      (await pool.getCredentials({ idToken }))._unsafeUnwrap();
      expect(cognitoIdentity.commandCalls(GetIdCommand)[0]?.args[0].input.Logins).toEqual({ [key]: idToken });
    },
  );

  it.each([
    ['a cn region under amazonaws.com', 'https://cognito-idp.cn-north-1.amazonaws.com/cn-north-1_AbC123'],
    [
      'an aws region under amazonaws.com.cn',
      'https://cognito-idp.eu-west-1.amazonaws.com.cn/eu-west-1_AbC123',
    ],
    [
      'a host region other than the pool region',
      'https://cognito-idp.us-east-1.amazonaws.com/eu-west-1_AbC123',
    ],
    ['plain http', 'http://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123'],
    ['a look-alike suffix', 'https://cognito-idp.cn-north-1.amazonaws.com.cn.evil.example/cn-north-1_AbC123'],
  ])('refuses %s, and no GetId is sent', async (_name, iss) => {
    expect(identityFromIdToken(idTokenFrom(iss))._unsafeUnwrapErr().type).toBe('Unexpected');
    const pool = IdentityPool.create({
      identityPoolId: 'eu-west-1:00000000-0000-0000-0000-000000000001',
    })._unsafeUnwrap();
    expect((await pool.getCredentials({ idToken: idTokenFrom(iss) })).isErr()).toBe(true);
    expect(cognitoIdentity.commandCalls(GetIdCommand)).toHaveLength(0);
  });
});
