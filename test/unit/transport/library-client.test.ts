import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAuthConfig } from '../../../src/config/auth-config.js';
import { AuthClient } from '../../../src/index.js';

/**
 * A loopback server that counts requests and never answers them — except InitiateAuth when
 * `challengeFirst`, answered with a NEW_PASSWORD_REQUIRED challenge.
 */
async function silentServer(
  challengeFirst = false,
): Promise<{ url: string; server: Server; seen: () => number }> {
  let count = 0;
  const server = createServer((request, response) => {
    count += 1;
    request.resume();
    if (challengeFirst && String(request.headers['x-amz-target']).endsWith('.InitiateAuth')) {
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end(
        JSON.stringify({
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          Session: 'session-value-1234',
          ChallengeParameters: { USER_ID_FOR_SRP: 'alice', requiredAttributes: '[]', userAttributes: '{}' },
        }),
      );
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, seen: () => count };
}

let running: Server | undefined;
afterEach(async () => {
  running?.closeAllConnections();
  await new Promise((resolve) => (running ? running.close(resolve) : resolve(undefined)));
  running = undefined;
});

const POOL = { userPoolId: 'us-east-1_AbC123', clientId: 'client1' };

describe('AuthClient timeoutMs on the SDK client it creates', () => {
  it('bounds each attempt: a silent server gives a retryable Network error, InitiateAuth tried 3 times, no hang', async () => {
    const { url, server, seen } = await silentServer();
    running = server;
    const auth = AuthClient.create({ ...POOL, endpoint: url, timeoutMs: 500 })._unsafeUnwrap();
    const started = Date.now();
    const error = (
      await auth.signIn({ username: 'alice', password: 'Hunter2-Correct!', flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'Network', retryable: true });
    expect(error.message).toContain('500 ms');
    expect(Date.now() - started).toBeLessThan(3 * 500 + 2_000);
    expect(seen()).toBe(3);
  }, 10_000);

  it('does not re-send a challenge answer that timed out: 1 request', async () => {
    const { url, server, seen } = await silentServer(true);
    running = server;
    const auth = AuthClient.create({ ...POOL, endpoint: url, timeoutMs: 500 })._unsafeUnwrap();
    const step = (
      await auth.signIn({ username: 'alice', password: 'Hunter2-Correct!', flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrap();
    if (step.step !== 'NEW_PASSWORD_REQUIRED') throw new Error(`unexpected step ${step.step}`);
    expect(seen()).toBe(1);
    const error = (await auth.completeNewPassword(step, 'N3w-Passw0rd!x'))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'Network', retryable: true });
    expect(seen()).toBe(2);
  }, 10_000);
});

describe('the timeoutMs option', () => {
  it('is optional (undefined means the 30 s default)', () => {
    expect(parseAuthConfig(POOL)._unsafeUnwrap().timeoutMs).toBeUndefined();
    expect(parseAuthConfig({ ...POOL, timeoutMs: 5_000 })._unsafeUnwrap().timeoutMs).toBe(5_000);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 600_001, '1000'])(
    'rejects %s with InvalidConfig, without throwing',
    (timeoutMs) => {
      const error = parseAuthConfig({ ...POOL, timeoutMs: timeoutMs as number })._unsafeUnwrapErr();
      expect(error.type).toBe('InvalidConfig');
      expect(error.message).toContain('timeoutMs');
    },
  );
});
