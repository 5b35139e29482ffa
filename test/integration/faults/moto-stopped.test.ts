import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MotoServer, startMoto } from '../../../examples/support/moto-server.js';
import { provisionStack, type Stack } from '../../../examples/support/provision.js';
import { countRequests } from '../../../examples/support/request-counter.js';
import { AdminClient } from '../../../src/admin/index.js';
import { IdentityPool } from '../../../src/identity/index.js';
import { AuthClient } from '../../../src/index.js';
import { libraryClient } from '../../../src/transport/library-client.js';
import { NEW_PASSWORD, stack, TEMPORARY_PASSWORD, uniqueUsername } from '../clients.js';

describe.skipIf(!stack)('a real moto server stopped in the middle of a sign-in', () => {
  let moto: MotoServer;
  let own: Stack;

  beforeAll(async () => {
    moto = await startMoto();
    own = await provisionStack(moto.url);
  }, 60_000);
  afterAll(async () => {
    await moto?.stop();
  });

  it('InitiateAuth answered, moto stopped: the challenge answer fails as a retryable Network error, sent again only because the connection was refused (3 attempts, none received)', async () => {
    // Built exactly as AuthClient builds its own client from `endpoint`, plus a request counter.
    const client = libraryClient(CognitoIdentityProviderClient, {
      region: own.region,
      endpoint: own.endpoint,
      timeoutMs: 2_000,
    });
    const counter = countRequests(client);
    const auth = AuthClient.create({
      userPoolId: own.userPoolId,
      clientId: own.clientId,
      client,
    })._unsafeUnwrap();
    const admin = AdminClient.create({ userPoolId: own.userPoolId, endpoint: own.endpoint })._unsafeUnwrap();
    const username = uniqueUsername('moto-stopped');
    (
      await admin.adminCreateUser({
        username,
        temporaryPassword: TEMPORARY_PASSWORD,
        messageAction: 'SUPPRESS',
      })
    )._unsafeUnwrap();
    const step = (
      await auth.signIn({ username, password: TEMPORARY_PASSWORD, flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrap();
    expect(step.step).toBe('NEW_PASSWORD_REQUIRED');
    if (step.step !== 'NEW_PASSWORD_REQUIRED') return;
    expect(counter.take().byOperation).toEqual({ InitiateAuth: 1 });

    await moto.stop();
    const started = Date.now();
    const failed = (await auth.completeNewPassword(step, NEW_PASSWORD))._unsafeUnwrapErr();
    expect(failed).toMatchObject({ type: 'Network', retryable: true });
    expect(Date.now() - started).toBeLessThan(10_000);
    // ECONNREFUSED proves nothing was received, so the SDK's retries were allowed.
    expect(counter.take().byOperation).toEqual({ RespondToAuthChallenge: 3 });
    expect(JSON.stringify(failed)).not.toContain(NEW_PASSWORD);
    expect(JSON.stringify(failed)).not.toContain(step.session);

    // An IdentityPool pointed at the stopped server fails the same way, in bounded time.
    const pool = IdentityPool.create({
      identityPoolId: own.identityPoolId,
      endpoint: own.endpoint,
    })._unsafeUnwrap();
    const guest = (await pool.getGuestCredentials())._unsafeUnwrapErr();
    expect(guest).toMatchObject({ type: 'Network', retryable: true });
  });
});
