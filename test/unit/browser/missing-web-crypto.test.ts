/**
 * cognito-flow/browser where the runtime lacks WebCrypto: a browser page on plain http:// from another host
 * (no `crypto.subtle` outside secure contexts), or a runtime without `crypto` at all. SRP then ends in a
 * typed error naming what is missing — never a thrown TypeError — and USER_PASSWORD_AUTH, which needs no
 * WebCrypto without a client secret, still works. SRP runs on the browser's path (`#modpow` → BigInt,
 * WebCrypto hashes), as in a browser bundle.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthClient } from '../../../src/browser/index.js';
import { unwrap } from '../../support/unwrap.js';

vi.mock('#modpow', () => import('../../../src/srp/modpow-bigint.js'));

const PASSWORD = 'Hunter2-Correct!';
const runtimeCrypto = globalThis.crypto;

/** Cognito's first answer to USER_SRP_AUTH (a valid B; moto-like values). */
const verifierChallenge = {
  ChallengeName: 'PASSWORD_VERIFIER',
  ChallengeParameters: {
    USER_ID_FOR_SRP: 'alice',
    USERNAME: 'alice',
    SRP_B: 'abcdef0123456789'.repeat(24),
    SALT: '1234abcd',
    SECRET_BLOCK: 'c2VjcmV0LWJsb2Nr',
  },
};
const newPasswordChallenge = {
  ChallengeName: 'NEW_PASSWORD_REQUIRED',
  Session: 'session-1234',
  ChallengeParameters: { USER_ID_FOR_SRP: 'alice', requiredAttributes: '[]', userAttributes: '{}' },
};

function answering(body: unknown) {
  const fetch = vi.fn(
    async () =>
      new Response(JSON.stringify(body), { headers: { 'content-type': 'application/x-amz-json-1.1' } }),
  );
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function auth(clientSecret?: string) {
  return unwrap(
    AuthClient.create({
      userPoolId: 'eu-west-1_AbC123',
      clientId: 'client1',
      endpoint: 'http://127.0.0.1:4566/',
      ...(clientSecret ? { clientSecret } : {}),
    }),
  );
}

/** An insecure browser context: `crypto.getRandomValues` without `crypto.subtle`. */
function withoutSubtle() {
  vi.stubGlobal('crypto', { getRandomValues: runtimeCrypto.getRandomValues.bind(runtimeCrypto) });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('cognito-flow/browser without crypto.subtle (a page on plain http://)', () => {
  it('ends an SRP sign-in with an Unexpected error naming crypto.subtle, after InitiateAuth and before any answer', async () => {
    const fetch = answering({ ...verifierChallenge, Session: 'session-1234' });
    withoutSubtle();
    const result = await auth().signIn({ username: 'alice', password: PASSWORD });
    const error = result._unsafeUnwrapErr();
    expect(error.type).toBe('Unexpected');
    expect(error.message).toBe('SRP failed: no crypto.subtle (browsers: https:// and localhost only)');
    expect(JSON.stringify(error)).not.toContain(PASSWORD);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('still signs in with USER_PASSWORD_AUTH (no WebCrypto needed without a client secret)', async () => {
    answering(newPasswordChallenge);
    withoutSubtle();
    const step = unwrap(
      await auth().signIn({ username: 'alice', password: PASSWORD, flow: 'USER_PASSWORD_AUTH' }),
    );
    expect(step.step).toBe('NEW_PASSWORD_REQUIRED');
  });

  it('answers an app client with a secret with an Unexpected error about WebCrypto, without a request', async () => {
    const fetch = answering(newPasswordChallenge);
    withoutSubtle();
    const error = (
      await auth('client-secret-1234').signIn({
        username: 'alice',
        password: PASSWORD,
        flow: 'USER_PASSWORD_AUTH',
      })
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'Unexpected', message: expect.stringContaining('WebCrypto') });
    expect(JSON.stringify(error)).not.toContain('client-secret-1234');
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('cognito-flow/browser without crypto at all', () => {
  it('ends an SRP sign-in with an Unexpected error naming crypto.getRandomValues, without a request', async () => {
    const fetch = answering(verifierChallenge);
    vi.stubGlobal('crypto', undefined);
    const error = (await auth().signIn({ username: 'alice', password: PASSWORD }))._unsafeUnwrapErr();
    expect(error).toMatchObject({
      type: 'Unexpected',
      message: 'SRP failed: no crypto.getRandomValues',
    });
    expect(fetch).not.toHaveBeenCalled();
  });
});
