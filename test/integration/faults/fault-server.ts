import { createServer, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * What the server does with one request instead of forwarding it:
 * - `reset`: reads the whole request, then destroys the connection (the request was sent; no answer);
 * - `html500`: answers HTTP 500 with an HTML page, as a load balancer or proxy does;
 * - `throttle`: answers HTTP 400 `TooManyRequestsException`, as Cognito throttles;
 * - `bare429`: answers HTTP 429 with an empty body, as an API gateway or WAF does;
 * - `lostAnswer`: forwards the request (moto processes it), then destroys the connection instead of answering;
 * - `usedSession`: answers as Cognito does for a session already used: 400 `NotAuthorizedException`
 *   "Invalid session for the user, session is expired." (moto keeps sessions usable);
 * - `{ delayMs }`: waits, then forwards (past the client's time limit, the client gives up first).
 */
export type Fault =
  | 'reset'
  | 'html500'
  | 'throttle'
  | 'bare429'
  | 'lostAnswer'
  | 'usedSession'
  | { readonly delayMs: number };

/** A local HTTP server in front of moto that misbehaves on demand and counts what it saw. */
export interface FaultServer {
  readonly url: string;
  /** The next requests of `operation` (X-Amz-Target's last part) meet these faults, in order; then it forwards. */
  fail(operation: string, ...faults: Fault[]): void;
  /** Requests seen since the last `take()`, by operation (faulted ones included), and resets the count. */
  take(): Record<string, number>;
  /** Every request body seen so far (to prove what was sent). */
  readonly bodies: readonly string[];
  /** Stops listening and drops every open connection: the port goes away. */
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Where a forwarded answer goes: the client's response, or nowhere (a lost answer). */
interface AnswerSink {
  writeHead(status: number, headers: Record<string, string>): { end(text: string): unknown };
}

async function forward(upstream: string, request: IncomingMessage, body: string, response: AnswerSink) {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name)) {
      headers[name] = value;
    }
  }
  const answer = await fetch(new URL(request.url ?? '/', upstream), {
    method: request.method ?? 'POST',
    headers,
    ...(request.method === 'GET' || request.method === 'HEAD' ? {} : { body }),
  });
  const text = await answer.text();
  const out: Record<string, string> = {};
  answer.headers.forEach((value, name) => {
    if (!['content-length', 'content-encoding', 'transfer-encoding', 'connection'].includes(name)) {
      out[name] = value;
    }
  });
  response.writeHead(answer.status, out).end(text);
}

/**
 * Starts a fault server on 127.0.0.1 on a free port, forwarding to `upstream` (a moto URL).
 *
 * @example
 * ```ts
 * const server = await startFaultServer(stack.endpoint);
 * server.fail('RespondToAuthChallenge', 'reset');
 * ```
 */
export async function startFaultServer(upstream: string): Promise<FaultServer> {
  const faults = new Map<string, Fault[]>();
  let seen: Record<string, number> = {};
  const bodies: string[] = [];
  const sockets = new Set<Socket>();

  const server = createServer(async (request, response) => {
    try {
      const body = await readBody(request);
      bodies.push(body);
      const target = request.headers['x-amz-target'];
      const operation = typeof target === 'string' ? (target.split('.').pop() ?? '') : '';
      seen[operation] = (seen[operation] ?? 0) + 1;
      const fault = faults.get(operation)?.shift();
      if (fault === 'reset') {
        request.socket.destroy();
      } else if (fault === 'html500') {
        response
          .writeHead(500, { 'content-type': 'text/html' })
          .end('<html><body><h1>500 Internal Server Error</h1></body></html>');
      } else if (fault === 'throttle') {
        response
          .writeHead(400, {
            'content-type': 'application/x-amz-json-1.1',
            'x-amzn-requestid': 'throttled-request',
          })
          .end(JSON.stringify({ __type: 'TooManyRequestsException', message: 'Too many requests' }));
      } else if (fault === 'bare429') {
        response.writeHead(429).end();
      } else if (fault === 'lostAnswer') {
        await forward(upstream, request, body, { writeHead: () => ({ end: () => undefined }) });
        request.socket.destroy();
      } else if (fault === 'usedSession') {
        response.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' }).end(
          JSON.stringify({
            __type: 'NotAuthorizedException',
            message: 'Invalid session for the user, session is expired.',
          }),
        );
      } else {
        if (fault) await sleep(fault.delayMs);
        // A client that gave up has closed the connection: its request is not forwarded late.
        if (!request.socket.destroyed) await forward(upstream, request, body, response);
      }
    } catch {
      if (!response.headersSent) response.writeHead(502).end();
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    fail(operation, ...more) {
      faults.set(operation, [...(faults.get(operation) ?? []), ...more]);
    },
    take() {
      const snapshot = seen;
      seen = {};
      return snapshot;
    },
    bodies,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
