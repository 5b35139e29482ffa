import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserPoolAuthOperations } from '../../../src/auth/user-pool-transport.js';
import { AuthClient } from '../../../src/index.js';
import { fetchTransport } from '../../../src/transport/fetch-transport.js';
import { NEW_PASSWORD, stack } from '../clients.js';
import { type FaultServer, startFaultServer } from './fault-server.js';
import { pendingNewPassword } from './pending-step.js';

/** Long enough for a CPU-starved moto to answer in time, short enough to keep the tests quick. */
const TIMEOUT_MS = 2_000;

describe.skipIf(!stack)('AuthClient on the fetch transport, against a faulty server in front of moto', () => {
  const s = stack as NonNullable<typeof stack>;
  let server: FaultServer;
  let auth: AuthClient;
  /** Attempts the transport made (what a vanished server cannot count). */
  let attempts = 0;
  const counting: typeof fetch = (url, init) => {
    attempts += 1;
    return fetch(url, init);
  };

  beforeEach(async () => {
    server = await startFaultServer(s.endpoint);
    auth = new AuthClient(
      { userPoolId: s.userPoolId, clientId: s.clientId },
      fetchTransport<UserPoolAuthOperations>({
        service: 'cognito-idp',
        region: s.region,
        endpoint: server.url,
        timeoutMs: TIMEOUT_MS,
        retryBaseDelayMs: 20,
        fetch: counting,
      }),
    );
  });
  afterEach(async () => {
    await server.close();
  });

  it('retries InitiateAuth after a reset and an HTML 500 (safe to repeat) and signs in: 3 requests', async () => {
    server.fail('InitiateAuth', 'reset', 'html500');
    const { step } = await pendingNewPassword(s, auth, 'ffault-init');
    expect(step.step).toBe('NEW_PASSWORD_REQUIRED');
    expect(server.take()).toEqual({ InitiateAuth: 3 });
  });

  it('retries RespondToAuthChallenge after throttling (400 TooManyRequestsException, then a bare 429) and completes: 3 requests', async () => {
    const { step } = await pendingNewPassword(s, auth, 'ffault-rtac-throttle');
    server.take();
    server.fail('RespondToAuthChallenge', 'throttle', 'bare429');
    expect((await auth.completeNewPassword(step, NEW_PASSWORD))._unsafeUnwrap().step).toBe('SIGNED_IN');
    expect(server.take()).toEqual({ RespondToAuthChallenge: 3 });
  });

  it('reports a bare 429 on every attempt as a retryable TooManyRequests, as the SDK transport does (3 requests)', async () => {
    const { step } = await pendingNewPassword(s, auth, 'ffault-rtac-429');
    server.take();
    server.fail('RespondToAuthChallenge', 'bare429', 'bare429', 'bare429');
    const failed = (await auth.completeNewPassword(step, NEW_PASSWORD))._unsafeUnwrapErr();
    expect(failed).toMatchObject({ type: 'TooManyRequests', retryable: true });
    expect(server.take()).toEqual({ RespondToAuthChallenge: 3 });
  });

  it('when the server goes away after InitiateAuth, the answer is a retryable Network error, sent again (the connection was refused) and received nowhere', async () => {
    const { step } = await pendingNewPassword(s, auth, 'ffault-gone');
    const seenBefore = server.bodies.length;
    await server.close();
    attempts = 0;
    const failed = (await auth.completeNewPassword(step, NEW_PASSWORD))._unsafeUnwrapErr();
    expect(failed).toMatchObject({ type: 'Network', retryable: true });
    expect(attempts).toBe(3);
    expect(server.bodies.length).toBe(seenBefore);
    const direct = AuthClient.create({
      userPoolId: s.userPoolId,
      clientId: s.clientId,
      endpoint: s.endpoint,
    })._unsafeUnwrap();
    expect((await direct.completeNewPassword(step, NEW_PASSWORD))._unsafeUnwrap().step).toBe('SIGNED_IN');
  });
});
