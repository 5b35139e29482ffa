import { describe, expect, it } from 'vitest';
import { identityFromIdToken, userPoolLoginsKey } from '../../../src/identity/index.js';

const SUB = 'aaaaaaaa-1111-2222-3333-444444444444';
const ISS = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123';

const b64url = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

/** A JWT shaped like a Cognito ID token (the signature is fake: nothing here verifies it). */
function idToken(overrides: Record<string, unknown> = {}): string {
  const header = { kid: 'abcdefghijklmnopqrsexample=', alg: 'RS256' };
  const payload = {
    sub: SUB,
    aud: '1example23456789abcdefghij',
    token_use: 'id',
    auth_time: 1_700_000_000,
    iss: ISS,
    'cognito:username': 'alice',
    exp: 1_700_003_600,
    iat: 1_700_000_000,
    email: 'alice@example.com',
    ...overrides,
  };
  return `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${b64url('fake-signature')}`;
}

describe('userPoolLoginsKey', () => {
  it.each([
    ['us-east-1_AbC123', 'cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123'],
    ['eu-west-1_AbC123', 'cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123'],
    ['ap-southeast-2_Zz9', 'cognito-idp.ap-southeast-2.amazonaws.com/ap-southeast-2_Zz9'],
    ['us-gov-west-1_AbC123', 'cognito-idp.us-gov-west-1.amazonaws.com/us-gov-west-1_AbC123'],
  ])('builds the Logins key of %s', (poolId, key) => {
    expect(userPoolLoginsKey(poolId)).toBe(key);
  });

  it('agrees with the key identityFromIdToken reads from the issuer', () => {
    const fromToken = identityFromIdToken(idToken())._unsafeUnwrap().loginsKey;
    expect(userPoolLoginsKey('us-east-1_AbC123')).toBe(fromToken);
  });
});

describe('identityFromIdToken', () => {
  it('reads the Logins key from iss and the sub', () => {
    expect(identityFromIdToken(idToken())._unsafeUnwrap()).toEqual({
      loginsKey: 'cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123',
      sub: SUB,
    });
  });

  it('reads another region and pool', () => {
    const token = idToken({ iss: 'https://cognito-idp.eu-central-1.amazonaws.com/eu-central-1_XyZ789' });
    expect(identityFromIdToken(token)._unsafeUnwrap().loginsKey).toBe(
      'cognito-idp.eu-central-1.amazonaws.com/eu-central-1_XyZ789',
    );
  });

  it('drops a trailing slash from the issuer', () => {
    const token = idToken({ iss: `${ISS}/` });
    expect(identityFromIdToken(token)._unsafeUnwrap().loginsKey).toBe(
      'cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123',
    );
  });

  it('gives users of the same pool the same key and their own sub', () => {
    const alice = identityFromIdToken(idToken())._unsafeUnwrap();
    const bob = identityFromIdToken(idToken({ sub: 'bbbbbbbb-0000-0000-0000-000000000000' }))._unsafeUnwrap();
    expect(bob.loginsKey).toBe(alice.loginsKey);
    expect(bob.sub).not.toBe(alice.sub);
  });

  it.each([
    ['an empty string', ''],
    ['a string that is not a JWT', 'not-a-jwt'],
    ['segments that are not base64url JSON', 'abc.def.ghi'],
    ['an access token', idToken({ token_use: 'access', client_id: 'abc', username: 'alice' })],
    ['a token without sub', idToken({ sub: undefined })],
    ['a token without iss', idToken({ iss: undefined })],
    [
      'a token whose iss is not a URL',
      idToken({ iss: 'cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123' }),
    ],
    ['a Google token', idToken({ iss: 'https://accounts.google.com' })],
    [
      'an issuer on another host',
      idToken({ iss: 'https://cognito-idp.us-east-1.amazonaws.com.evil.example/us-east-1_AbC' }),
    ],
    ['an issuer with a nested path', idToken({ iss: `${ISS}/extra` })],
    ['an issuer without a pool id', idToken({ iss: 'https://cognito-idp.us-east-1.amazonaws.com/' })],
    [
      'an issuer whose pool id has no underscore',
      idToken({ iss: 'https://cognito-idp.us-east-1.amazonaws.com/AbC123' }),
    ],
  ])('rejects %s with Unexpected', (_name, token) => {
    const result = identityFromIdToken(token);

    expect(result.isErr()).toBe(true);
    expect(result._unsafeUnwrapErr().type).toBe('Unexpected');
  });

  it('never puts the token into the error', () => {
    const token = idToken({ iss: 'https://accounts.google.com' });
    const error = identityFromIdToken(token)._unsafeUnwrapErr();
    const payload = token.split('.')[1] ?? 'missing-payload';
    expect(JSON.stringify(error)).not.toContain(payload);
    expect(error.message).not.toContain(token);
  });
});
