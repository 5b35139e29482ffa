import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseStep } from '../../../src/auth/resume-step.js';
import { STEP_JSON_MAX_CHARS } from '../../../src/auth/sealed/sealed-format.js';

const NOW = 1_700_000_000_000;
const CLIENT_ID = '1example23456789abcdefghij';
const context = { clientId: CLIENT_ID, now: NOW };
const smsStep = {
  step: 'SMS_MFA',
  clientId: CLIENT_ID,
  username: 'alice',
  challengeUsername: 'alice',
  session: 'AYABe-session',
  expiresAt: NOW + 60_000,
};
const signedIn = {
  step: 'SIGNED_IN',
  username: 'admin',
  tokens: { idToken: 'a.b.c', accessToken: 'd.e.f', expiresAt: NOW + 3_600_000, tokenType: 'Bearer' },
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('parseStep of an untrusted (unsealed) step', () => {
  it('refuses a SIGNED_IN step with well-formed tokens: InvalidStep naming the sealed form', () => {
    for (const value of [signedIn, JSON.stringify(signedIn)]) {
      const error = parseStep(value, context)._unsafeUnwrapErr();
      expect(error.type).toBe('InvalidStep');
      expect(error.message).toMatch(/SIGNED_IN step is only accepted sealed/);
    }
  });

  it('refuses a challenge step that claims admin: true', () => {
    const error = parseStep({ ...smsStep, admin: true }, context)._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'InvalidStep', message: expect.stringMatching(/admin/) });
  });

  it('accepts the same challenge step without admin', () => {
    expect(parseStep(smsStep, context)._unsafeUnwrap()).toEqual(smsStep);
  });

  it('refuses a JSON string over STEP_JSON_MAX_CHARS without calling JSON.parse', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const huge = JSON.stringify({ ...smsStep, session: 'x'.repeat(5_500_000) });
    const started = performance.now();
    const error = parseStep(huge, context)._unsafeUnwrapErr();
    expect(error.type).toBe('InvalidStep');
    expect(error.message).toContain(`over ${STEP_JSON_MAX_CHARS} characters`);
    expect(parse).not.toHaveBeenCalled();
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('accepts a JSON string of exactly STEP_JSON_MAX_CHARS characters', () => {
    const base = JSON.stringify({ ...smsStep, session: '' });
    const exact = JSON.stringify({ ...smsStep, session: 'x'.repeat(STEP_JSON_MAX_CHARS - base.length) });
    expect(exact).toHaveLength(STEP_JSON_MAX_CHARS);
    expect(parseStep(exact, context).isOk()).toBe(true);
  });

  it('refuses an already-parsed object over the limit (a 5.5 MB string field) in under 200 ms', () => {
    const started = performance.now();
    const error = parseStep({ ...smsStep, session: 'x'.repeat(5_500_000) }, context)._unsafeUnwrapErr();
    expect(error.type).toBe('InvalidStep');
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('refuses an object with 100 000 keys in an extra field (dropped fields count too)', () => {
    const wide: Record<string, number> = {};
    for (let i = 0; i < 100_000; i++) wide[`k${i}`] = i;
    expect(parseStep({ ...smsStep, extra: wide }, context)._unsafeUnwrapErr().type).toBe('InvalidStep');
  });

  it('refuses an object nested 100 000 deep, without running out of stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    const error = parseStep({ ...smsStep, credentialRequestOptions: deep, step: 'WEB_AUTHN' }, context);
    expect(error._unsafeUnwrapErr().type).toBe('InvalidStep');
  });
});
