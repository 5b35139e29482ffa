/**
 * cognito-flow/browser without `structuredClone` (React Native's Hermes): a step that travelled through
 * JSON still resumes, copied by a JSON round trip instead.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthClient } from '../../../src/browser/index.js';
import { unwrap } from '../../support/unwrap.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('cognito-flow/browser without structuredClone', () => {
  it('resumes a NEW_PASSWORD_REQUIRED step from JSON into an equal, separate copy', async () => {
    const challenge = {
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: 'session-1234',
      ChallengeParameters: {
        USER_ID_FOR_SRP: 'alice',
        requiredAttributes: '["userAttributes.nickname"]',
        userAttributes: '{"email":"alice@example.com"}',
      },
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(JSON.stringify(challenge), {
            headers: { 'content-type': 'application/x-amz-json-1.1' },
          }),
      ),
    );
    const auth = unwrap(
      AuthClient.create({
        userPoolId: 'eu-west-1_AbC123',
        clientId: 'client1',
        endpoint: 'http://127.0.0.1:4566/',
      }),
    );
    const step = unwrap(
      await auth.signIn({ username: 'alice', password: 'Hunter2-Correct!', flow: 'USER_PASSWORD_AUTH' }),
    );
    expect(step.step).toBe('NEW_PASSWORD_REQUIRED');
    vi.stubGlobal('structuredClone', undefined);
    const parsed = JSON.parse(JSON.stringify(step)) as Record<string, unknown>;
    const resumed = unwrap(auth.resume(parsed));
    expect(resumed).toEqual(step);
    expect(resumed).not.toBe(parsed);
    if (resumed.step !== 'NEW_PASSWORD_REQUIRED') return;
    expect(resumed.requiredAttributes).not.toBe(parsed.requiredAttributes);
  });
});
