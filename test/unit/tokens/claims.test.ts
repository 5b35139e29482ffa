import { describe, expect, it } from 'vitest';
import { decodeAccessToken, decodeIdToken } from '../../../src/tokens/claims.js';

const b64url = (text: string): string => Buffer.from(text, 'utf8').toString('base64url');

function jwt(payload: unknown): string {
  const header = { kid: 'abcdefghijklmnopqrsexample=', alg: 'RS256' };
  return `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${b64url('signature-bytes')}`;
}

const ISS = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123';

/** Claims shaped like a real Cognito ID token. */
function idClaims(): Record<string, unknown> {
  return {
    sub: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
    'cognito:groups': ['admin', 'beta'],
    email_verified: true,
    iss: ISS,
    'cognito:username': 'alice',
    origin_jti: 'origin-jti',
    aud: '1example23456789abcdefghij',
    event_id: 'event-id',
    token_use: 'id',
    auth_time: 1_700_000_000,
    exp: 1_700_003_600,
    iat: 1_700_000_000,
    jti: 'jti',
    email: 'alice@example.com',
    'custom:plan': 'pro',
  };
}

/** Claims shaped like a real Cognito access token. */
function accessClaims(): Record<string, unknown> {
  return {
    sub: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
    'cognito:groups': ['admin'],
    iss: ISS,
    version: 2,
    client_id: '1example23456789abcdefghij',
    origin_jti: 'origin-jti',
    event_id: 'event-id',
    token_use: 'access',
    scope: 'aws.cognito.signin.user.admin',
    auth_time: 1_700_000_000,
    exp: 1_700_003_600,
    iat: 1_700_000_000,
    jti: 'jti',
    username: 'alice',
  };
}

function without(claims: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...claims };
  delete copy[key];
  return copy;
}

describe('decodeIdToken', () => {
  it('decodes a valid ID token into typed claims', () => {
    const result = decodeIdToken(jwt(idClaims()));
    expect(result.isOk()).toBe(true);
    const claims = result._unsafeUnwrap();
    expect(claims).toEqual(idClaims());
    // Typed access, no casts needed:
    const username: string = claims['cognito:username'];
    const audience: string = claims.aud;
    const email: string | undefined = claims.email;
    const groups: readonly string[] | undefined = claims['cognito:groups'];
    expect([username, audience, email, groups]).toEqual([
      'alice',
      '1example23456789abcdefghij',
      'alice@example.com',
      ['admin', 'beta'],
    ]);
    expect(claims.token_use).toBe('id');
    expect(claims['custom:plan']).toBe('pro');
  });

  it('accepts an ID token without cognito:groups', () => {
    expect(decodeIdToken(jwt(without(idClaims(), 'cognito:groups'))).isOk()).toBe(true);
  });

  it('accepts an empty cognito:groups list', () => {
    expect(decodeIdToken(jwt({ ...idClaims(), 'cognito:groups': [] })).isOk()).toBe(true);
  });

  it.each([
    ['token_use is "access"', { ...idClaims(), token_use: 'access' }, 'token_use'],
    ['token_use is missing', without(idClaims(), 'token_use'), 'token_use'],
    ['sub is missing', without(idClaims(), 'sub'), 'sub'],
    ['sub is a number', { ...idClaims(), sub: 42 }, 'sub'],
    ['iss is missing', without(idClaims(), 'iss'), 'iss'],
    ['exp is missing', without(idClaims(), 'exp'), 'exp'],
    ['exp is a string', { ...idClaims(), exp: '1700003600' }, 'exp'],
    ['iat is missing', without(idClaims(), 'iat'), 'iat'],
    ['aud is missing', without(idClaims(), 'aud'), 'aud'],
    ['aud is a list', { ...idClaims(), aud: ['a', 'b'] }, 'aud'],
    ['cognito:username is missing', without(idClaims(), 'cognito:username'), 'cognito:username'],
    ['cognito:groups holds a number', { ...idClaims(), 'cognito:groups': ['admin', 7] }, 'cognito:groups'],
    ['cognito:groups is a string', { ...idClaims(), 'cognito:groups': 'admin' }, 'cognito:groups'],
    ['cognito:groups is null', { ...idClaims(), 'cognito:groups': null }, 'cognito:groups'],
  ])('rejects an ID token whose %s with Unexpected naming the claim', (_label, claims, claim) => {
    const token = jwt(claims);
    const result = decodeIdToken(token);
    expect(result.isErr()).toBe(true);
    const error = result._unsafeUnwrapErr();
    expect(error.type).toBe('Unexpected');
    expect(error.message).toContain('Not a Cognito ID token');
    expect(error.message).toContain(claim);
    expect(error.message).not.toContain(token);
  });

  it('rejects an access token', () => {
    const error = decodeIdToken(jwt(accessClaims()))._unsafeUnwrapErr();
    expect(error.type).toBe('Unexpected');
    expect(error.message).toContain('token_use');
  });

  it.each([
    ['two segments', jwt(idClaims()).split('.').slice(0, 2).join('.')],
    ['a non-base64 payload', `${jwt(idClaims()).split('.')[0]}.*****.sig`],
    ['a non-JSON payload', `${jwt(idClaims()).split('.')[0]}.${b64url('not json')}.sig`],
    ['a JSON array payload', jwt([idClaims()])],
  ])('rejects %s with Unexpected, without the token in the message', (_label, token) => {
    const error = decodeIdToken(token)._unsafeUnwrapErr();
    expect(error.type).toBe('Unexpected');
    expect(error.message).not.toContain(token);
  });

  it.each([
    ['undefined', undefined],
    ['null', null],
    ['a number', 1],
    ['an object', {}],
  ])('rejects %s (not a string) with Unexpected without throwing', (_label, input) => {
    const result = decodeIdToken(input as unknown as string);
    expect(result._unsafeUnwrapErr().type).toBe('Unexpected');
  });
});

