import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { makeError } from '../../../src/errors/make-error.js';
import { narrowError } from '../../../src/errors/narrow.js';
import type { CognitoError } from '../../../src/errors/types.js';

describe('makeError', () => {
  it('builds a plain object with type, message and retryable false by default', () => {
    const error = makeError('InvalidStep', 'Expected a NEW_PASSWORD_REQUIRED step');
    expect(error).toEqual({
      type: 'InvalidStep',
      message: 'Expected a NEW_PASSWORD_REQUIRED step',
      retryable: false,
    });
    expect(Object.getPrototypeOf(error)).toBe(Object.prototype);
  });

  it('sets retryable and requestId from the options', () => {
    const error = makeError('TooManyRequests', 'slow down', { retryable: true, requestId: 'req-9' });
    expect(error.retryable).toBe(true);
    expect(error.requestId).toBe('req-9');
  });

  it('leaves requestId out entirely when it is undefined', () => {
    const error = makeError('Network', 'down', { requestId: undefined });
    expect(Object.keys(error)).toEqual(['type', 'message', 'retryable']);
  });

  it('adds the extra fields of errors that have them', () => {
    const aborted = makeError('SrpAborted', 'no', {}, { reason: 'U_IS_ZERO' });
    expect(aborted.reason).toBe('U_IS_ZERO');
    const missing = makeError('MissingRequiredAttributes', 'need more', {}, { missing: ['email', 'name'] });
    expect(missing.missing).toEqual(['email', 'name']);
  });

  it('attaches cause as a non-enumerable property', () => {
    const cause = new Error('sdk');
    const error = makeError('Unexpected', 'wrapped', { cause });
    expect(error.cause).toBe(cause);
    const descriptor = Object.getOwnPropertyDescriptor(error, 'cause');
    expect(descriptor?.enumerable).toBe(false);
    expect(Object.keys(error)).not.toContain('cause');
  });

  it('keeps a secret held only by the cause out of JSON.stringify and util.inspect', () => {
    const secret = 'refresh-token-eyJjdHkiOiJKV1QiLCJlbmMiOiJBMjU2R0NNIn0';
    const error = makeError('NotAuthorized', 'Invalid Refresh Token', {
      cause: { request: { body: { REFRESH_TOKEN: secret } } },
    });
    expect(JSON.stringify(error)).not.toContain(secret);
    expect(inspect(error, { depth: 10 })).not.toContain(secret);
    expect(inspect(error, { depth: null, showHidden: false })).not.toContain(secret);
  });

  it('has no cause property when no cause is given', () => {
    expect('cause' in makeError('Unexpected', 'x')).toBe(false);
  });

  it('returns a frozen object', () => {
    const error = makeError('ExpiredCode', 'old code', { cause: new Error('x') });
    expect(Object.isFrozen(error)).toBe(true);
    expect(() => {
      (error as { type: string }).type = 'Other';
    }).toThrow(TypeError);
    expect(() => {
      Object.defineProperty(error, 'cause', { value: 'replaced' });
    }).toThrow(TypeError);
  });
});

describe('narrowError', () => {
  const sdkCause = new Error('raw sdk error');
  const notAuthorized: CognitoError = makeError('NotAuthorized', 'Incorrect username or password.', {
    requestId: 'req-1',
    cause: sdkCause,
  });
  const throttled: CognitoError = makeError('TooManyRequests', 'Rate exceeded', {
    retryable: true,
    requestId: 'req-2',
    cause: sdkCause,
  });

  it('returns an allowed error unchanged (same object)', () => {
    const narrowed = narrowError(notAuthorized, ['NotAuthorized', 'Network']);
    expect(narrowed).toBe(notAuthorized);
  });

  it('turns a disallowed error into Unexpected whose message names the original type', () => {
    const narrowed = narrowError(notAuthorized, ['Network']);
    expect(narrowed.type).toBe('Unexpected');
    expect(narrowed.message).toBe('NotAuthorized: Incorrect username or password.');
  });

  it('keeps retryable, requestId and cause when narrowing to Unexpected', () => {
    const narrowed = narrowError(throttled, ['NotAuthorized']);
    expect(narrowed.type).toBe('Unexpected');
    expect(narrowed.retryable).toBe(true);
    expect(narrowed.requestId).toBe('req-2');
    expect(narrowed.cause).toBe(sdkCause);
  });

  it('keeps the cause non-enumerable and the result frozen when narrowing', () => {
    const narrowed = narrowError(throttled, []);
    expect(Object.keys(narrowed)).not.toContain('cause');
    expect(Object.isFrozen(narrowed)).toBe(true);
  });

  it('keeps an Unexpected error unchanged even if Unexpected is not listed', () => {
    const unexpected = makeError('Unexpected', 'weird');
    const narrowed = narrowError(unexpected, ['NotAuthorized']);
    expect(narrowed.type).toBe('Unexpected');
    expect(narrowed.message).toContain('weird');
  });

  it('drops the extra fields of a narrowed-away error', () => {
    const challenge: CognitoError = makeError('SrpAborted', 'SMS', {}, { reason: 'U_IS_ZERO' });
    const narrowed = narrowError(challenge, ['NotAuthorized']);
    expect(narrowed.type).toBe('Unexpected');
    expect(Object.keys(narrowed)).not.toContain('reason');
  });

  it('narrows the static type so a switch over the allowed tags is exhaustive', () => {
    const narrowed = narrowError(notAuthorized, ['NotAuthorized', 'Network']);
    const label = (() => {
      switch (narrowed.type) {
        case 'NotAuthorized':
          return 'auth';
        case 'Network':
          return 'net';
        case 'Unexpected':
          return 'other';
        default: {
          const never: never = narrowed;
          return never;
        }
      }
    })();
    expect(label).toBe('auth');
  });
});
