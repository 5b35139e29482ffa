import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UserPoolAuthOperations } from '../../../src/auth/user-pool-transport.js';
import { AuthClient } from '../../../src/index.js';
import { fetchTransport } from '../../../src/transport/fetch-transport.js';
import { NEW_PASSWORD, stack } from '../clients.js';
import { type FaultServer, startFaultServer } from './fault-server.js';
import { pendingNewPassword } from './pending-step.js';

/** Long enough for a CPU-starved moto to answer in time, short enough to keep the tests quick. */
const TIMEOUT_MS = 2_000;

type Stack = NonNullable<typeof stack>;

/** The two transports, each pointed at the faulty server: the same rule must hold on both. */
const transports = [
  {
    name: 'the SDK client AuthClient creates',
    prefix: 'fault',
    create: (s: Stack, url: string) =>
      AuthClient.create({
        userPoolId: s.userPoolId,
        clientId: s.clientId,
        endpoint: url,
        timeoutMs: TIMEOUT_MS,
      })._unsafeUnwrap(),
  },
  {
    name: 'the fetch transport',
    prefix: 'ffault',
    create: (s: Stack, url: string) =>
      new AuthClient(
        { userPoolId: s.userPoolId, clientId: s.clientId },
        fetchTransport<UserPoolAuthOperations>({
          service: 'cognito-idp',
          region: s.region,
          endpoint: url,
          timeoutMs: TIMEOUT_MS,
          retryBaseDelayMs: 20,
        }),
      ),
  },
];

describe.skipIf(!stack).each(transports)(
  'A challenge answer that may have reached Cognito is never re-sent, on $name',
  ({ prefix, create }) => {
    const s = stack as Stack;
    let server: FaultServer;
    let auth: AuthClient;

    beforeEach(async () => {
      server = await startFaultServer(s.endpoint);
      auth = create(s, server.url);
    });
    afterEach(async () => {
      await server.close();
    });

    it('after a reset: 1 request, retryable Network, and the step stays answerable', async () => {
      const { step } = await pendingNewPassword(s, auth, `${prefix}-rtac-reset`);
      server.take();
      server.fail('RespondToAuthChallenge', 'reset');
      const failed = (await auth.completeNewPassword(step, NEW_PASSWORD))._unsafeUnwrapErr();
      expect(failed).toMatchObject({ type: 'Network', retryable: true });
      expect(server.take()).toEqual({ RespondToAuthChallenge: 1 });
      // The reset request never reached moto, so the same step is answered on the next try.
      const done = (await auth.completeNewPassword(step, NEW_PASSWORD))._unsafeUnwrap();
      expect(done.step).toBe('SIGNED_IN');
      expect(server.take()).toEqual({ RespondToAuthChallenge: 1 });
    });

    it('after an HTML 500: 1 request, retryable Unexpected naming HTTP 500', async () => {
      const { step } = await pendingNewPassword(s, auth, `${prefix}-rtac-500`);
      server.take();
      server.fail('RespondToAuthChallenge', 'html500');
      const failed = (await auth.completeNewPassword(step, NEW_PASSWORD))._unsafeUnwrapErr();
      expect(failed).toMatchObject({ type: 'Unexpected', retryable: true });
      expect(failed.message).toContain('HTTP 500');
      expect(server.take()).toEqual({ RespondToAuthChallenge: 1 });
    });

    it('processed but its answer lost: 1 request, retryable Network; answering again is a clear SessionExpired, and a new sign-in works', async () => {
      const { username, step } = await pendingNewPassword(s, auth, `${prefix}-rtac-lost`);
      server.take();
      server.fail('RespondToAuthChallenge', 'lostAnswer', 'usedSession');
      const lost = (await auth.completeNewPassword(step, NEW_PASSWORD))._unsafeUnwrapErr();
      expect(lost).toMatchObject({ type: 'Network', retryable: true });
      expect(server.take()).toEqual({ RespondToAuthChallenge: 1 });
      const again = (await auth.completeNewPassword(step, NEW_PASSWORD))._unsafeUnwrapErr();
      expect(again).toMatchObject({ type: 'SessionExpired', retryable: false });
      expect(server.take()).toEqual({ RespondToAuthChallenge: 1 });
      // The lost answer was processed: the new password is set, and signing in again with it works.
      const fresh = (
        await auth.signIn({ username, password: NEW_PASSWORD, flow: 'USER_PASSWORD_AUTH' })
      )._unsafeUnwrap();
      expect(fresh.step).toBe('SIGNED_IN');
    });

    it('slower than timeoutMs: given up after one attempt, Network, no hang', async () => {
      const { step } = await pendingNewPassword(s, auth, `${prefix}-rtac-slow`);
      server.take();
      server.fail('RespondToAuthChallenge', { delayMs: 8_000 });
      const started = Date.now();
      const failed = (await auth.completeNewPassword(step, NEW_PASSWORD))._unsafeUnwrapErr();
      const elapsed = Date.now() - started;
      expect(failed).toMatchObject({ type: 'Network', retryable: true });
      expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
      expect(elapsed).toBeLessThan(TIMEOUT_MS + 2_000);
      expect(server.take()).toEqual({ RespondToAuthChallenge: 1 });
    });
  },
);
