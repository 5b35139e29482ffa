import type { ResultAsync } from 'neverthrow';
import * as account from '../../../../src/auth/account/index.js';
import type { AuthContext } from '../../../../src/auth/context.js';
import type { CognitoError } from '../../../../src/errors/types.js';
import { clientSecret } from './support.js';

/** Secrets a well-formed call of each operation carries. */
export const secrets = {
  password: 'Old-Passw0rd!-secret',
  newPassword: 'N3w-Passw0rd!-secret',
  code: '246813',
  session: 'session-AYABeC-secret',
  accessToken: 'eyJraWQiOi.access-token-secret.sig',
  refreshToken: 'eyJjdHkiOi.refresh-token-secret',
} as const;

type Call = (context: AuthContext) => ResultAsync<unknown, CognitoError>;

const { password, newPassword, code, session, accessToken, refreshToken } = secrets;
const credential = {
  id: 'cred',
  rawId: 'cred',
  type: 'public-key',
  response: { clientDataJSON: 'e30', attestationObject: 'o2M' },
};

/** One well-formed call of every account operation, with the secrets it sends (with a client secret). */
export const operations: readonly [string, Call, readonly string[]][] = [
  ['signUp', (c) => account.signUp(c, { username: 'alice', password }), [password, clientSecret]],
  [
    'confirmSignUp',
    (c) => account.confirmSignUp(c, { username: 'alice', code, session }),
    [code, session, clientSecret],
  ],
  ['resendSignUpCode', (c) => account.resendSignUpCode(c, { username: 'alice' }), [clientSecret]],
  ['autoSignIn', (c) => account.autoSignIn(c, { username: 'alice', session }), [session, clientSecret]],
  ['forgotPassword', (c) => account.forgotPassword(c, { username: 'alice' }), [clientSecret]],
  [
    'confirmForgotPassword',
    (c) => account.confirmForgotPassword(c, { username: 'alice', code, newPassword }),
    [code, newPassword, clientSecret],
  ],
  [
    'changePassword',
    (c) => account.changePassword(c, { accessToken, previousPassword: password, newPassword }),
    [accessToken, password, newPassword],
  ],
  ['getUser', (c) => account.getUser(c, { accessToken }), [accessToken]],
  [
    'updateUserAttributes',
    (c) => account.updateUserAttributes(c, { accessToken, attributes: { nickname: 'al' } }),
    [accessToken],
  ],
  [
    'sendAttributeVerificationCode',
    (c) => account.sendAttributeVerificationCode(c, { accessToken, attributeName: 'email' }),
    [accessToken],
  ],
  [
    'verifyAttribute',
    (c) => account.verifyAttribute(c, { accessToken, attributeName: 'email', code }),
    [accessToken, code],
  ],
  [
    'deleteUserAttributes',
    (c) => account.deleteUserAttributes(c, { accessToken, attributeNames: ['nickname'] }),
    [accessToken],
  ],
  ['getMfaPreference', (c) => account.getMfaPreference(c, { accessToken }), [accessToken]],
  ['setMfaPreference', (c) => account.setMfaPreference(c, { accessToken, sms: true }), [accessToken]],
  ['associateTotp', (c) => account.associateTotp(c, { accessToken, accountName: 'alice' }), [accessToken]],
  ['verifyTotp', (c) => account.verifyTotp(c, { accessToken, code }), [accessToken, code]],
  ['startWebAuthnRegistration', (c) => account.startWebAuthnRegistration(c, { accessToken }), [accessToken]],
  [
    'completeWebAuthnRegistration',
    (c) => account.completeWebAuthnRegistration(c, { accessToken, credential }),
    [accessToken],
  ],
  ['listWebAuthnCredentials', (c) => account.listWebAuthnCredentials(c, { accessToken }), [accessToken]],
  [
    'deleteWebAuthnCredential',
    (c) => account.deleteWebAuthnCredential(c, { accessToken, credentialId: 'cred' }),
    [accessToken],
  ],
  ['globalSignOut', (c) => account.globalSignOut(c, { accessToken }), [accessToken]],
  ['revokeToken', (c) => account.revokeToken(c, { refreshToken }), [refreshToken, clientSecret]],
  ['deleteUser', (c) => account.deleteUser(c, { accessToken }), [accessToken]],
];
