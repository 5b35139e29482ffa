/**
 * cognito-flow/browser on runtimes without `AbortSignal.timeout` (React Native's Hermes, browsers before
 * 2022), without `AbortController`, or without `DOMException`: each attempt is still bounded by `timeoutMs`
 * and a silent endpoint still ends in a retryable Network error. The globals are removed for each test.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthClient } from '../../../src/browser/index.js';
import { unwrap } from '../../support/unwrap.js';

/** The runtime's own DOMException, kept before a test removes the global. */
const RuntimeDOMException = DOMException;

const challenge = {
  ChallengeName: 'NEW_PASSWORD_REQUIRED',
  Session: 'session-1234',
  ChallengeParameters: { USER_ID_FOR_SRP: 'alice', requiredAttributes: '[]', userAttributes: '{}' },
};

/** A `fetch` that never answers, recording the init it was given. */
function silentFetch() {
  const inits: RequestInit[] = [];
  const fetch = vi.fn((_url: string, init: RequestInit) => {
    inits.push(init);
    return new Promise<Response>(() => {});
  });
  vi.stubGlobal('fetch', fetch);
  return { fetch, inits };
}

function answeringFetch() {
  const inits: RequestInit[] = [];
  const fetch = vi.fn(async (_url: string, init: RequestInit) => {
    inits.push(init);
    return new Response(JSON.stringify(challenge), {
      headers: { 'content-type': 'application/x-amz-json-1.1' },
    });
  });
  vi.stubGlobal('fetch', fetch);
  return { fetch, inits };
}

const signIn = () =>
  unwrap(
    AuthClient.create({
      userPoolId: 'eu-west-1_AbC123',
      clientId: 'client1',
      endpoint: 'http://127.0.0.1:4566/',
      timeoutMs: 50,
    }),
  ).signIn({ username: 'alice', password: 'Hunter2-Correct!', flow: 'USER_PASSWORD_AUTH' });

/** AbortSignal as the runtime has it, minus its static `timeout`. */
function withoutAbortSignalTimeout() {
  const Original = AbortSignal;
  const Stripped = function AbortSignal() {} as unknown as typeof AbortSignal;
  Object.setPrototypeOf(Stripped, Original);
  Object.defineProperty(Stripped, 'timeout', { value: undefined });
  Stripped.prototype = Original.prototype;
  vi.stubGlobal('AbortSignal', Stripped);
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('cognito-flow/browser without AbortSignal.timeout', () => {
  it('bounds each attempt with its own timer and an AbortController: a silent endpoint is a retryable Network error', async () => {
    withoutAbortSignalTimeout();
    expect(AbortSignal.timeout).toBeUndefined();
    const { fetch, inits } = silentFetch();
    const started = Date.now();
    const error = (await signIn())._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'Network', retryable: true });
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(inits.every((init) => init.signal?.aborted === true)).toBe(true);
    expect(inits[0]?.signal?.reason).toHaveProperty('name', 'TimeoutError');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('signs in as usual when the endpoint answers, and the timer does not abort the request afterwards', async () => {
    withoutAbortSignalTimeout();
    const { inits } = answeringFetch();
    const step = unwrap(await signIn());
    expect(step.step).toBe('NEW_PASSWORD_REQUIRED');
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(inits[0]?.signal?.aborted).toBe(false);
  });
});

describe('cognito-flow/browser without AbortController', () => {
  it('sends no signal and still ends a silent attempt at timeoutMs with a retryable Network error', async () => {
    vi.stubGlobal('AbortController', undefined);
    const { fetch, inits } = silentFetch();
    const error = (await signIn())._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'Network', retryable: true });
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(inits.every((init) => init.signal == null)).toBe(true);
  });
});

describe('cognito-flow/browser without DOMException', () => {
  it('times out with an Error named TimeoutError, still a retryable Network error', async () => {
    vi.stubGlobal('DOMException', undefined);
    const { inits } = silentFetch();
    const error = (await signIn())._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'Network', retryable: true });
    expect(inits[0]?.signal?.reason).toMatchObject({
      name: 'TimeoutError',
      message: 'no answer in 50 ms',
    });
    expect(inits[0]?.signal?.reason).toBeInstanceOf(Error);
    expect(inits[0]?.signal?.reason).not.toBeInstanceOf(RuntimeDOMException);
  });
});
