/**
 * What cognito-flow/browser answers when a runtime's `fetch` fails in that runtime's own way (the shapes
 * observed on Deno 2.9 and workerd 2026-11-23; Bun, Node and browsers reject with a `TypeError`). The
 * runtime's `fetch` is stubbed as the global the entry looks up at each call.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthClient } from '../../../src/browser/index.js';
import { unwrap } from '../../support/unwrap.js';

const PASSWORD = 'Hunter2-Correct!';

function failingFetch(thrown: () => unknown) {
  const fetch = vi.fn(async () => {
    throw thrown();
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function auth() {
  return unwrap(
    AuthClient.create({
      userPoolId: 'eu-west-1_AbC123',
      clientId: 'client1',
      endpoint: 'http://127.0.0.1:4566/',
    }),
  );
}

const signIn = () => auth().signIn({ username: 'alice', password: PASSWORD, flow: 'USER_PASSWORD_AUTH' });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('cognito-flow/browser on workerd: fetch rejects with a plain Error', () => {
  it('reads "Network connection lost." as a retryable Network error, retried like a TypeError', async () => {
    const fetch = failingFetch(() => new Error('Network connection lost.'));
    const error = (await signIn())._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'Network', retryable: true });
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('never sends a challenge answer twice after a lost connection (it may have been processed)', async () => {
    const challenge = {
      ChallengeName: 'NEW_PASSWORD_REQUIRED',
      Session: 'session-1234',
      ChallengeParameters: { USER_ID_FOR_SRP: 'alice', requiredAttributes: '[]', userAttributes: '{}' },
    };
    const fetch = vi.fn(async () => {
      if (fetch.mock.calls.length === 1) {
        return new Response(JSON.stringify(challenge), {
          headers: { 'content-type': 'application/x-amz-json-1.1' },
        });
      }
      throw new Error('Network connection lost.');
    });
    vi.stubGlobal('fetch', fetch);
    const client = auth();
    const step = unwrap(
      await client.signIn({ username: 'alice', password: PASSWORD, flow: 'USER_PASSWORD_AUTH' }),
    );
    expect(step.step).toBe('NEW_PASSWORD_REQUIRED');
    if (step.step !== 'NEW_PASSWORD_REQUIRED') return;
    const error = (await client.completeNewPassword(step, 'N3w-Passw0rd!x'))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'Network', retryable: true });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('answers a connection its outbound policy refuses with InvalidConfig naming what to allow, sent once', async () => {
    const fetch = failingFetch(
      () => new Error('Network connection failed: connecting to 127.0.0.1:4566 is not allowed'),
    );
    const error = (await signIn())._unsafeUnwrapErr();
    expect(error.type).toBe('InvalidConfig');
    expect(error.message).toBe(
      'Network connection failed: connecting to 127.0.0.1:4566 is not allowed (workerd: allow it in globalOutbound)',
    );
    expect(error.message).not.toContain(PASSWORD);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('leaves any other plain Error an Unexpected error, not retried', async () => {
    const fetch = failingFetch(() => new Error('something else broke'));
    const error = (await signIn())._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'Unexpected', message: 'something else broke' });
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('cognito-flow/browser on Deno without --allow-net for the endpoint', () => {
  it("answers Deno's NotCapable with InvalidConfig in Deno's words (the host and the flag), sent once", async () => {
    const denied = Object.assign(
      new Error('Requires net access to "127.0.0.1:4566", run again with the --allow-net flag'),
      { name: 'NotCapable' },
    );
    const fetch = failingFetch(() => denied);
    const error = (await signIn())._unsafeUnwrapErr();
    expect(error.type).toBe('InvalidConfig');
    expect(error.message).toBe(
      'Requires net access to "127.0.0.1:4566", run again with the --allow-net flag',
    );
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
