import { describe, expect, it } from 'vitest';
import { mapAuthResponse } from '../../../src/auth/map-auth-response.js';
import { parseStep, sessionExpired } from '../../../src/auth/resume-step.js';
import type { SignInStep } from '../../../src/auth/steps.js';

const NOW = 1_700_000_000_000;
const CLIENT_ID = '1example23456789abcdefghij';
const OTHER_CLIENT = '9other9876543210zyxwvutsrq';
const context = { clientId: CLIENT_ID, now: NOW };
/** For steps the library built itself or opened from a seal: the only ones that may be SIGNED_IN. */
const trusted = { ...context, origin: 'trusted' } as const;

const newPassword: SignInStep = {
  step: 'NEW_PASSWORD_REQUIRED',
  clientId: CLIENT_ID,
  username: 'alice@example.com',
  challengeUsername: 'a1b2c3d4-sub',
  session: 'AYABe-session',
  expiresAt: NOW + 180_000,
  requiredAttributes: ['email', 'birthdate'],
  userAttributes: { email_verified: 'true', name: 'Alice' },
};

const signedIn: SignInStep = {
  step: 'SIGNED_IN',
  username: 'alice@example.com',
  tokens: {
    idToken: 'id.token.x',
    accessToken: 'access.token.y',
    refreshToken: 'refresh-z',
    expiresAt: NOW + 3_600_000,
    tokenType: 'Bearer',
  },
};

const confirmSignUp: SignInStep = {
  step: 'CONFIRM_SIGN_UP',
  clientId: CLIENT_ID,
  username: 'alice@example.com',
};
const resetPassword: SignInStep = {
  step: 'RESET_PASSWORD',
  clientId: CLIENT_ID,
  username: 'alice@example.com',
};

const VALID: readonly (readonly [string, SignInStep])[] = [
  ['NEW_PASSWORD_REQUIRED', newPassword],
  ['SIGNED_IN', signedIn],
  ['CONFIRM_SIGN_UP', confirmSignUp],
  ['RESET_PASSWORD', resetPassword],
];

/** A copy of `step` with `changes` applied (a value of `undefined` deletes the key). */
function tweak(step: SignInStep, changes: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...step };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete copy[key];
    else copy[key] = value;
  }
  return copy;
}

function expectInvalidStep(value: unknown): string {
  let result: ReturnType<typeof parseStep> | undefined;
  expect(() => {
    result = parseStep(value, context);
  }).not.toThrow();
  if (!result) throw new Error('parseStep returned nothing');
  expect(result.isErr()).toBe(true);
  const error = result._unsafeUnwrapErr();
  expect(error.type).toBe('InvalidStep');
  expect(error.retryable).toBe(false);
  return error.message;
}

describe('parseStep: valid steps', () => {
  it.each(VALID)('accepts a %s step given as an object, deep-equal to it', (_name, step) => {
    const result = parseStep(step, trusted);
    expect(result.isOk()).toBe(true);
    expect(result._unsafeUnwrap()).toEqual(step);
  });

  it.each(VALID)('accepts a %s step given as a JSON string, deep-equal to the original', (_name, step) => {
    const result = parseStep(JSON.stringify(step), trusted);
    expect(result.isOk()).toBe(true);
    expect(result._unsafeUnwrap()).toEqual(step);
  });

  it.each(VALID)('accepts a %s step after a JSON round trip as an object', (_name, step) => {
    expect(parseStep(JSON.parse(JSON.stringify(step)), trusted)._unsafeUnwrap()).toEqual(step);
  });

  it('accepts what mapAuthResponse produced, after it travelled through JSON', () => {
    const step = mapAuthResponse(
      {
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: 'AYABe-session',
        ChallengeParameters: {
          USER_ID_FOR_SRP: 'sub-1',
          requiredAttributes: '["userAttributes.email"]',
          userAttributes: '{"email_verified":"true"}',
        },
      },
      { clientId: CLIENT_ID, username: 'alice', now: NOW },
    )._unsafeUnwrap();
    expect(
      parseStep(JSON.stringify(step), { clientId: CLIENT_ID, now: NOW + 60_000 })._unsafeUnwrap(),
    ).toEqual(step);
  });

  it('accepts a NEW_PASSWORD_REQUIRED step with no required attributes and no user attributes', () => {
    const step = tweak(newPassword, { requiredAttributes: [], userAttributes: {} });
    expect(parseStep(step, context).isOk()).toBe(true);
  });

  it('accepts a SIGNED_IN step without a refresh token', () => {
    const step = { ...signedIn, tokens: { ...signedIn.tokens, refreshToken: undefined } };
    expect(parseStep(JSON.stringify(step), trusted).isOk()).toBe(true);
  });

  it('accepts a SIGNED_IN step whose tokens have expired (the session can refresh them)', () => {
    const step = { ...signedIn, tokens: { ...signedIn.tokens, expiresAt: NOW - 1 } };
    expect(parseStep(step, trusted).isOk()).toBe(true);
  });

  it('accepts a step that expires one millisecond from now', () => {
    expect(parseStep(tweak(newPassword, { expiresAt: NOW + 1 }), context).isOk()).toBe(true);
  });
});

