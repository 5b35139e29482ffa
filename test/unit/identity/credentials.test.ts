import type { GetCredentialsForIdentityCommandOutput } from '@aws-sdk/client-cognito-identity';
import { describe, expect, it } from 'vitest';
import { type AwsCredentials, credentialsFromResponse, isFresh } from '../../../src/identity/index.js';

const IDENTITY = 'eu-west-1:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d';
const OTHER_IDENTITY = 'eu-west-1:99999999-5e6f-7a8b-9c0d-1e2f3a4b5c6d';
const T0 = Date.UTC(2025, 5, 1, 8, 0, 0);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

type Answer = Pick<GetCredentialsForIdentityCommandOutput, 'Credentials' | 'IdentityId'>;

function answer(
  credentials: Record<string, unknown> = {},
  identityId: string | undefined = IDENTITY,
): Answer {
  return {
    ...(identityId !== undefined ? { IdentityId: identityId } : {}),
    Credentials: {
      AccessKeyId: 'ASIAEXAMPLEKEY',
      SecretKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      SessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE',
      Expiration: new Date(T0 + HOUR),
      ...credentials,
    },
  } as Answer;
}

function creds(expiration: number): AwsCredentials {
  return {
    accessKeyId: 'ASIAEXAMPLEKEY',
    secretAccessKey: 'secret',
    sessionToken: 'token',
    expiration: new Date(expiration),
    identityId: IDENTITY,
  };
}

describe('credentialsFromResponse', () => {
  it('maps a complete answer to AwsCredentials', () => {
    const result = credentialsFromResponse(answer(), IDENTITY);

    expect(result._unsafeUnwrap()).toEqual({
      accessKeyId: 'ASIAEXAMPLEKEY',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE',
      expiration: new Date(T0 + HOUR),
      identityId: IDENTITY,
    });
  });

  it('keeps the Expiration as a Date', () => {
    const value = credentialsFromResponse(answer(), IDENTITY)._unsafeUnwrap();
    expect(value.expiration).toBeInstanceOf(Date);
    expect(value.expiration.getTime()).toBe(T0 + HOUR);
  });

  it('prefers the IdentityId Cognito answered with over the one asked for', () => {
    const value = credentialsFromResponse(answer({}, OTHER_IDENTITY), IDENTITY)._unsafeUnwrap();
    expect(value.identityId).toBe(OTHER_IDENTITY);
  });

  it('falls back to the identity id asked for when the answer has none', () => {
    const value = credentialsFromResponse(answer({}, undefined), IDENTITY)._unsafeUnwrap();
    expect(value.identityId).toBe(IDENTITY);
  });

  it('falls back to the identity id asked for when the answer has an empty one', () => {
    const value = credentialsFromResponse(answer({}, ''), IDENTITY)._unsafeUnwrap();
    expect(value.identityId).toBe(IDENTITY);
  });

  it('returns no extra properties (nothing else from the answer leaks through)', () => {
    const value = credentialsFromResponse(answer({ Extra: 'x' }), IDENTITY)._unsafeUnwrap();
    expect(Object.keys(value).sort()).toEqual([
      'accessKeyId',
      'expiration',
      'identityId',
      'secretAccessKey',
      'sessionToken',
    ]);
  });

  it.each([
    ['AccessKeyId missing', { AccessKeyId: undefined }],
    ['AccessKeyId empty', { AccessKeyId: '' }],
    ['SecretKey missing', { SecretKey: undefined }],
    ['SessionToken missing', { SessionToken: undefined }],
    ['SessionToken empty', { SessionToken: '' }],
    ['Expiration missing', { Expiration: undefined }],
    ['Expiration an invalid Date', { Expiration: new Date(Number.NaN) }],
    ['Expiration a string instead of a Date', { Expiration: '2025-06-01T09:00:00Z' }],
    ['Expiration epoch seconds instead of a Date', { Expiration: 1_748_768_400 }],
  ])('returns Err Unexpected when %s', (_name, patch) => {
    const result = credentialsFromResponse(answer(patch), IDENTITY);

    expect(result.isErr()).toBe(true);
    expect(result._unsafeUnwrapErr().type).toBe('Unexpected');
    expect(result._unsafeUnwrapErr().retryable).toBe(false);
  });

  it('returns Err Unexpected when the answer has no Credentials', () => {
    const result = credentialsFromResponse({ IdentityId: IDENTITY }, IDENTITY);
    expect(result._unsafeUnwrapErr().type).toBe('Unexpected');
  });

  it('does not put the secret key or session token it got into the error message', () => {
    const result = credentialsFromResponse(answer({ AccessKeyId: undefined }), IDENTITY);
    const json = JSON.stringify(result._unsafeUnwrapErr());
    expect(json).not.toContain('wJalrXUtnFEMI');
    expect(json).not.toContain('IQoJb3JpZ2luX2VjEXAMPLE');
  });
});

