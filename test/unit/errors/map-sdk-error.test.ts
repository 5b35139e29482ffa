import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { mapSdkError } from '../../../src/errors/map-sdk-error.js';
import { REDACTED } from '../../../src/errors/redact.js';
import type { CognitoErrorType } from '../../../src/errors/types.js';

interface FakeSdkErrorOptions {
  readonly status?: number;
  readonly requestId?: string;
  readonly fault?: 'client' | 'server';
  readonly code?: string;
}

/** An error shaped like what the AWS SDK v3 throws for a service exception. */
function sdkError(name: string, message: string, options: FakeSdkErrorOptions = {}): Error {
  const { status = 400, requestId = 'req-0001', fault = status >= 500 ? 'server' : 'client' } = options;
  return Object.assign(new Error(message), {
    name,
    $fault: fault,
    $metadata: { httpStatusCode: status, requestId, attempts: 1, totalRetryDelay: 0 },
    ...(options.code !== undefined ? { code: options.code } : {}),
  });
}

/** Every exception name cognito-flow knows, with the tag it must become (written out independently of src). */
const KNOWN: readonly (readonly [string, CognitoErrorType])[] = [
  ['NotAuthorizedException', 'NotAuthorized'],
  ['UserNotFoundException', 'UserNotFound'],
  ['UserNotConfirmedException', 'UserNotConfirmed'],
  ['PasswordResetRequiredException', 'PasswordResetRequired'],
  ['CodeMismatchException', 'CodeMismatch'],
  ['ExpiredCodeException', 'ExpiredCode'],
  ['InvalidPasswordException', 'InvalidPassword'],
  ['PasswordHistoryPolicyViolationException', 'InvalidPassword'],
  ['UsernameExistsException', 'UsernameExists'],
  ['AliasExistsException', 'UsernameExists'],
  ['LimitExceededException', 'LimitExceeded'],
  ['TooManyRequestsException', 'TooManyRequests'],
  ['TooManyFailedAttemptsException', 'TooManyRequests'],
  ['ThrottlingException', 'TooManyRequests'],
  ['InvalidParameterException', 'InvalidParameter'],
  ['ValidationException', 'InvalidParameter'],
  ['ResourceNotFoundException', 'ResourceNotFound'],
  ['InvalidLambdaResponseException', 'LambdaTrigger'],
  ['UnexpectedLambdaException', 'LambdaTrigger'],
  ['UserLambdaValidationException', 'LambdaTrigger'],
  ['InvalidUserPoolConfigurationException', 'InvalidConfiguration'],
  ['InvalidIdentityPoolConfigurationException', 'InvalidConfiguration'],
  ['InvalidSmsRoleAccessPolicyException', 'InvalidConfiguration'],
  ['InvalidSmsRoleTrustRelationshipException', 'InvalidConfiguration'],
  ['InvalidEmailRoleAccessPolicyException', 'InvalidConfiguration'],
  ['ExternalServiceException', 'ExternalService'],
  ['InternalErrorException', 'Internal'],
  ['InternalServerError', 'Internal'],
  ['InternalServerException', 'Internal'],
  ['TimeoutError', 'Network'],
  ['AbortError', 'Network'],
  ['RequestTimeout', 'Network'],
  ['RequestTimeoutException', 'Network'],
];

const RETRYABLE_TYPES = new Set<CognitoErrorType>(['TooManyRequests', 'Internal', 'Network']);

/** The HTTP status Cognito answers each kind of exception with (so the fake errors look real). */
function statusFor(type: CognitoErrorType): number {
  if (type === 'Internal') return 500;
  if (type === 'Network') return 0;
  return 400;
}

