import { describe, expect, it } from 'vitest';
import { confirmSignUp, getUser, signUp } from '../../src/auth/account/index.js';
import { decodeIdToken } from '../../src/index.js';
import { clientsFor, NEW_PASSWORD, stack, uniqueUsername } from './clients.js';

/** cognito-flow's clients on moto plus an account context over the same SDK client (and request counter). */
describe.skipIf(!stack)('sign-up and confirmation against moto over HTTP', () => {
  const s = stack as NonNullable<typeof stack>;

  for (const secret of [false, true]) {
    const label = secret ? 'app client with a secret' : 'app client without a secret';

    it(`signUp → CONFIRM_SIGN_UP → confirmSignUp → SRP sign-in → getUser (${label})`, async () => {
      const { auth, context, counter } = clientsFor(s, { secret: secret });
      const username = uniqueUsername(secret ? 'signup-secret' : 'signup');
      const email = `${username}@example.com`;

      const signedUp = (
        await signUp(context, {
          username,
          password: NEW_PASSWORD,
          attributes: { email, nickname: 'ally', birthdate: new Date('1990-04-01T00:00:00Z') },
          validationData: { captcha: 'ok' },
          clientMetadata: { source: 'integration' },
        })
      )._unsafeUnwrap();
      expect(signedUp).toMatchObject({
        username,
        userConfirmed: false,
        // The story pool verifies email automatically, so moto says a code went to the masked address.
        codeDelivery: { destination: `${username[0]}***@e***`, medium: 'EMAIL', attributeName: 'email' },
      });
      expect(signedUp.userSub).toMatch(/^[0-9a-f-]{36}$/);
      expect(counter.take().byOperation).toEqual({ SignUp: 1 });

      // Before confirmation, a sign-in is the CONFIRM_SIGN_UP step.
      const early = (await auth.signIn({ username, password: NEW_PASSWORD }))._unsafeUnwrap();
      expect(early.step).toBe('CONFIRM_SIGN_UP');
      counter.take();

      // moto accepts any confirmation code (and gives no auto sign-in session).
      const confirmed = (await confirmSignUp(context, { username, code: '123456' }))._unsafeUnwrap();
      expect(confirmed).toEqual({ username });
      expect(counter.take().byOperation).toEqual({ ConfirmSignUp: 1 });

      // moto checks SECRET_HASH on USER_SRP_AUTH (not on SignUp or ConfirmSignUp): this sign-in proves the
      // user signed up with a secret client is the same user name the hash is computed over.
      const step = (await auth.signIn({ username, password: NEW_PASSWORD }))._unsafeUnwrap();
      expect(step.step).toBe('SIGNED_IN');
      if (step.step !== 'SIGNED_IN') return;
      expect(decodeIdToken(step.tokens.idToken)._unsafeUnwrap().sub).toBe(signedUp.userSub);

      const user = (await getUser(context, { accessToken: step.tokens.accessToken }))._unsafeUnwrap();
      expect(user).toMatchObject({
        username,
        sub: signedUp.userSub,
        attributes: { email, nickname: 'ally', birthdate: '1990-04-01', sub: signedUp.userSub },
        mfa: { enabled: [] },
      });
    });
  }

  it('a second sign-up with the same user name is UsernameExists', async () => {
    const { context } = clientsFor(s, { secret: false });
    const username = uniqueUsername('signup-twice');
    const attributes = { email: `${username}@example.com` };
    (await signUp(context, { username, password: NEW_PASSWORD, attributes }))._unsafeUnwrap();
    const again = await signUp(context, { username, password: NEW_PASSWORD, attributes });
    expect(again._unsafeUnwrapErr()).toMatchObject({ type: 'UsernameExists', retryable: false });
  });

  it('a password the pool policy rejects is InvalidPassword, and the password is not in the error', async () => {
    const { context } = clientsFor(s, { secret: true });
    const weak = 'weakpass';
    const result = await signUp(context, { username: uniqueUsername('signup-weak'), password: weak });
    const error = result._unsafeUnwrapErr();
    expect(error.type).toBe('InvalidPassword');
    expect(JSON.stringify(error)).not.toContain(weak);
  });

  it('confirming a user that does not exist is UserNotFound', async () => {
    const { context } = clientsFor(s, { secret: false });
    const result = await confirmSignUp(context, { username: uniqueUsername('nobody'), code: '123456' });
    expect(result._unsafeUnwrapErr().type).toBe('UserNotFound');
  });
});
