/**
 * `timeoutMs` reaches cognito-flow/browser's fetch transport: a Cognito endpoint that accepts the
 * connection and never answers ends in a retryable Network error, not a hang.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthClient, IdentityPool } from '../../../src/browser/index.js';
import { unwrap } from '../../support/unwrap.js';

let server: Server;
let endpoint = '';
const seen: IncomingMessage[] = [];

beforeAll(async () => {
  // Reads each request and never answers it.
  server = createServer((request) => {
    seen.push(request);
    request.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('cognito-flow/browser timeoutMs (AuthClient and IdentityPool)', () => {
  it('ends a sign-in against a silent endpoint with a retryable Network error after each attempt times out', async () => {
    const auth = unwrap(
      AuthClient.create({ userPoolId: 'eu-west-1_AbC123', clientId: 'client1', endpoint, timeoutMs: 100 }),
    );
    const started = Date.now();
    const result = await auth.signIn({
      username: 'alice',
      password: 'Password1!',
      flow: 'USER_PASSWORD_AUTH',
    });
    expect(result.isErr() && result.error).toMatchObject({ type: 'Network', retryable: true });
    expect(seen.length).toBeGreaterThanOrEqual(1);
    // Well below the 30 s default: the configured limit was applied (attempts plus backoff).
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('ends identity credentials against a silent endpoint with a retryable Network error too (IdentityPool)', async () => {
    const pool = unwrap(
      IdentityPool.create({
        identityPoolId: 'eu-west-1:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d',
        endpoint,
        timeoutMs: 100,
      }),
    );
    const before = seen.length;
    const started = Date.now();
    const result = await pool.getGuestCredentials();
    expect(result.isErr() && result.error).toMatchObject({ type: 'Network', retryable: true });
    expect(seen.length).toBeGreaterThan(before);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('rejects a timeoutMs that is not a positive number with InvalidConfig', () => {
    const created = AuthClient.create({ userPoolId: 'eu-west-1_AbC123', clientId: 'client1', timeoutMs: -1 });
    expect(created.isErr() && created.error.type).toBe('InvalidConfig');
    const pool = IdentityPool.create({
      identityPoolId: 'eu-west-1:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d',
      timeoutMs: 0,
    });
    expect(pool.isErr() && pool.error.type).toBe('InvalidConfig');
  });
});
