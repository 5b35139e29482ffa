import { describe, expectTypeOf, it } from 'vitest';
import type { AuthClient, SignInError, SignInStep, Step } from '../../src/index.js';

declare const auth: AuthClient;
declare const anyStep: SignInStep;
declare const signedIn: Step<'SIGNED_IN'>;
declare const confirm: Step<'CONFIRM_SIGN_UP'>;
declare const newPassword: Step<'NEW_PASSWORD_REQUIRED'>;
declare const custom: Step<'CUSTOM_CHALLENGE'>;
declare const sms: Step<'SMS_MFA'>;
declare const totp: Step<'SOFTWARE_TOKEN_MFA'>;
declare const emailOtp: Step<'EMAIL_OTP'>;
declare const selectMfa: Step<'SELECT_MFA_TYPE'>;
declare const setup: Step<'MFA_SETUP'>;
declare const selectFirst: Step<'SELECT_CHALLENGE'>;
declare const webauthn: Step<'WEB_AUTHN'>;
declare const unsupported: Step<'UNSUPPORTED_CHALLENGE'>;

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

  it('submitCode accepts only code steps', () => {
    auth.submitCode(sms, '123456');
    auth.submitCode(totp, '123456');
    auth.submitCode(emailOtp, '123456');
    // @ts-expect-error SELECT_MFA_TYPE is answered with selectMfaType, not a code
    auth.submitCode(selectMfa, '123456');
    // @ts-expect-error MFA_SETUP is answered with setUpTotp / setUpEmailMfa
    auth.submitCode(setup, '123456');
    // @ts-expect-error NEW_PASSWORD_REQUIRED takes a password
    auth.submitCode(newPassword, '123456');
  });

  it('selectMfaType, setUpTotp, verifyTotpSetup, setUpEmailMfa accept only their steps and MFA types', () => {
    auth.selectMfaType(selectMfa, 'SMS_MFA');
    // @ts-expect-error only SMS_MFA, SOFTWARE_TOKEN_MFA and EMAIL_OTP are MFA types
    auth.selectMfaType(selectMfa, 'PIGEON');
    // @ts-expect-error an MFA_SETUP step is not a SELECT_MFA_TYPE step
    auth.selectMfaType(setup, 'SMS_MFA');
    auth.setUpTotp(setup, { issuer: 'Acme' });
    // @ts-expect-error SMS_MFA steps cannot set up TOTP
    auth.setUpTotp(sms);
    auth.verifyTotpSetup(setup, '123456');
    // @ts-expect-error a SOFTWARE_TOKEN_MFA step is answered with submitCode
    auth.verifyTotpSetup(totp, '123456');
    auth.setUpEmailMfa(setup, 'a@example.com');
    // @ts-expect-error a SELECT_MFA_TYPE step is not an MFA_SETUP step
    auth.setUpEmailMfa(selectMfa, 'a@example.com');
  });

  it('selectChallenge and submitWebAuthnCredential accept only their steps', () => {
    auth.selectChallenge(selectFirst, 'EMAIL_OTP');
    // @ts-expect-error SOFTWARE_TOKEN_MFA is not a first factor
    auth.selectChallenge(selectFirst, 'SOFTWARE_TOKEN_MFA');
    // @ts-expect-error a SELECT_MFA_TYPE step is not a SELECT_CHALLENGE step
    auth.selectChallenge(selectMfa, 'EMAIL_OTP');
    auth.submitWebAuthnCredential(webauthn, '{}');
    // @ts-expect-error an EMAIL_OTP step is answered with submitCode
    auth.submitWebAuthnCredential(emailOtp, '{}');
  });

  it('respondToChallenge takes any challenge step but not a finished one', () => {
    auth.respondToChallenge(unsupported, { ANSWER: 'x' });
    auth.respondToChallenge(sms, { SMS_MFA_CODE: '1' });
    // @ts-expect-error a SIGNED_IN step answers nothing
    auth.respondToChallenge(signedIn, {});
    // @ts-expect-error a CONFIRM_SIGN_UP step has no session to answer
    auth.respondToChallenge(confirm, {});
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
    // Depth-limited, so the recursive JsonValue (parsed WebAuthn options) is checked to a fixed depth.
    type IsJson<T, Depth extends unknown[] = []> = Depth['length'] extends 6
      ? true
      : T extends string | number | boolean | null | undefined
        ? true
        : T extends ((...args: never[]) => unknown) | Date | Map<unknown, unknown> | Set<unknown>
          ? false
          : T extends readonly (infer U)[]
            ? IsJson<U, [...Depth, 0]>
            : T extends object
              ? { [K in keyof T]-?: IsJson<T[K], [...Depth, 0]> }[keyof T] extends true
                ? true
                : false
              : false;
    expectTypeOf<IsJson<SignInStep>>().toEqualTypeOf<true>();
    // The check bites: data holding a Date or a function is not JSON.
    expectTypeOf<IsJson<{ step: 'X'; at: Date }>>().toEqualTypeOf<false>();
    expectTypeOf<IsJson<{ step: 'X'; f: () => void }>>().toEqualTypeOf<false>();
  });
});