describe('isFresh', () => {
  it('is fresh well before expiry minus the margin', () => {
    expect(isFresh(creds(T0 + HOUR), T0, T0 + 30 * MINUTE, 5 * MINUTE)).toBe(true);
  });

  it('is fresh just before expiry minus the margin', () => {
    expect(isFresh(creds(T0 + HOUR), T0, T0 + 55 * MINUTE - 1, 5 * MINUTE)).toBe(true);
  });

  it('is not fresh exactly at expiry minus the margin', () => {
    expect(isFresh(creds(T0 + HOUR), T0, T0 + 55 * MINUTE, 5 * MINUTE)).toBe(false);
  });

  it('is not fresh inside the margin', () => {
    expect(isFresh(creds(T0 + HOUR), T0, T0 + 56 * MINUTE, 5 * MINUTE)).toBe(false);
  });

  it('is not fresh after expiry', () => {
    expect(isFresh(creds(T0 + HOUR), T0, T0 + 2 * HOUR, 5 * MINUTE)).toBe(false);
  });

  it('caps the margin at half the lifetime (90 s credentials, 5 min margin → fresh for 45 s)', () => {
    const c = creds(T0 + 90 * SECOND);
    expect(isFresh(c, T0, T0, 5 * MINUTE)).toBe(true);
    expect(isFresh(c, T0, T0 + 44 * SECOND, 5 * MINUTE)).toBe(true);
    expect(isFresh(c, T0, T0 + 45 * SECOND, 5 * MINUTE)).toBe(false);
    expect(isFresh(c, T0, T0 + 46 * SECOND, 5 * MINUTE)).toBe(false);
  });

  it('uses the margin as given when it is under half the lifetime', () => {
    const c = creds(T0 + 90 * SECOND);
    expect(isFresh(c, T0, T0 + 79 * SECOND, 10 * SECOND)).toBe(true);
    expect(isFresh(c, T0, T0 + 80 * SECOND, 10 * SECOND)).toBe(false);
  });

  it('measures the lifetime from obtainedAt, not from now', () => {
    // Obtained 30 min before expiry: half the lifetime is 15 min, which caps a 20 min margin.
    const c = creds(T0 + HOUR);
    expect(isFresh(c, T0 + 30 * MINUTE, T0 + 44 * MINUTE, 20 * MINUTE)).toBe(true);
    expect(isFresh(c, T0 + 30 * MINUTE, T0 + 46 * MINUTE, 20 * MINUTE)).toBe(false);
  });

  it('with a zero margin is fresh until the expiration instant', () => {
    const c = creds(T0 + HOUR);
    expect(isFresh(c, T0, T0 + HOUR - 1, 0)).toBe(true);
    expect(isFresh(c, T0, T0 + HOUR, 0)).toBe(false);
  });

  it('treats credentials already expired when obtained as not fresh', () => {
    const c = creds(T0 - MINUTE);
    expect(isFresh(c, T0, T0, 5 * MINUTE)).toBe(false);
  });
});
