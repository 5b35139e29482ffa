import { describe, expectTypeOf, it } from 'vitest';
import type { AuthClient, SignInError, SignInStep, Step } from '../../src/index.js';

declare const auth: AuthClient;
declare const anyStep: SignInStep;
declare const signedIn: Step<'SIGNED_IN'>;
declare const confirm: Step<'CONFIRM_SIGN_UP'>;
declare const newPassword: Step<'NEW_PASSWORD_REQUIRED'>;
declare const custom: Step<'CUSTOM_CHALLENGE'>;

describe('transitions only accept the right step', () => {
  it('completeNewPassword accepts a NEW_PASSWORD_REQUIRED step', () => {
    expectTypeOf(auth.completeNewPassword).parameter(0).toEqualTypeOf<Step<'NEW_PASSWORD_REQUIRED'>>();
    auth.completeNewPassword(newPassword, 'N3w-Passw0rd!', { attributes: { email: 'a@example.com' } });
  });

  it('completeNewPassword rejects every other step at compile time', () => {
    // @ts-expect-error a SIGNED_IN step is not a NEW_PASSWORD_REQUIRED step
    auth.completeNewPassword(signedIn, 'N3w-Passw0rd!');
    // @ts-expect-error a CONFIRM_SIGN_UP step is not a NEW_PASSWORD_REQUIRED step
    auth.completeNewPassword(confirm, 'N3w-Passw0rd!');
    // @ts-expect-error an unnarrowed step must be narrowed on `step` first
    auth.completeNewPassword(anyStep, 'N3w-Passw0rd!');
  });

  it('narrowing on `step` makes the transition compile', () => {
    if (anyStep.step === 'NEW_PASSWORD_REQUIRED') {
      expectTypeOf(anyStep).toEqualTypeOf<Step<'NEW_PASSWORD_REQUIRED'>>();
      auth.completeNewPassword(anyStep, 'N3w-Passw0rd!');
    }
  });

  it('typed attributes reject wrong value types', () => {
    // @ts-expect-error updated_at is epoch seconds or a Date, not a boolean
    auth.completeNewPassword(newPassword, 'x', { attributes: { updated_at: true } });
    // @ts-expect-error email_verified is a boolean
    auth.completeNewPassword(newPassword, 'x', { attributes: { email_verified: 'yes' } });
    auth.completeNewPassword(newPassword, 'x', {
      attributes: { 'custom:plan': 'pro', updated_at: new Date() },
    });
  });

  it('answerCustomChallenge accepts only a CUSTOM_CHALLENGE step', () => {
    expectTypeOf(auth.answerCustomChallenge).parameter(0).toEqualTypeOf<Step<'CUSTOM_CHALLENGE'>>();
    // @ts-expect-error a NEW_PASSWORD_REQUIRED step is not a CUSTOM_CHALLENGE step
    auth.answerCustomChallenge(newPassword, '42');
    // @ts-expect-error a CUSTOM_CHALLENGE step cannot complete a new password
    auth.completeNewPassword(custom, 'N3w-Passw0rd!');
    auth.answerCustomChallenge(custom, '42');
  });

  it('signIn defaults to SRP and needs a password except for CUSTOM_AUTH', () => {
    auth.signIn({ username: 'a', password: 'b' });
    auth.signIn({ username: 'a', flow: 'CUSTOM_AUTH' });
    // @ts-expect-error USER_SRP_AUTH needs a password
    auth.signIn({ username: 'a' });
    // @ts-expect-error ADMIN_USER_PASSWORD_AUTH is not a client-side flow
    auth.signIn({ username: 'a', password: 'b', flow: 'ADMIN_USER_PASSWORD_AUTH' });
  });
});

describe('errors are exhaustively switchable', () => {
  it('every SignInError type is handled', () => {
    const describeError = (e: SignInError): string => {
      switch (e.type) {
        case 'NotAuthorized':
        case 'UserNotFound':
        case 'UnsupportedChallenge':
        case 'SrpAborted':
        case 'InvalidParameter':
        case 'ResourceNotFound':
        case 'LimitExceeded':
        case 'TooManyRequests':
        case 'LambdaTrigger':
        case 'InvalidConfiguration':
        case 'Internal':
        case 'Network':
        case 'Unexpected':
        case 'InvalidConfig':
          return e.type;
        default: {
          const unreachable: never = e;
          return unreachable;
        }
      }
    };
    expectTypeOf(describeError).returns.toEqualTypeOf<string>();
  });

  it('steps are plain JSON data (no functions, no Dates)', () => {
    type IsJson<T> = T extends string | number | boolean | null | undefined
      ? true
      : T extends ((...args: never[]) => unknown) | Date | Map<unknown, unknown> | Set<unknown>
        ? false
        : T extends readonly (infer U)[]
          ? IsJson<U>
          : T extends object
            ? { [K in keyof T]-?: IsJson<T[K]> }[keyof T] extends true
              ? true
              : false
            : false;
    expectTypeOf<IsJson<SignInStep>>().toEqualTypeOf<true>();
    // The check bites: data holding a Date or a function is not JSON.
    expectTypeOf<IsJson<{ step: 'X'; at: Date }>>().toEqualTypeOf<false>();
    expectTypeOf<IsJson<{ step: 'X'; f: () => void }>>().toEqualTypeOf<false>();
  });
});
