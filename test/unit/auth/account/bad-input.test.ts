import type { ResultAsync } from 'neverthrow';
import { beforeEach, describe, expect, it } from 'vitest';
import * as account from '../../../../src/auth/account/index.js';
import type { AuthContext } from '../../../../src/auth/context.js';
import type { CognitoError } from '../../../../src/errors/types.js';
import { accessToken, cognito, contextFor } from './support.js';

type Call = (context: AuthContext) => ResultAsync<unknown, CognitoError>;
// Untyped callers (JavaScript, JSON from a request) can pass anything: the casts stand for them.
const any = (value: unknown) => value as never;

const cyclic: Record<string, unknown> = {
  id: 'x',
  response: { clientDataJSON: 'a', attestationObject: 'b' },
};
cyclic.self = cyclic;

// toJSON() of an assertion (navigator.credentials.get): its type is accepted, since lib.dom's toJSON() says
// `RegistrationResponseJSON | AuthenticationResponseJSON`, so only the run-time check can turn it away.
const assertion = {
  id: 'Y3JlZC1pZA',
  rawId: 'Y3JlZC1pZA',
  type: 'public-key',
  response: { clientDataJSON: 'e30', authenticatorData: 'AAAA', signature: 'AAAA' },
  clientExtensionResults: {},
};