describe('mapSdkError: exception names', () => {
  it.each(KNOWN)('maps %s to %s', (name, type) => {
    const status = statusFor(type);
    const thrown =
      status === 0
        ? Object.assign(new Error('boom'), { name })
        : sdkError(name, 'Cognito said no', { status });
    const error = mapSdkError(thrown);
    expect(error.type).toBe(type);
  });

  it.each(KNOWN)(
    'sets retryable for %s (%s) only for throttling, internal and network errors',
    (name, type) => {
      const error = mapSdkError(sdkError(name, 'Cognito said no', { status: statusFor(type) || 400 }));
      expect(error.retryable).toBe(RETRYABLE_TYPES.has(type));
    },
  );

  it('keeps the message of a known exception unchanged', () => {
    const error = mapSdkError(sdkError('UserNotFoundException', 'User does not exist.'));
    expect(error.message).toBe('User does not exist.');
  });

  it('works on a plain object (not an Error instance) with the SDK fields', () => {
    const error = mapSdkError({
      name: 'CodeMismatchException',
      message: 'Invalid verification code provided, please try again.',
      $fault: 'client',
      $metadata: { httpStatusCode: 400, requestId: 'plain-req' },
    });
    expect(error.type).toBe('CodeMismatch');
    expect(error.retryable).toBe(false);
    expect(error.requestId).toBe('plain-req');
  });

  it('is not retryable for a known client exception even when the status is 5xx', () => {
    const error = mapSdkError(
      sdkError('NotAuthorizedException', 'Incorrect username or password.', { status: 503 }),
    );
    expect(error.type).toBe('NotAuthorized');
    expect(error.retryable).toBe(false);
  });

  it('maps an unknown exception name to Unexpected, not retryable on 4xx', () => {
    const error = mapSdkError(sdkError('SomethingBrandNewException', 'New in 2030', { status: 400 }));
    expect(error.type).toBe('Unexpected');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('New in 2030');
    expect(error.message).toContain('HTTP 400');
  });

  it.each([500, 502, 503, 504])(
    'maps an unknown exception with HTTP %i to a retryable Unexpected',
    (status) => {
      const error = mapSdkError(sdkError('SomethingBrandNewException', 'Server trouble', { status }));
      expect(error.type).toBe('Unexpected');
      expect(error.retryable).toBe(true);
      expect(error.message).toContain(`HTTP ${status}`);
    },
  );

  it('treats $fault "server" without a status as retryable when Unexpected', () => {
    const error = mapSdkError(Object.assign(new Error('odd'), { name: 'OddException', $fault: 'server' }));
    expect(error.type).toBe('Unexpected');
    expect(error.retryable).toBe(true);
  });

  it.each(['toString', 'constructor', '__proto__'])(
    'does not treat %s (inherited from Object.prototype) as a known exception name',
    (name) => {
      const error = mapSdkError(sdkError(name, 'weird error name'));
      expect(typeof error.type).toBe('string');
      expect(error.type).toBe('Unexpected');
    },
  );
});

describe('mapSdkError: session expiry', () => {
  it('maps NotAuthorizedException "Invalid session for the user, session is expired." to SessionExpired', () => {
    const error = mapSdkError(
      sdkError('NotAuthorizedException', 'Invalid session for the user, session is expired.'),
    );
    expect(error.type).toBe('SessionExpired');
    expect(error.retryable).toBe(false);
  });

  it('keeps other NotAuthorizedException messages as NotAuthorized', () => {
    const error = mapSdkError(sdkError('NotAuthorizedException', 'Incorrect username or password.'));
    expect(error.type).toBe('NotAuthorized');
  });

  it('maps CodeMismatchException about an expired session to SessionExpired', () => {
    const error = mapSdkError(sdkError('CodeMismatchException', 'Invalid session for the user.'));
    expect(error.type).toBe('SessionExpired');
  });

  it('does not turn another exception with the same words into SessionExpired', () => {
    const error = mapSdkError(
      sdkError('UserNotFoundException', 'Invalid session for the user, session is expired.'),
    );
    expect(error.type).toBe('UserNotFound');
  });
});

