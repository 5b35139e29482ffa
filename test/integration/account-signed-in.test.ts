import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import * as OTPAuth from 'otpauth';
import { describe, expect, it } from 'vitest';
import type { Stack } from '../../examples/support/provision.js';
import {
  associateTotp,
  confirmSignUp,
  getMfaPreference,
  getUser,
  globalSignOut,
  setMfaPreference,
  signUp,
  updateUserAttributes,
  verifyTotp,
} from '../../src/auth/account/index.js';
import { freshTotpCode } from '../support/totp.js';
import { clientsFor, NEW_PASSWORD, stack, uniqueUsername } from './clients.js';

/** Signs up, confirms and signs in a new user; returns its tokens with the clients. */
async function signedInUser(s: Stack, prefix: string, secret = false) {
  const clients = clientsFor(s, { secret: secret });
  const username = uniqueUsername(prefix);
  const attributes = { email: `${username}@example.com`, nickname: 'ally' };
  (await signUp(clients.context, { username, password: NEW_PASSWORD, attributes }))._unsafeUnwrap();
  (await confirmSignUp(clients.context, { username, code: '000000' }))._unsafeUnwrap();
  const step = (
    await clients.auth.signIn({ username, password: NEW_PASSWORD, flow: 'USER_PASSWORD_AUTH' })
  )._unsafeUnwrap();
  if (step.step !== 'SIGNED_IN') throw new Error(`unexpected ${step.step}`);
  clients.counter.take();
  return { ...clients, username, tokens: step.tokens };
}

describe.skipIf(!stack)('a signed-in user manages the account against moto over HTTP', () => {
  const s = stack as NonNullable<typeof stack>;

  it('getUser reads typed attributes and MFA settings; updateUserAttributes changes them', async () => {
    const { context, counter, username, tokens } = await signedInUser(s, 'profile', true);
    const before = (await getUser(context, { accessToken: tokens.accessToken }))._unsafeUnwrap();
    expect(before).toMatchObject({
      username,
      attributes: { email: `${username}@example.com`, nickname: 'ally' },
      mfa: { enabled: [] },
    });
    expect(before.mfa).not.toHaveProperty('preferred');
    expect(before.sub).toBe(before.rawAttributes.sub);

    const updated = await updateUserAttributes(context, {
      accessToken: tokens.accessToken,
      attributes: { nickname: 'al', updated_at: new Date(1_700_000_000_000) },
    });
    // moto sends no CodeDeliveryDetailsList, so nothing waits for verification.
    expect(updated._unsafeUnwrap()).toEqual({ attributesToVerify: [], codeDeliveries: [] });

    const after = (await getUser(context, { accessToken: tokens.accessToken }))._unsafeUnwrap();
    expect(after.attributes).toMatchObject({ nickname: 'al', updated_at: 1_700_000_000 });
    expect(after.rawAttributes.updated_at).toBe('1700000000');
    expect(counter.take().byOperation).toEqual({ GetUser: 2, UpdateUserAttributes: 1 });
  });

  it('getUser with a token moto never issued is NotAuthorized', async () => {
    const { context } = clientsFor(s, { secret: false });
    expect((await getUser(context, { accessToken: 'never-issued' }))._unsafeUnwrapErr().type).toBe(
      'NotAuthorized',
    );
  });

  it('associateTotp → verifyTotp with a real code → TOTP preferred → sign-in asks for the code', async () => {
    const { auth, context, counter, username, tokens } = await signedInUser(s, 'totp');
    const accessToken = tokens.accessToken;

    // TOTP cannot be turned on before an authenticator is verified.
    const early = await setMfaPreference(context, { accessToken, totp: true });
    expect(early._unsafeUnwrapErr().type).toBe('InvalidParameter');

    const setup = (
      await associateTotp(context, { accessToken, issuer: 'cognito-flow tests' })
    )._unsafeUnwrap();
    expect(setup.secret).toBe('asdfasdfasdf'); // moto's fixed secret
    expect(setup.uri).toBe(
      `otpauth://totp/cognito-flow%20tests:${encodeURIComponent(username)}?secret=asdfasdfasdf&issuer=cognito-flow%20tests`,
    );
    // What an authenticator app does: read the URI, then show codes.
    const app = OTPAuth.URI.parse(setup.uri);
    if (!(app instanceof OTPAuth.TOTP)) throw new Error('not a TOTP URI');

    const code = await freshTotpCode(app);
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const mismatch = await verifyTotp(context, { accessToken, code: wrong });
    expect(mismatch._unsafeUnwrapErr().type).toBe('CodeMismatch');
    const verified = await verifyTotp(context, {
      accessToken,
      code: await freshTotpCode(app),
      deviceName: 'Phone',
    });
    expect(verified.isOk()).toBe(true);

    (
      await setMfaPreference(context, { accessToken, totp: true, preferred: 'SOFTWARE_TOKEN_MFA' })
    )._unsafeUnwrap();
    expect((await getMfaPreference(context, { accessToken }))._unsafeUnwrap()).toEqual({
      preferred: 'SOFTWARE_TOKEN_MFA',
      enabled: ['SOFTWARE_TOKEN_MFA'],
    });
    // SMS on as well, without taking the preference away from TOTP.
    (await setMfaPreference(context, { accessToken, sms: true }))._unsafeUnwrap();
    expect((await getMfaPreference(context, { accessToken }))._unsafeUnwrap()).toEqual({
      preferred: 'SOFTWARE_TOKEN_MFA',
      enabled: ['SOFTWARE_TOKEN_MFA', 'SMS_MFA'],
    });
    expect(counter.take().byOperation).toEqual({
      SetUserMFAPreference: 3,
      AssociateSoftwareToken: 1,
      VerifySoftwareToken: 2,
      GetUser: 2,
    });

    const next = (
      await auth.signIn({ username, password: NEW_PASSWORD, flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrap();
    expect(next.step).toBe('SOFTWARE_TOKEN_MFA');
  });

  it('globalSignOut revokes the access token and the refresh token', async () => {
    const { context, counter, idp, tokens } = await signedInUser(s, 'signout');
    const out = await globalSignOut(context, { accessToken: tokens.accessToken });
    expect(out.isOk()).toBe(true);
    expect(counter.take().byOperation).toEqual({ GlobalSignOut: 1 });

    expect((await getUser(context, { accessToken: tokens.accessToken }))._unsafeUnwrapErr().type).toBe(
      'NotAuthorized',
    );
    await expect(
      idp.send(
        new InitiateAuthCommand({
          AuthFlow: 'REFRESH_TOKEN_AUTH',
          ClientId: s.clientId,
          AuthParameters: { REFRESH_TOKEN: tokens.refreshToken ?? '' },
        }),
      ),
    ).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    // Signing out again with the revoked token is NotAuthorized.
    expect((await globalSignOut(context, { accessToken: tokens.accessToken }))._unsafeUnwrapErr().type).toBe(
      'NotAuthorized',
    );
  });
});
