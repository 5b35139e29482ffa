import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { AuthClient } from '../../../src/index.js';

/** A loopback HTTP server that answers every request with `handler`. */
async function serve(handler: Parameters<typeof createServer>[1]): Promise<{ url: string; server: Server }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

let running: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (running ? running.close(resolve) : resolve(undefined)));
  running = undefined;
});

async function signInAgainst(url: string) {
  const auth = AuthClient.create({
    userPoolId: 'us-east-1_AbC123',
    clientId: 'client1',
    endpoint: url,
  })._unsafeUnwrap();
  return auth.signIn({ username: 'alice', password: 'Hunter2-Correct!', flow: 'USER_PASSWORD_AUTH' });
}

describe('the SDK seam over real HTTP (loopback server)', () => {
  it('turns an HTML 500 page into a retryable Unexpected error naming the status, not a throw', async () => {
    const { url, server } = await serve((_, res) => {
      res.writeHead(500, { 'content-type': 'text/html' });
      res.end('<html><body><h1>Internal Server Error</h1></body></html>');
    });
    running = server;
    const error = (await signInAgainst(url))._unsafeUnwrapErr();
    expect(error.type).toBe('Unexpected');
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('HTTP 500');
  }, 20_000);

  it("reads Cognito's JSON error body (__type) into the typed error with its request id", async () => {
    const { url, server } = await serve((_, res) => {
      res.writeHead(400, {
        'content-type': 'application/x-amz-json-1.1',
        'x-amzn-requestid': 'req-from-server',
        'x-amzn-errortype': 'NotAuthorizedException',
      });
      res.end(
        JSON.stringify({ __type: 'NotAuthorizedException', message: 'Incorrect username or password.' }),
      );
    });
    running = server;
    const error = (await signInAgainst(url))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'NotAuthorized', requestId: 'req-from-server', retryable: false });
    expect(error.message).toBe('Incorrect username or password.');
  });

  it('turns a connection reset mid-request into a retryable Network error', async () => {
    const { url, server } = await serve((req) => {
      req.socket.destroy();
    });
    running = server;
    const auth = AuthClient.create({
      userPoolId: 'us-east-1_AbC123',
      clientId: 'client1',
      endpoint: url,
    })._unsafeUnwrap();
    const error = (
      await auth.signIn({ username: 'alice', password: 'Hunter2-Correct!', flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrapErr();
    expect(error.type).toBe('Network');
    expect(error.retryable).toBe(true);
  }, 30_000);

  it('turns a refused connection into a retryable Network error', async () => {
    const error = (await signInAgainst('http://127.0.0.1:9'))._unsafeUnwrapErr();
    expect(error.type).toBe('Network');
    expect(error.retryable).toBe(true);
  }, 30_000);
});
