import type { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import type { Stack } from '../../examples/support/provision.js';
import {
  changePassword,
  confirmForgotPassword,
  confirmSignUp,
  forgotPassword,
  signUp,
} from '../../src/auth/account/index.js';
import { clientsFor, NEW_PASSWORD, stack, uniqueUsername } from './clients.js';

const FINAL_PASSWORD = 'Fin4l-Passw0rd!';

/** Keeps the confirmation code moto returns in the `x-moto-forgot-password-confirmation-code` header. */
function captureForgotPasswordCode(idp: CognitoIdentityProviderClient): () => string | undefined {
  let code: string | undefined;
  idp.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const headers = (result.response as { headers?: Record<string, string> }).headers ?? {};
      code = headers['x-moto-forgot-password-confirmation-code'] ?? code;
      return result;
    },
    { step: 'deserialize', name: 'motoForgotPasswordCode' },
  );
  return () => code;
}

/** A confirmed user created through sign-up, with a verified-looking email. */
async function confirmedUser(s: Stack, secret: boolean, prefix: string) {
  const clients = clientsFor(s, { secret: secret });
  const username = uniqueUsername(prefix);
  const attributes = { email: `${username}@example.com` };
  (await signUp(clients.context, { username, password: NEW_PASSWORD, attributes }))._unsafeUnwrap();
  (await confirmSignUp(clients.context, { username, code: '000000' }))._unsafeUnwrap();
  return { ...clients, username };
}

describe.skipIf(!stack)('forgot and change password against moto over HTTP', () => {
  const s = stack as NonNullable<typeof stack>;

  for (const secret of [false, true]) {
    const label = secret ? 'app client with a secret' : 'app client without a secret';

    it(`forgotPassword → confirmForgotPassword with the code moto sent → sign-in (${label})`, async () => {
      const { auth, context, counter, idp, username } = await confirmedUser(s, secret, 'forgot');
      const sentCode = captureForgotPasswordCode(idp);
      counter.take();

      const sent = (await forgotPassword(context, { username }))._unsafeUnwrap();
      expect(sent).toEqual({
        codeDelivery: { destination: `${username[0]}***@e***`, medium: 'EMAIL', attributeName: 'email' },
      });
      expect(counter.take().byOperation).toEqual({ ForgotPassword: 1 });
      const code = sentCode();
      expect(code).toMatch(/^moto-confirmation-code:\d{6}$/);

      const done = await confirmForgotPassword(context, {
        username,
        code: code ?? '',
        newPassword: FINAL_PASSWORD,
      });
      expect(done.isOk()).toBe(true);
      expect(counter.take().byOperation).toEqual({ ConfirmForgotPassword: 1 });

      const old = await auth.signIn({ username, password: NEW_PASSWORD, flow: 'USER_PASSWORD_AUTH' });
      expect(old._unsafeUnwrapErr().type).toBe('NotAuthorized');
      const step = (
        await auth.signIn({ username, password: FINAL_PASSWORD, flow: 'USER_PASSWORD_AUTH' })
      )._unsafeUnwrap();
      expect(step.step).toBe('SIGNED_IN');
    });
  }

  it('a code other than the one moto sent is ExpiredCode, and the password stays', async () => {
    const { auth, context, username } = await confirmedUser(s, false, 'forgot-wrong');
    (await forgotPassword(context, { username }))._unsafeUnwrap();
    // moto checks only codes with its own prefix; any other code would be accepted.
    const result = await confirmForgotPassword(context, {
      username,
      code: 'moto-confirmation-code:000000',
      newPassword: FINAL_PASSWORD,
    });
    expect(result._unsafeUnwrapErr().type).toBe('ExpiredCode');
    const step = (
      await auth.signIn({ username, password: NEW_PASSWORD, flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrap();
    expect(step.step).toBe('SIGNED_IN');
  });

  it('changePassword: a wrong previous password is NotAuthorized, a weak one InvalidPassword, then it works', async () => {
    const { auth, context, counter, username } = await confirmedUser(s, true, 'change');
    const step = (
      await auth.signIn({ username, password: NEW_PASSWORD, flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrap();
    if (step.step !== 'SIGNED_IN') throw new Error(`unexpected ${step.step}`);
    const accessToken = step.tokens.accessToken;
    counter.take();

    const wrong = await changePassword(context, {
      accessToken,
      previousPassword: 'Not-The-Passw0rd!',
      newPassword: FINAL_PASSWORD,
    });
    expect(wrong._unsafeUnwrapErr().type).toBe('NotAuthorized');
    const weak = await changePassword(context, {
      accessToken,
      previousPassword: NEW_PASSWORD,
      newPassword: 'short',
    });
    expect(weak._unsafeUnwrapErr().type).toBe('InvalidPassword');
    const changed = await changePassword(context, {
      accessToken,
      previousPassword: NEW_PASSWORD,
      newPassword: FINAL_PASSWORD,
    });
    expect(changed.isOk()).toBe(true);
    expect(counter.take().byOperation).toEqual({ ChangePassword: 3 });

    const again = (await auth.signIn({ username, password: FINAL_PASSWORD }))._unsafeUnwrap();
    expect(again.step).toBe('SIGNED_IN');
  });

  it('changePassword with a token moto never issued is NotAuthorized', async () => {
    const { context } = clientsFor(s, { secret: false });
    const result = await changePassword(context, {
      accessToken: 'not-a-token',
      previousPassword: NEW_PASSWORD,
      newPassword: FINAL_PASSWORD,
    });
    expect(result._unsafeUnwrapErr().type).toBe('NotAuthorized');
  });
});
