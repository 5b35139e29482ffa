import { describe, expect, it } from 'vitest';
import {
  consumesOnSuccess,
  isTransientFailure,
  mayRetry,
  provesNotProcessed,
} from '../../../src/transport/retry-policy.js';

const withCode = (code: string, message = code) => Object.assign(new Error(message), { code });
const named = (name: string, status?: number) =>
  Object.assign(new Error(name), { name, ...(status ? { $metadata: { httpStatusCode: status } } : {}) });
const html500 = Object.assign(new SyntaxError('Unexpected token <'), { $metadata: { httpStatusCode: 500 } });
const bare429 = Object.assign(new Error('UnknownError'), {
  name: 'Unknown',
  $metadata: { httpStatusCode: 429 },
});
const fetchRefused = new TypeError('fetch failed', { cause: withCode('ECONNREFUSED') });
const fetchReset = new TypeError('fetch failed', { cause: withCode('ECONNRESET') });
const refusedBoth = Object.assign(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]), {
  code: undefined,
});
const connectTimeout = Object.assign(
  new Error(
    'the request socket did not establish a connection with the server within the configured timeout of 800 ms.',
  ),
  { name: 'TimeoutError' },
);
const requestTimeout = Object.assign(
  new Error('a request has exceeded the configured 800 ms requestTimeout.'),
  {
    name: 'TimeoutError',
    code: 'ETIMEDOUT',
  },
);
const abortTimeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');

describe('consumesOnSuccess: which operations use up what they send', () => {
  it.each([
    'RespondToAuthChallenge',
    'AdminRespondToAuthChallenge',
    'ConfirmSignUp',
    'ConfirmForgotPassword',
    'ChangePassword',
    'VerifyUserAttribute',
    'VerifySoftwareToken',
    'ConfirmDevice',
  ])('%s consumes its input', (operation) => {
    expect(consumesOnSuccess(operation, {})).toBe(true);
  });

  it.each(['InitiateAuth', 'GetUser', 'GetTokensFromRefreshToken', 'GetId', 'ListDevices', 'SignUp'])(
    '%s is safe to repeat',
    (operation) => {
      expect(consumesOnSuccess(operation, { Session: 'a-session-value' })).toBe(false);
    },
  );

  it('AssociateSoftwareToken consumes its input only when it carries a sign-in Session (MFA_SETUP)', () => {
    expect(consumesOnSuccess('AssociateSoftwareToken', { Session: 'a-session-value' })).toBe(true);
    expect(consumesOnSuccess('AssociateSoftwareToken', { AccessToken: 'token' })).toBe(false);
    expect(consumesOnSuccess('AssociateSoftwareToken', { Session: '' })).toBe(false);
    expect(consumesOnSuccess('AssociateSoftwareToken', null)).toBe(false);
  });
});

describe('provesNotProcessed: failures that prove Cognito did nothing', () => {
  it.each([
    ['TooManyRequestsException', named('TooManyRequestsException', 400)],
    ['ThrottlingException', named('ThrottlingException', 400)],
    ['LimitExceededException', named('LimitExceededException', 400)],
    ['a bare HTTP 429', bare429],
    ['ECONNREFUSED', withCode('ECONNREFUSED')],
    ['ENOTFOUND', withCode('ENOTFOUND')],
    ["fetch's TypeError caused by ECONNREFUSED", fetchRefused],
    ['an AggregateError of refused connections (both address families)', refusedBoth],
    ["the SDK's connect time-out", connectTimeout],
  ])('%s', (_, failure) => {
    expect(provesNotProcessed(failure)).toBe(true);
  });

  it.each([
    ['ECONNRESET', withCode('ECONNRESET')],
    ['EPIPE', withCode('EPIPE')],
    ["fetch's TypeError caused by ECONNRESET", fetchReset],
    ['an HTML 500', html500],
    ['InternalErrorException', named('InternalErrorException', 500)],
    ["the SDK's request time-out", requestTimeout],
    ["fetch's AbortSignal time-out", abortTimeout],
    ['NotAuthorizedException', named('NotAuthorizedException', 400)],
    ['a string', 'boom'],
    ['undefined', undefined],
  ])('not %s', (_, failure) => {
    expect(provesNotProcessed(failure)).toBe(false);
  });
});

describe('isTransientFailure: failures worth retrying', () => {
  it.each([
    ['throttling', named('TooManyRequestsException', 400)],
    ['a bare 429', bare429],
    ['an HTML 500', html500],
    ['HTTP 503', named('ServiceUnavailable', 503)],
    ['a reset', withCode('ECONNRESET')],
    ['a refused connection', withCode('ECONNREFUSED')],
    ['a request time-out', requestTimeout],
    ['an AbortSignal time-out', abortTimeout],
    ["fetch's network TypeError", new TypeError('Failed to fetch')],
  ])('%s is transient', (_, failure) => {
    expect(isTransientFailure(failure)).toBe(true);
  });

  it.each([
    ['NotAuthorizedException', named('NotAuthorizedException', 400)],
    ['CodeMismatchException', named('CodeMismatchException', 400)],
    [
      'LimitExceededException (a lockout, not worth an immediate retry)',
      named('LimitExceededException', 400),
    ],
    ['TooManyFailedAttemptsException', named('TooManyFailedAttemptsException', 400)],
    ['a TypeError from a bug', new TypeError("Cannot read properties of undefined (reading 'x')")],
    ['null', null],
  ])('%s is not', (_, failure) => {
    expect(isTransientFailure(failure)).toBe(false);
  });

  it('does not loop on a cause cycle', () => {
    const a: { name: string; cause?: unknown } = { name: 'A' };
    const b = { name: 'B', cause: a };
    a.cause = b;
    expect(isTransientFailure(a)).toBe(false);
    expect(provesNotProcessed(a)).toBe(false);
  });
});

describe('mayRetry: the rule both transports follow', () => {
  const answer = { ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 'a-session-value' };

  it('never re-sends a challenge answer after a reset, a 5xx or a time-out', () => {
    for (const failure of [withCode('ECONNRESET'), html500, requestTimeout, abortTimeout, fetchReset]) {
      expect(mayRetry('RespondToAuthChallenge', answer, failure)).toBe(false);
      expect(mayRetry('AdminRespondToAuthChallenge', answer, failure)).toBe(false);
    }
  });

  it('re-sends a challenge answer after throttling or a refused connection', () => {
    for (const failure of [
      named('TooManyRequestsException', 400),
      bare429,
      withCode('ECONNREFUSED'),
      fetchRefused,
    ]) {
      expect(mayRetry('RespondToAuthChallenge', answer, failure)).toBe(true);
    }
  });

  it('re-sends a repeatable call after any transient failure', () => {
    for (const failure of [withCode('ECONNRESET'), html500, requestTimeout, bare429]) {
      expect(mayRetry('InitiateAuth', {}, failure)).toBe(true);
      expect(mayRetry('GetTokensFromRefreshToken', {}, failure)).toBe(true);
    }
  });

  it('never re-sends after a failure that is not transient, whatever the operation', () => {
    expect(mayRetry('InitiateAuth', {}, named('NotAuthorizedException', 400))).toBe(false);
    expect(mayRetry('RespondToAuthChallenge', answer, named('CodeMismatchException', 400))).toBe(false);
  });
});
