import { describe, expect, it } from 'vitest';
import { type IdentityLogin, LOGINS_KEYS, resolveLogins } from '../../../src/identity/index.js';
import { fakeIdToken, fakeJwt } from '../../support/jwt.js';

const COGNITO = fakeIdToken('alice', { sub: 'alice-sub' });
const GOOGLE = fakeJwt({ iss: 'https://accounts.google.com', sub: 'google-123', aud: 'app' });
const APPLE = fakeJwt({ iss: 'https://appleid.apple.com', sub: 'apple-456', aud: 'app' });
const OIDC = fakeJwt({ iss: 'https://login.corp.example/realms/main', sub: 'corp-789' });
const SAML_ARN = 'arn:aws:iam::123456789012:saml-provider/Corp';
const IDENTITY = 'us-east-1:11111111-aaaa-bbbb-cccc-000000000001';

describe('resolveLogins: the Logins key of each provider', () => {
  it.each<[string, IdentityLogin, string, string]>([
    [
      'cognito (from the token issuer)',
      { provider: 'cognito', idToken: COGNITO },
      'cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123',
      COGNITO,
    ],
    ['google', { provider: 'google', idToken: GOOGLE }, 'accounts.google.com', GOOGLE],
    ['apple', { provider: 'apple', idToken: APPLE }, 'appleid.apple.com', APPLE],
    [
      'facebook',
      { provider: 'facebook', accessToken: 'EAAB-facebook-token' },
      'graph.facebook.com',
      'EAAB-facebook-token',
    ],
    [
      'amazon',
      { provider: 'amazon', accessToken: 'Atza|amazon-token' },
      'www.amazon.com',
      'Atza|amazon-token',
    ],
    [
      'oidc (https issuer → host and path)',
      { provider: 'oidc', issuer: 'https://login.corp.example/realms/main/', idToken: OIDC },
      'login.corp.example/realms/main',
      OIDC,
    ],
    [
      'oidc (bare host)',
      { provider: 'oidc', issuer: 'login.corp.example', idToken: OIDC },
      'login.corp.example',
      OIDC,
    ],
    [
      'saml (provider ARN)',
      { provider: 'saml', providerArn: SAML_ARN, assertion: 'PHNhbWxwOlJlc3BvbnNlPg==' },
      SAML_ARN,
      'PHNhbWxwOlJlc3BvbnNlPg==',
    ],
    [
      'developer',
      { provider: 'developer', identityId: IDENTITY, token: 'open-id-token' },
      'cognito-identity.amazonaws.com',
      'open-id-token',
    ],
  ])('%s', (_name, login, key, token) => {
    const resolved = resolveLogins(login)._unsafeUnwrap();
    expect(resolved.logins).toEqual({ [key]: token });
    expect(resolved.secrets).toEqual([token]);
  });

  it('exposes the fixed keys', () => {
    expect(LOGINS_KEYS).toEqual({
      google: 'accounts.google.com',
      facebook: 'graph.facebook.com',
      apple: 'appleid.apple.com',
      amazon: 'www.amazon.com',
      developer: 'cognito-identity.amazonaws.com',
    });
  });
});

describe('resolveLogins: remembering the identity', () => {
  it('keys JWT logins by their key and sub', () => {
    expect(resolveLogins({ provider: 'google', idToken: GOOGLE })._unsafeUnwrap().identityKey).toBe(
      'accounts.google.com#google-123',
    );
    expect(resolveLogins({ provider: 'cognito', idToken: COGNITO })._unsafeUnwrap().identityKey).toBe(
      'cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123#alice-sub',
    );
  });

  it('keys access-token logins by userId only when given', () => {
    expect(
      resolveLogins({ provider: 'facebook', accessToken: 'tok' })._unsafeUnwrap().identityKey,
    ).toBeUndefined();
    expect(
      resolveLogins({ provider: 'facebook', accessToken: 'tok', userId: 'fb-1' })._unsafeUnwrap().identityKey,
    ).toBe('graph.facebook.com#fb-1');
  });

  it('passes a developer identity id through and remembers nothing', () => {
    const resolved = resolveLogins({
      provider: 'developer',
      identityId: IDENTITY,
      token: 'tok',
    })._unsafeUnwrap();
    expect(resolved.identityId).toBe(IDENTITY);
    expect(resolved.identityKey).toBeUndefined();
  });

  it('combines several logins into one map, keyed by the first user id', () => {
    const resolved = resolveLogins([
      { provider: 'facebook', accessToken: 'fb-token' },
      { provider: 'google', idToken: GOOGLE },
    ])._unsafeUnwrap();
    expect(resolved.logins).toEqual({ 'graph.facebook.com': 'fb-token', 'accounts.google.com': GOOGLE });
    expect(resolved.identityKey).toBe('accounts.google.com#google-123');
  });
});

describe('resolveLogins: bad logins are InvalidParameter, never echoing the token', () => {
  it.each<[string, unknown]>([
    ['no logins', []],
    ['not an object', 'google'],
    ['an unknown provider', { provider: 'twitter', accessToken: 'x' }],
    ['an empty google token', { provider: 'google', idToken: '' }],
    ['a google token that is not a JWT', { provider: 'google', idToken: 'opaque-google-token' }],
    ['a google JWT without sub', { provider: 'google', idToken: fakeJwt({ iss: 'x' }) }],
    ['a cognito token from another issuer', { provider: 'cognito', idToken: GOOGLE }],
    ['an oidc issuer with spaces', { provider: 'oidc', issuer: 'login corp', idToken: OIDC }],
    ['a saml provider that is not an ARN', { provider: 'saml', providerArn: 'Corp', assertion: 'x' }],
    ['a developer login without identity id', { provider: 'developer', identityId: 'nope', token: 'x' }],
    ['a facebook login without token', { provider: 'facebook' }],
    [
      'two logins with the same key',
      [
        { provider: 'google', idToken: GOOGLE },
        { provider: 'google', idToken: GOOGLE },
      ],
    ],
  ])('%s', (_name, input) => {
    const resolved = resolveLogins(input as IdentityLogin);
    expect(resolved.isErr()).toBe(true);
    if (resolved.isOk()) return;
    expect(resolved.error.type).toBe('InvalidParameter');
    expect(resolved.error.message).not.toContain(GOOGLE);
    expect(resolved.error.message).not.toContain('opaque-google-token');
  });
});