describe('mapSdkError: network failures', () => {
  it.each([
    'ECONNREFUSED',
    'ECONNRESET',
    'ECONNABORTED',
    'EPIPE',
    'ETIMEDOUT',
    'ENOTFOUND',
    'EAI_AGAIN',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'UND_ERR_SOCKET',
    'UND_ERR_CONNECT_TIMEOUT',
  ])('maps a system error with code %s to a retryable Network error', (code) => {
    // What node-http-handler rejects with, after the retry middleware has added attempt counts.
    const thrown = Object.assign(new Error(`connect ${code} 127.0.0.1:9`), {
      code,
      errno: -111,
      syscall: 'connect',
      $metadata: { attempts: 3, totalRetryDelay: 120 },
    });
    const error = mapSdkError(thrown);
    expect(error.type).toBe('Network');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain(code);
  });

  it('maps an unknown code to Unexpected', () => {
    const error = mapSdkError(Object.assign(new Error('nope'), { code: 'EWHATEVER' }));
    expect(error.type).toBe('Unexpected');
    expect(error.retryable).toBe(false);
  });

  it('ignores a non-string code', () => {
    const error = mapSdkError(Object.assign(new Error('nope'), { code: 111 }));
    expect(error.type).toBe('Unexpected');
  });

  it("maps Node fetch's TypeError('fetch failed') with the code on its cause to Network", () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const error = mapSdkError(new TypeError('fetch failed', { cause }));
    expect(error.type).toBe('Network');
    expect(error.retryable).toBe(true);
  });

  it.each(['Failed to fetch', 'NetworkError when attempting to fetch resource.', 'Load failed'])(
    "maps a browser fetch TypeError('%s') to Network",
    (message) => {
      expect(mapSdkError(new TypeError(message)).type).toBe('Network');
    },
  );

  it('keeps an unrelated TypeError as Unexpected', () => {
    expect(mapSdkError(new TypeError('x is not a function')).type).toBe('Unexpected');
  });
});

describe('mapSdkError: answers that are not Cognito JSON', () => {
  it('maps the SyntaxError the SDK throws for an HTML 500 page to a retryable Unexpected naming HTTP 500', () => {
    const thrown = Object.assign(new SyntaxError(`Unexpected token '<', "<html><bod"... is not valid JSON`), {
      $metadata: { httpStatusCode: 500, requestId: 'html-req' },
    });
    const error = mapSdkError(thrown);
    expect(error.type).toBe('Unexpected');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('HTTP 500');
    expect(error.message).toContain('is not valid JSON');
    expect(error.requestId).toBe('html-req');
  });

  it('maps a SyntaxError on a 4xx HTML page to a non-retryable Unexpected', () => {
    const thrown = Object.assign(new SyntaxError('Unexpected token < in JSON at position 0'), {
      $metadata: { httpStatusCode: 403 },
    });
    const error = mapSdkError(thrown);
    expect(error.type).toBe('Unexpected');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('HTTP 403');
  });
});

describe('mapSdkError: things that are not errors', () => {
  it.each([
    ['a string', 'plain failure'],
    ['undefined', undefined],
    ['null', null],
    ['a number', 42],
    ['a boolean', false],
    ['a symbol', Symbol('sym')],
    ['a bigint', 10n],
    ['a function', () => 1],
    ['an empty object', {}],
    ['an array', ['x']],
  ])('maps %s to a non-retryable Unexpected without throwing', (_label, thrown) => {
    const error = mapSdkError(thrown);
    expect(error.type).toBe('Unexpected');
    expect(error.retryable).toBe(false);
    expect(typeof error.message).toBe('string');
  });

  it('uses a thrown string as the message', () => {
    expect(mapSdkError('socket hang up').message).toBe('socket hang up');
  });

  it('maps an object without a prototype to Unexpected without throwing', () => {
    const thrown = Object.create(null) as Record<string, unknown>;
    expect(() => mapSdkError(thrown)).not.toThrow();
    expect(mapSdkError(thrown).type).toBe('Unexpected');
  });

  it('falls back to the name when the message is empty', () => {
    const error = mapSdkError(sdkError('ExpiredCodeException', ''));
    expect(error.type).toBe('ExpiredCode');
    expect(error.message).toBe('ExpiredCodeException');
  });
});

describe('mapSdkError: request id', () => {
  it('copies $metadata.requestId', () => {
    const error = mapSdkError(
      sdkError('LimitExceededException', 'Attempt limit exceeded', { requestId: 'abc-123' }),
    );
    expect(error.requestId).toBe('abc-123');
  });

  it('has no requestId key when the SDK error has none', () => {
    const error = mapSdkError(Object.assign(new Error('x'), { name: 'TimeoutError' }));
    expect(error.requestId).toBeUndefined();
    expect(Object.keys(error)).not.toContain('requestId');
  });
});

