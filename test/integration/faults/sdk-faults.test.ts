import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthClient } from '../../../src/index.js';
import { withRetryPolicy } from '../../../src/transport/sdk-retry-policy.js';
import { NEW_PASSWORD, stack, TEMPORARY_PASSWORD } from '../clients.js';
import { type FaultServer, startFaultServer } from './fault-server.js';
import { pendingNewPassword } from './pending-step.js';

/** Long enough for a CPU-starved moto to answer in time, short enough to keep the tests quick. */
const TIMEOUT_MS = 2_000;

describe.skipIf(!stack)(
  'AuthClient on the SDK client it creates (endpoint), against a faulty server in front of moto',
  () => {
    const s = stack as NonNullable<typeof stack>;
    let server: FaultServer;
    let auth: AuthClient;

    beforeEach(async () => {
      server = await startFaultServer(s.endpoint);
      auth = AuthClient.create({
        userPoolId: s.userPoolId,
        clientId: s.clientId,
        endpoint: server.url,
        timeoutMs: TIMEOUT_MS,
      })._unsafeUnwrap();
    });
    afterEach(async () => {
      await server.close();
    });

    it('retries InitiateAuth after two connection resets (safe to repeat) and signs in: 3 requests', async () => {
      server.fail('InitiateAuth', 'reset', 'reset');
      const { step } = await pendingNewPassword(s, auth, 'fault-init-reset');
      expect(step.step).toBe('NEW_PASSWORD_REQUIRED');
      expect(server.take()).toEqual({ InitiateAuth: 3 });
    });

    it('retries InitiateAuth slower than timeoutMs (safe to repeat) and signs in: 2 requests', async () => {
      server.fail('InitiateAuth', { delayMs: 8_000 });
      const { step } = await pendingNewPassword(s, auth, 'fault-init-slow');
      expect(step.step).toBe('NEW_PASSWORD_REQUIRED');
      expect(server.take()).toEqual({ InitiateAuth: 2 });
    });

    it('retries a RespondToAuthChallenge throttled with 400 TooManyRequestsException (not processed) and completes: 2 requests', async () => {
      const { step } = await pendingNewPassword(s, auth, 'fault-rtac-throttle');
      server.take();
      server.fail('RespondToAuthChallenge', 'throttle');
      const done = (await auth.completeNewPassword(step, NEW_PASSWORD))._unsafeUnwrap();
      expect(done.step).toBe('SIGNED_IN');
      expect(server.take()).toEqual({ RespondToAuthChallenge: 2 });
    });

    it('retries a RespondToAuthChallenge answered by a bare HTTP 429 and completes: 2 requests', async () => {
      const { step } = await pendingNewPassword(s, auth, 'fault-rtac-429');
      server.take();
      server.fail('RespondToAuthChallenge', 'bare429');
      const done = (await auth.completeNewPassword(step, NEW_PASSWORD))._unsafeUnwrap();
      expect(done.step).toBe('SIGNED_IN');
      expect(server.take()).toEqual({ RespondToAuthChallenge: 2 });
    });

    it('reports throttling on every attempt as retryable TooManyRequests after maxAttempts (3 requests)', async () => {
      const { step } = await pendingNewPassword(s, auth, 'fault-rtac-throttled-out');
      server.take();
      server.fail('RespondToAuthChallenge', 'throttle', 'bare429', 'throttle');
      const failed = (await auth.completeNewPassword(step, NEW_PASSWORD))._unsafeUnwrapErr();
      expect(failed).toMatchObject({ type: 'TooManyRequests', retryable: true });
      expect(server.take()).toEqual({ RespondToAuthChallenge: 3 });
    });

    it('a bare HTTP 429 on InitiateAuth every time is a retryable TooManyRequests naming the status (3 requests)', async () => {
      server.fail('InitiateAuth', 'bare429', 'bare429', 'bare429');
      const failed = (
        await auth.signIn({
          username: 'nobody-429',
          password: TEMPORARY_PASSWORD,
          flow: 'USER_PASSWORD_AUTH',
        })
      )._unsafeUnwrapErr();
      expect(failed).toMatchObject({ type: 'TooManyRequests', retryable: true });
      expect(failed.message).toContain('HTTP 429');
      expect(server.take()).toEqual({ InitiateAuth: 3 });
    });

    it('does not re-send AdminRespondToAuthChallenge after a reset: 1 request, retryable Network', async () => {
      const admin = AuthClient.create({
        userPoolId: s.userPoolId,
        clientId: s.clientId,
        endpoint: server.url,
        timeoutMs: TIMEOUT_MS,
      })._unsafeUnwrap();
      const { username } = await pendingNewPassword(s, auth, 'fault-admin-rtac');
      const first = (await admin.adminSignIn({ username, password: TEMPORARY_PASSWORD }))._unsafeUnwrap();
      expect(first.step).toBe('NEW_PASSWORD_REQUIRED');
      if (first.step !== 'NEW_PASSWORD_REQUIRED') return;
      server.take();
      server.fail('AdminRespondToAuthChallenge', 'reset');
      const failed = (await admin.completeNewPassword(first, NEW_PASSWORD))._unsafeUnwrapErr();
      expect(failed).toMatchObject({ type: 'Network', retryable: true });
      expect(server.take()).toEqual({ AdminRespondToAuthChallenge: 1 });
    });

    it('when the server goes away after InitiateAuth, the answer is a retryable Network error, nothing is received, and the step completes elsewhere', async () => {
      const { step } = await pendingNewPassword(s, auth, 'fault-server-gone');
      const seenBefore = server.bodies.length;
      await server.close();
      const failed = (await auth.completeNewPassword(step, NEW_PASSWORD))._unsafeUnwrapErr();
      expect(failed).toMatchObject({ type: 'Network', retryable: true });
      expect(server.bodies.length).toBe(seenBefore);
      // Nothing reached Cognito: the same step is still answerable, here straight against moto.
      const direct = AuthClient.create({
        userPoolId: s.userPoolId,
        clientId: s.clientId,
        endpoint: s.endpoint,
      })._unsafeUnwrap();
      expect((await direct.completeNewPassword(step, NEW_PASSWORD))._unsafeUnwrap().step).toBe('SIGNED_IN');
    });
  },
);