describe('parseStep: another app client', () => {
  it.each([
    ['NEW_PASSWORD_REQUIRED', newPassword],
    ['CONFIRM_SIGN_UP', confirmSignUp],
    ['RESET_PASSWORD', resetPassword],
  ] as const)('rejects a %s step of another app client with InvalidStep', (_name, step) => {
    const message = expectInvalidStep(tweak(step, { clientId: OTHER_CLIENT }));
    expect(message).toContain('another app client');
  });

  it('rejects a step without a clientId', () => {
    const message = expectInvalidStep(tweak(newPassword, { clientId: undefined }));
    expect(message).toContain('clientId is missing');
  });

  it('reports the wrong client even when the step has also expired', () => {
    const message = expectInvalidStep(tweak(newPassword, { clientId: OTHER_CLIENT, expiresAt: NOW - 1 }));
    expect(message).toContain('another app client');
  });
});

describe('parseStep: expired steps', () => {
  it.each([
    ['expiresAt equals now', NOW],
    ['expiresAt is in the past', NOW - 1],
    ['expiresAt is long past', 0],
  ])('returns SessionExpired when %s', (_label, expiresAt) => {
    const result = parseStep(tweak(newPassword, { expiresAt }), context);
    expect(result.isErr()).toBe(true);
    const error = result._unsafeUnwrapErr();
    expect(error.type).toBe('SessionExpired');
    expect(error.message).toContain('expired');
  });

  it('returns SessionExpired for an expired step given as a JSON string', () => {
    const json = JSON.stringify(tweak(newPassword, { expiresAt: NOW - 60_000 }));
    expect(parseStep(json, context)._unsafeUnwrapErr().type).toBe('SessionExpired');
  });

  it('sessionExpired() builds a frozen SessionExpired error', () => {
    const error = sessionExpired();
    expect(error.type).toBe('SessionExpired');
    expect(error.retryable).toBe(false);
    expect(Object.isFrozen(error)).toBe(true);
  });
});

