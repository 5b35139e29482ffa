/**
 * `timeoutMs` reaches the SDK client cognito-flow/identity builds: an endpoint that accepts the connection
 * and never answers ends in a retryable Network error, not a hang (nor the SDK's default of no time limit).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdentityPool } from '../../../src/identity/index.js';
import { unwrap } from '../../support/unwrap.js';

let server: Server;
let endpoint = '';
let requests = 0;

beforeAll(async () => {
  // Reads each request and never answers it.
  server = createServer((request) => {
    requests += 1;
    request.resume();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('IdentityPool timeoutMs (SDK client)', () => {
  it('ends guest credentials against a silent endpoint with a retryable Network error after each attempt times out', async () => {
    const pool = unwrap(
      IdentityPool.create({
        identityPoolId: 'eu-west-1:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d',
        endpoint,
        timeoutMs: 100,
      }),
    );
    const started = Date.now();
    const result = await pool.getGuestCredentials();
    expect(result.isErr() && result.error).toMatchObject({ type: 'Network', retryable: true });
    expect(requests).toBeGreaterThanOrEqual(1);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('rejects a timeoutMs that is not a whole positive number of ms with InvalidConfig', () => {
    for (const timeoutMs of [0, -5, 1.5, Number.NaN]) {
      const pool = IdentityPool.create({
        identityPoolId: 'eu-west-1:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d',
        timeoutMs,
      });
      expect(pool.isErr() && pool.error.type).toBe('InvalidConfig');
    }
  });

  it('accepts undefined for every optional field (e.g. endpoint: process.env.X when it is unset)', () => {
    const pool = IdentityPool.create({
      identityPoolId: 'eu-west-1:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d',
      endpoint: undefined,
      region: undefined,
      timeoutMs: undefined,
    });
    expect(pool.isOk()).toBe(true);
  });
});