describe.skipIf(!stack)('a user-supplied SDK client keeps its own retry configuration', () => {
  const s = stack as NonNullable<typeof stack>;
  let server: FaultServer;
  beforeEach(async () => {
    server = await startFaultServer(s.endpoint);
  });
  afterEach(async () => {
    await server.close();
  });

  const authWith = (client: CognitoIdentityProviderClient) =>
    AuthClient.create({ userPoolId: s.userPoolId, clientId: s.clientId, client })._unsafeUnwrap();

  it("is left as given: the SDK's default strategy re-sends RespondToAuthChallenge after an HTML 500 (3 requests)", async () => {
    const auth = authWith(new CognitoIdentityProviderClient({ region: s.region, endpoint: server.url }));
    const { step } = await pendingNewPassword(s, auth, 'fault-user-client');
    server.take();
    server.fail('RespondToAuthChallenge', 'html500', 'html500', 'html500');
    const failed = (await auth.completeNewPassword(step, NEW_PASSWORD))._unsafeUnwrapErr();
    expect(failed).toMatchObject({ type: 'Unexpected', retryable: true });
    expect(server.take()).toEqual({ RespondToAuthChallenge: 3 });
  });

  it('follows the rule once wrapped in withRetryPolicy: 1 request after an HTML 500, still retried after throttling', async () => {
    const client = withRetryPolicy(
      new CognitoIdentityProviderClient({ region: s.region, endpoint: server.url }),
    );
    const auth = authWith(client);
    const { step } = await pendingNewPassword(s, auth, 'fault-user-client-wrapped');
    server.take();
    server.fail('RespondToAuthChallenge', 'html500');
    expect((await auth.completeNewPassword(step, NEW_PASSWORD))._unsafeUnwrapErr().type).toBe('Unexpected');
    expect(server.take()).toEqual({ RespondToAuthChallenge: 1 });
    server.fail('RespondToAuthChallenge', 'throttle');
    expect((await auth.completeNewPassword(step, NEW_PASSWORD))._unsafeUnwrap().step).toBe('SIGNED_IN');
    expect(server.take()).toEqual({ RespondToAuthChallenge: 2 });
  });
});