describe('parseStep: garbage', () => {
  it.each([
    ['text that is not JSON', 'not json at all'],
    ['truncated JSON', JSON.stringify(newPassword).slice(0, 40)],
    ['an empty string', ''],
  ])('rejects %s with InvalidStep "not valid JSON"', (_label, value) => {
    expect(expectInvalidStep(value)).toContain('not valid JSON');
  });

  it.each([
    ['an array', [newPassword]],
    ['a JSON array', JSON.stringify([newPassword])],
    ['null', null],
    ['JSON null', 'null'],
    ['undefined', undefined],
    ['a number', 42],
    ['a JSON number', '42'],
    ['a JSON string', '"NEW_PASSWORD_REQUIRED"'],
    ['a boolean', true],
    ['a function', () => newPassword],
  ])('rejects %s with InvalidStep "not an object"', (_label, value) => {
    expect(expectInvalidStep(value)).toContain('not an object');
  });

  it.each([
    ['an unknown step name', tweak(newPassword, { step: 'SMS_MFA_V2' }), 'unknown step'],
    ['no step name', tweak(newPassword, { step: undefined }), 'not a step name'],
    ['a lower-case step name', tweak(newPassword, { step: 'signed_in' }), 'unknown step'],
    ['a missing session', tweak(newPassword, { session: undefined }), 'session'],
    ['an empty session', tweak(newPassword, { session: '' }), 'session'],
    ['a numeric session', tweak(newPassword, { session: 5 }), 'session'],
    ['a missing username', tweak(newPassword, { username: undefined }), 'username'],
    [
      'a missing challengeUsername',
      tweak(newPassword, { challengeUsername: undefined }),
      'challengeUsername',
    ],
    ['a missing expiresAt', tweak(newPassword, { expiresAt: undefined }), 'expiresAt'],
    ['a string expiresAt', tweak(newPassword, { expiresAt: String(NOW + 180_000) }), 'expiresAt'],
    [
      'requiredAttributes as a string',
      tweak(newPassword, { requiredAttributes: 'email' }),
      'requiredAttributes',
    ],
    [
      'requiredAttributes with a number',
      tweak(newPassword, { requiredAttributes: ['email', 1] }),
      'requiredAttributes',
    ],
    [
      'missing requiredAttributes',
      tweak(newPassword, { requiredAttributes: undefined }),
      'requiredAttributes',
    ],
    ['userAttributes with a number', tweak(newPassword, { userAttributes: { age: 3 } }), 'userAttributes'],
    ['userAttributes as an array', tweak(newPassword, { userAttributes: ['email'] }), 'userAttributes'],
    ['missing userAttributes', tweak(newPassword, { userAttributes: undefined }), 'userAttributes'],
    ['a CONFIRM_SIGN_UP step without username', tweak(confirmSignUp, { username: undefined }), 'username'],
    ['a RESET_PASSWORD step with an empty username', tweak(resetPassword, { username: '' }), 'username'],
    ['a SIGNED_IN step without tokens', tweak(signedIn, { tokens: undefined }), 'tokens'],
    ['a SIGNED_IN step with null tokens', tweak(signedIn, { tokens: null }), 'tokens'],
    ['a SIGNED_IN step without username', tweak(signedIn, { username: undefined }), 'username'],
    [
      'a SIGNED_IN step without an ID token',
      tweak(signedIn, { tokens: { ...signedIn.tokens, idToken: undefined } }),
      'tokens.idToken is missing',
    ],
    [
      'a SIGNED_IN step without an access token',
      tweak(signedIn, { tokens: { ...signedIn.tokens, accessToken: '' } }),
      'tokens.accessToken is missing',
    ],
    [
      'a SIGNED_IN step with a numeric refresh token',
      tweak(signedIn, { tokens: { ...signedIn.tokens, refreshToken: 1 } }),
      'refreshToken',
    ],
    [
      'a SIGNED_IN step without tokens.expiresAt',
      tweak(signedIn, { tokens: { ...signedIn.tokens, expiresAt: undefined } }),
      'expiresAt',
    ],
    [
      'a SIGNED_IN step without tokens.tokenType',
      tweak(signedIn, { tokens: { ...signedIn.tokens, tokenType: undefined } }),
      'tokenType',
    ],
  ])('rejects a step with %s, naming the problem', (_label, value, problem) => {
    const message = expectInvalidStep(value);
    expect(message).toContain('Not a valid sign-in step');
    expect(message).toContain(problem);
    // And the same through JSON:
    expect(expectInvalidStep(JSON.stringify(value))).toBe(message);
  });

  it('never puts the session or a token into the error message', () => {
    const session = 'AYABe-very-secret-session-string';
    const message = expectInvalidStep(tweak(newPassword, { session, challengeUsername: 7 }));
    expect(message).not.toContain(session);
    const tokenMessage = expectInvalidStep(tweak(signedIn, { tokens: { ...signedIn.tokens, tokenType: 3 } }));
    expect(tokenMessage).not.toContain('access.token.y');
    expect(tokenMessage).not.toContain('refresh-z');
  });

  it('caps a huge unknown step name in the message', () => {
    const message = expectInvalidStep(tweak(newPassword, { step: 'Z'.repeat(10_000) }));
    expect(message.length).toBeLessThan(200);
  });

  it.each([
    // e.g. what a query-string parser with plain (null-prototype) objects hands over
    ['a step value without a prototype', () => ({ step: Object.create(null) })],
    ['an object step value', () => ({ step: { name: 'SIGNED_IN' } })],
    ['a symbol step value', () => ({ step: Symbol('s') })],
  ])('does not throw for %s', (_label, make) => {
    expectInvalidStep(make());
  });
});
