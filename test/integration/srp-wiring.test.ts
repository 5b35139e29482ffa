import { describe, expect, it } from 'vitest';
import { decodeIdToken } from '../../src/index.js';
import { clientsFor, NEW_PASSWORD, stack, TEMPORARY_PASSWORD, uniqueUsername } from './clients.js';

// moto fakes SRP: its SRP_B and salt are random, and it never checks PASSWORD_CLAIM_SIGNATURE. These tests
// prove the USER_SRP_AUTH message shapes, USERNAME/SECRET_HASH handling and session threading through the
// real SDK over HTTP — not the maths, which the unit tests prove against AWS's own client and a verifier.
describe.skipIf(!stack)(
  'USER_SRP_AUTH wiring against moto (moto fakes SRP: message shapes and sessions, not maths)',
  () => {
    const s = stack as NonNullable<typeof stack>;

    for (const secret of [false, true]) {
      const label = secret
        ? 'client with a secret (moto checks SECRET_HASH on InitiateAuth)'
        : 'client without a secret';

      it(`default signIn runs InitiateAuth(SRP_A) → PASSWORD_VERIFIER → NEW_PASSWORD_REQUIRED → SIGNED_IN (${label})`, async () => {
        const { admin, auth, counter } = clientsFor(s, { secret });
        const username = uniqueUsername('srp');
        (
          await admin.adminCreateUser({
            username,
            temporaryPassword: TEMPORARY_PASSWORD,
            messageAction: 'SUPPRESS',
          })
        )._unsafeUnwrap();
        counter.take();

        const first = (await auth.signIn({ username, password: TEMPORARY_PASSWORD }))._unsafeUnwrap();
        expect(first.step).toBe('NEW_PASSWORD_REQUIRED');
        // PASSWORD_VERIFIER was answered inside signIn: two requests, no step for it.
        expect(counter.take().byOperation).toEqual({ InitiateAuth: 1, RespondToAuthChallenge: 1 });
        if (first.step !== 'NEW_PASSWORD_REQUIRED') return;

        const done = (await auth.completeNewPassword(first, NEW_PASSWORD))._unsafeUnwrap();
        expect(done.step).toBe('SIGNED_IN');
        if (done.step !== 'SIGNED_IN') return;
        expect(decodeIdToken(done.tokens.idToken)._unsafeUnwrap()['cognito:username']).toBe(username);

        const again = (await auth.signIn({ username, password: NEW_PASSWORD }))._unsafeUnwrap();
        expect(again.step).toBe('SIGNED_IN');
        counter.take();
      });
    }

    it('an unknown user through SRP is UserNotFound', async () => {
      const { auth } = clientsFor(s);
      const result = await auth.signIn({ username: uniqueUsername('ghost'), password: 'Whatever-1!' });
      expect(result._unsafeUnwrapErr().type).toBe('UserNotFound');
    });
  },
);