const cases: [string, Call][] = [
  ['signUp without input', (c) => account.signUp(c, any(undefined))],
  ['signUp with an empty username', (c) => account.signUp(c, { username: '', password: 'P4ss!' })],
  ['signUp with a non-string password', (c) => account.signUp(c, { username: 'a', password: any(12345678) })],
  ['signUp with an empty password', (c) => account.signUp(c, { username: 'a', password: '' })],
  [
    'signUp with an invalid birthdate',
    (c) => account.signUp(c, { username: 'a', attributes: { birthdate: '1/4/90' } }),
  ],
  [
    'signUp with an object attribute',
    (c) => account.signUp(c, { username: 'a', attributes: any({ email: {} }) }),
  ],
  [
    'signUp with a NaN attribute',
    (c) => account.signUp(c, { username: 'a', attributes: { 'custom:n': Number.NaN } }),
  ],
  [
    'signUp with non-string validation data',
    (c) => account.signUp(c, { username: 'a', validationData: any({ n: 1 }) }),
  ],
  [
    'signUp with client metadata that is a string',
    (c) => account.signUp(c, { username: 'a', clientMetadata: any('x') }),
  ],
  ['confirmSignUp with an empty code', (c) => account.confirmSignUp(c, { username: 'a', code: '' })],
  ['confirmSignUp without a username', (c) => account.confirmSignUp(c, any({ code: '123456' }))],
  [
    'confirmSignUp with a numeric session',
    (c) => account.confirmSignUp(c, { username: 'a', code: '1', session: any(5) }),
  ],
  [
    'confirmSignUp with a non-boolean forceAliasCreation',
    (c) => account.confirmSignUp(c, { username: 'a', code: '1', forceAliasCreation: any('yes') }),
  ],
  ['resendSignUpCode with an empty username', (c) => account.resendSignUpCode(c, { username: '' })],
  ['autoSignIn with an empty session', (c) => account.autoSignIn(c, { username: 'a', session: '' })],
  ['autoSignIn with an empty username', (c) => account.autoSignIn(c, { username: '', session: 's' })],
  [
    'autoSignIn with an empty deviceName',
    (c) => account.autoSignIn(c, { username: 'a', session: 's', deviceName: '' }),
  ],
  ['forgotPassword with a numeric username', (c) => account.forgotPassword(c, { username: any(3) })],
  [
    'confirmForgotPassword with an empty code',
    (c) => account.confirmForgotPassword(c, { username: 'a', code: '', newPassword: 'P4ss!' }),
  ],
  [
    'confirmForgotPassword with a non-string password',
    (c) => account.confirmForgotPassword(c, { username: 'a', code: '1', newPassword: any(123) }),
  ],
  [
    'changePassword with an empty access token',
    (c) => account.changePassword(c, { accessToken: '', newPassword: 'P' }),
  ],
  ['changePassword without a new password', (c) => account.changePassword(c, any({ accessToken }))],
  [
    'changePassword with an empty previous password',
    (c) => account.changePassword(c, { accessToken, previousPassword: '', newPassword: 'P' }),
  ],
  ['getUser without an access token', (c) => account.getUser(c, any({}))],
  [
    'updateUserAttributes with no attributes',
    (c) => account.updateUserAttributes(c, { accessToken, attributes: {} }),
  ],
  [
    'updateUserAttributes with a negative updated_at',
    (c) => account.updateUserAttributes(c, { accessToken, attributes: { updated_at: -1 } }),
  ],
  [
    'sendAttributeVerificationCode with an empty attribute name',
    (c) => account.sendAttributeVerificationCode(c, { accessToken, attributeName: '' }),
  ],
  [
    'verifyAttribute with an empty code',
    (c) => account.verifyAttribute(c, { accessToken, attributeName: 'email', code: '' }),
  ],
  [
    'deleteUserAttributes with no names',
    (c) => account.deleteUserAttributes(c, { accessToken, attributeNames: [] }),
  ],
  [
    'deleteUserAttributes with an empty name',
    (c) => account.deleteUserAttributes(c, { accessToken, attributeNames: [''] }),
  ],
  [
    'deleteUserAttributes with a string',
    (c) => account.deleteUserAttributes(c, { accessToken, attributeNames: any('email') }),
  ],
  ['getMfaPreference with an empty token', (c) => account.getMfaPreference(c, { accessToken: '' })],
  ['setMfaPreference that changes nothing', (c) => account.setMfaPreference(c, { accessToken })],
  [
    'setMfaPreference with an unknown method',
    (c) => account.setMfaPreference(c, { accessToken, preferred: any('VOICE') }),
  ],
  [
    'setMfaPreference with a non-boolean',
    (c) => account.setMfaPreference(c, { accessToken, totp: any('yes') }),
  ],
  [
    'setMfaPreference turning off the preferred method',
    (c) => account.setMfaPreference(c, { accessToken, totp: false, preferred: 'SOFTWARE_TOKEN_MFA' }),
  ],
  [
    'associateTotp with an empty issuer',
    (c) => account.associateTotp(c, { accessToken, accountName: 'a', issuer: '' }),
  ],
  ['verifyTotp with five digits', (c) => account.verifyTotp(c, { accessToken, code: '12345' })],
  ['verifyTotp with letters', (c) => account.verifyTotp(c, { accessToken, code: 'abcdef' })],
  ['verifyTotp with a number', (c) => account.verifyTotp(c, { accessToken, code: any(123456) })],
  [
    'startWebAuthnRegistration with an empty token',
    (c) => account.startWebAuthnRegistration(c, { accessToken: '' }),
  ],
  [
    'completeWebAuthnRegistration with an empty credential',
    (c) => account.completeWebAuthnRegistration(c, { accessToken, credential: any({}) }),
  ],
  [
    'completeWebAuthnRegistration with a null credential',
    (c) => account.completeWebAuthnRegistration(c, { accessToken, credential: any(null) }),
  ],
  [
    'completeWebAuthnRegistration with an assertion, not a registration response',
    (c) => account.completeWebAuthnRegistration(c, { accessToken, credential: assertion }),
  ],
  [
    'completeWebAuthnRegistration with a cyclic credential',
    (c) => account.completeWebAuthnRegistration(c, { accessToken, credential: any(cyclic) }),
  ],
  [
    'listWebAuthnCredentials with maxResults 0',
    (c) => account.listWebAuthnCredentials(c, { accessToken, maxResults: 0 }),
  ],
  [
    'listWebAuthnCredentials with maxResults 21',
    (c) => account.listWebAuthnCredentials(c, { accessToken, maxResults: 21 }),
  ],
  [
    'listWebAuthnCredentials with maxResults 1.5',
    (c) => account.listWebAuthnCredentials(c, { accessToken, maxResults: 1.5 }),
  ],
  [
    'deleteWebAuthnCredential with an empty id',
    (c) => account.deleteWebAuthnCredential(c, { accessToken, credentialId: '' }),
  ],
  ['globalSignOut with a null input', (c) => account.globalSignOut(c, any(null))],
  ['revokeToken with an empty refresh token', (c) => account.revokeToken(c, { refreshToken: '' })],
  ['deleteUser with a numeric token', (c) => account.deleteUser(c, { accessToken: any(42) })],
];

beforeEach(() => {
  cognito.reset();
});

describe('bad input is InvalidParameter, without a request and without a throw', () => {
  it.each(cases)('%s', async (_name, call) => {
    const result = await call(contextFor({ secret: true }));
    expect(result._unsafeUnwrapErr()).toMatchObject({ type: 'InvalidParameter', retryable: false });
    expect(cognito.calls()).toHaveLength(0);
  });
});
