import { describe, expect, it } from 'vitest';
import { mapSdkError } from '../../../src/errors/map-sdk-error.js';
import { narrowError } from '../../../src/errors/narrow.js';

const answer = (name: string, status: number, message = name) =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status, requestId: 'req-1' } });

describe('HTTP status without a Cognito error', () => {
  it('a bare 429 (API gateway, WAF) is a retryable TooManyRequests naming the status', () => {
    const error = mapSdkError(answer('Unknown', 429, 'UnknownError'));
    expect(error).toMatchObject({ type: 'TooManyRequests', retryable: true, requestId: 'req-1' });
    expect(error.message).toContain('HTTP 429');
  });

  it("Cognito's own TooManyRequestsException keeps Cognito's message", () => {
    const error = mapSdkError(answer('TooManyRequestsException', 400, 'Too many requests'));
    expect(error).toMatchObject({ type: 'TooManyRequests', retryable: true, message: 'Too many requests' });
  });

  it('a named Cognito error answered with 429 keeps its own type', () => {
    expect(mapSdkError(answer('NotAuthorizedException', 429, 'Incorrect username or password.')).type).toBe(
      'NotAuthorized',
    );
  });

  it.each([500, 502, 503, 504])(
    'an unnamed HTTP %i stays a retryable Unexpected naming the status',
    (status) => {
      const error = mapSdkError(answer('SyntaxError', status, 'Unexpected token <'));
      expect(error).toMatchObject({ type: 'Unexpected', retryable: true });
      expect(error.message).toContain(`HTTP ${status}`);
    },
  );

  it('an unnamed HTTP 400 is an Unexpected error that is not retryable', () => {
    expect(mapSdkError(answer('SyntaxError', 400, 'Unexpected token <'))).toMatchObject({
      type: 'Unexpected',
      retryable: false,
    });
  });
});

describe('narrowError keeps an Unexpected error as it is', () => {
  it('does not prefix its message again', () => {
    const unexpected = mapSdkError(answer('SyntaxError', 500, 'Unexpected token <'));
    const narrowed = narrowError(unexpected, ['NotAuthorized']);
    expect(narrowed).toBe(unexpected);
    expect(narrowed.message.startsWith('Unexpected:')).toBe(false);
  });
});