describe('decodeAccessToken', () => {
  it('decodes a valid access token into typed claims', () => {
    const result = decodeAccessToken(jwt(accessClaims()));
    expect(result.isOk()).toBe(true);
    const claims = result._unsafeUnwrap();
    expect(claims).toEqual(accessClaims());
    const clientId: string = claims.client_id;
    const username: string = claims.username;
    const scope: string | undefined = claims.scope;
    expect([clientId, username, scope]).toEqual([
      '1example23456789abcdefghij',
      'alice',
      'aws.cognito.signin.user.admin',
    ]);
    expect(claims.token_use).toBe('access');
  });

  it.each([
    ['token_use is "id"', { ...accessClaims(), token_use: 'id' }, 'token_use'],
    ['sub is missing', without(accessClaims(), 'sub'), 'sub'],
    ['iss is missing', without(accessClaims(), 'iss'), 'iss'],
    ['exp is missing', without(accessClaims(), 'exp'), 'exp'],
    ['exp is not finite', { ...accessClaims(), exp: null }, 'exp'],
    ['client_id is missing', without(accessClaims(), 'client_id'), 'client_id'],
    ['username is missing', without(accessClaims(), 'username'), 'username'],
    ['username is a number', { ...accessClaims(), username: 5 }, 'username'],
    [
      'cognito:groups holds an object',
      { ...accessClaims(), 'cognito:groups': [{ name: 'x' }] },
      'cognito:groups',
    ],
  ])('rejects an access token whose %s with Unexpected naming the claim', (_label, claims, claim) => {
    const token = jwt(claims);
    const error = decodeAccessToken(token)._unsafeUnwrapErr();
    expect(error.type).toBe('Unexpected');
    expect(error.message).toContain('Not a Cognito access token');
    expect(error.message).toContain(claim);
    expect(error.message).not.toContain(token);
  });

  it('rejects an ID token', () => {
    expect(decodeAccessToken(jwt(idClaims()))._unsafeUnwrapErr().message).toContain('token_use');
  });

  it('rejects a malformed token with Unexpected, without the token in the message', () => {
    const token = `${jwt(accessClaims())}.fourth`;
    const error = decodeAccessToken(token)._unsafeUnwrapErr();
    expect(error.type).toBe('Unexpected');
    expect(error.message).not.toContain(token);
  });

  it('rejects a non-string without throwing', () => {
    expect(decodeAccessToken(undefined as unknown as string)._unsafeUnwrapErr().type).toBe('Unexpected');
  });
});
