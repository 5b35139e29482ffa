import { describe, expect, it } from 'vitest';
import { decodeIdToken, type Step } from '../../src/index.js';
import { unwrap } from '../support/unwrap.js';
import { clientsFor, NEW_PASSWORD, stack, TEMPORARY_PASSWORD, uniqueUsername } from './clients.js';

describe.skipIf(!stack)('admin sign-in against moto over HTTP', () => {
  const s = stack as NonNullable<typeof stack>;

  for (const secret of [false, true]) {
    it(`adminSignIn → NEW_PASSWORD_REQUIRED (admin step) → AdminRespondToAuthChallenge → SIGNED_IN (${secret ? 'with' : 'without'} a client secret)`, async () => {
      const { admin, auth, counter } = clientsFor(s, { secret });
      const username = uniqueUsername('admin-flow');
      unwrap(
        await admin.adminCreateUser({
          username,
          temporaryPassword: TEMPORARY_PASSWORD,
          messageAction: 'SUPPRESS',
        }),
      );
      counter.take();
      const step = unwrap(await auth.adminSignIn({ username, password: TEMPORARY_PASSWORD }));
      expect(step).toMatchObject({ step: 'NEW_PASSWORD_REQUIRED', admin: true });
      const done = unwrap(
        await auth.completeNewPassword(step as Step<'NEW_PASSWORD_REQUIRED'>, NEW_PASSWORD),
      );
      expect(counter.take().byOperation).toEqual({ AdminInitiateAuth: 1, AdminRespondToAuthChallenge: 1 });
      if (done.step !== 'SIGNED_IN') throw new Error(`unexpected ${done.step}`);
      expect(decodeIdToken(done.tokens.idToken)._unsafeUnwrap()['cognito:username']).toBe(username);
      const again = unwrap(await auth.adminSignIn({ username, password: NEW_PASSWORD }));
      expect(again.step).toBe('SIGNED_IN');
      expect(
        (await auth.adminSignIn({ username, password: 'Wrong-Passw0rd!' }))._unsafeUnwrapErr().type,
      ).toBe('NotAuthorized');
    });
  }
});
