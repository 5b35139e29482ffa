/**
 * `timeoutMs` reaches cognito-flow/browser's fetch transport: a Cognito endpoint that accepts the
 * connection and never answers ends in a retryable Network error, not a hang.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthClient } from '../../../src/browser/index.js';
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

describe('cognito-flow/browser AuthClient timeoutMs', () => {
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

  it('rejects a timeoutMs that is not a positive number with InvalidConfig', () => {
    const created = AuthClient.create({ userPoolId: 'eu-west-1_AbC123', clientId: 'client1', timeoutMs: -1 });
    expect(created.isErr() && created.error.type).toBe('InvalidConfig');
  });
});
