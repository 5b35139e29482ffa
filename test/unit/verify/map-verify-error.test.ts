import {
  CognitoJwtInvalidGroupError,
  FetchError,
  JwksValidationError,
  JwtInvalidSignatureAlgorithmError,
  NonRetryableFetchError,
  ParameterValidationError,
  WaitPeriodNotYetEndedJwkError,
} from 'aws-jwt-verify/error';
import { describe, expect, it } from 'vitest';
import { mapVerifyError, reasonOf } from '../../../src/verify/map-verify-error.js';

describe('mapping aws-jwt-verify errors', () => {
  it.each([
    [new JwtInvalidSignatureAlgorithmError('alg', 'HS256', 'RS256'), 'signature'],
    [new WaitPeriodNotYetEndedJwkError('not yet'), 'signature'],
    [new CognitoJwtInvalidGroupError('group', ['a'], ['b']), 'groups'],
    [new JwksValidationError('bad jwks'), 'jwks'],
    [new ParameterValidationError('issuer not configured: https://evil'), 'issuer'],
    [new ParameterValidationError('something else'), 'malformed'],
    [new Error('anything'), 'malformed'],
  ] as const)('%s → %s', (error, reason) => {
    expect(reasonOf(error)).toBe(reason);
  });

  it('a network failure fetching the JWKS is retryable; a non-200 answer is not', () => {
    expect(mapVerifyError(new FetchError('https://x', 'ECONNRESET')).retryable).toBe(true);
    expect(mapVerifyError(new NonRetryableFetchError('https://x', 'Status code is 404')).retryable).toBe(
      false,
    );
  });

  it('redacts the token from the message and keeps the cause out of JSON', () => {
    const token = 'eyJhbGciOi.payload-part.signature-part';
    const error = mapVerifyError(new ParameterValidationError(`issuer not configured for ${token}`), token);
    expect(error.message).not.toContain(token);
    expect(error.message).toContain('[REDACTED]');
    expect(JSON.stringify(error)).not.toContain('payload-part');
    expect(error.cause).toBeInstanceOf(ParameterValidationError);
  });
});