describe('mapSdkError: secrets', () => {
  const password = 'Correct-Horse-9!';
  const session = 'AYABeH4sIAAAAAAAAAB-session-string-xyz';

  it('redacts every secret passed in the second argument from the message', () => {
    const thrown = sdkError(
      'InvalidParameterException',
      `1 validation error detected: Value '${password}' at 'password' failed; session ${session}; again ${password}`,
    );
    const error = mapSdkError(thrown, [password, session]);
    expect(error.type).toBe('InvalidParameter');
    expect(error.message).not.toContain(password);
    expect(error.message).not.toContain(session);
    expect(error.message).toContain(REDACTED);
    expect(error.message).toContain('1 validation error detected');
  });

  it('redacts secrets from the message of an Unexpected error too', () => {
    const error = mapSdkError(sdkError('OddException', `echo ${password}`, { status: 502 }), [password]);
    expect(error.type).toBe('Unexpected');
    expect(error.message).not.toContain(password);
    expect(error.message).toContain('HTTP 502');
  });

  it('redacts secrets from a thrown string', () => {
    const error = mapSdkError(`failed with ${password}`, [password]);
    expect(error.message).toBe(`failed with ${REDACTED}`);
  });

  it('ignores undefined entries in the secrets list', () => {
    const error = mapSdkError(sdkError('NotAuthorizedException', `bad ${password}`), [undefined, password]);
    expect(error.message).toBe(`bad ${REDACTED}`);
  });

  it('still tags by the unredacted message (session expiry is detected even if a secret overlaps it)', () => {
    const error = mapSdkError(
      sdkError('NotAuthorizedException', 'Invalid session for the user, session is expired.'),
      ['session is expired'],
    );
    expect(error.type).toBe('SessionExpired');
    expect(error.message).not.toContain('session is expired');
  });
});

describe('mapSdkError: cause and immutability', () => {
  const password = 'Sup3r-Secret-Pa55!';

  function leakyCause(): Error {
    // The SDK keeps the raw HTTP response on the error; here its body echoes the request, password included.
    return Object.assign(new Error('Incorrect username or password.'), {
      name: 'NotAuthorizedException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400, requestId: 'cause-req' },
      $response: {
        statusCode: 400,
        headers: { 'x-amzn-requestid': 'cause-req' },
        body: `{"AuthParameters":{"USERNAME":"alice","PASSWORD":"${password}"}}`,
      },
    });
  }

  it('keeps the original error as cause', () => {
    const thrown = leakyCause();
    const error = mapSdkError(thrown, [password]);
    expect(error.cause).toBe(thrown);
  });

  it('makes cause non-enumerable', () => {
    const error = mapSdkError(leakyCause(), [password]);
    expect(Object.keys(error)).not.toContain('cause');
    expect(Object.getOwnPropertyDescriptor(error, 'cause')?.enumerable).toBe(false);
  });

  it('JSON.stringify does not contain a secret that only the cause holds', () => {
    const error = mapSdkError(leakyCause(), [password]);
    const json = JSON.stringify(error);
    expect(json).not.toContain(password);
    expect(json).toContain('NotAuthorized');
    expect(json).toContain('cause-req');
  });

  it('util.inspect with depth 10 does not contain a secret that only the cause holds', () => {
    const error = mapSdkError(leakyCause(), [password]);
    const printed = inspect(error, { depth: 10 });
    expect(printed).not.toContain(password);
    expect(printed).toContain('NotAuthorized');
  });

  it('has no cause property when nothing was thrown', () => {
    const error = mapSdkError(undefined);
    expect('cause' in error).toBe(false);
  });

  it('returns a frozen object', () => {
    const error = mapSdkError(leakyCause());
    expect(Object.isFrozen(error)).toBe(true);
    expect(() => {
      (error as { message: string }).message = 'changed';
    }).toThrow(TypeError);
    expect(error.message).toBe('Incorrect username or password.');
  });

  it('returns a plain object, not an Error instance (no stack to print)', () => {
    const error = mapSdkError(leakyCause());
    expect(error).not.toBeInstanceOf(Error);
    expect(Object.getPrototypeOf(error)).toBe(Object.prototype);
    expect(Object.keys(error).sort()).toEqual(['message', 'requestId', 'retryable', 'type']);
  });
});
