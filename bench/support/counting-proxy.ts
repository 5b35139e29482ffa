import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

/** Requests counted by operation (the `X-Amz-Target` suffix, or `METHOD /path` for other requests). */
export interface RequestCount {
  readonly total: number;
  readonly byOperation: Readonly<Record<string, number>>;
}

/** Hooks that let a proxy paper over a local server's gaps without adding or removing requests. */
export interface ProxyHooks {
  /** Rewrites a request body before it is forwarded. */
  readonly request?: (operation: string, body: Buffer) => Buffer;
  /** Sees (and may rewrite) each answer's body. */
  readonly response?: (operation: string, body: Buffer) => Buffer;
}

/** A loopback reverse proxy in front of a local server that counts every request it forwards. */
export interface CountingProxy {
  /** The URL clients use as their endpoint. */
  readonly url: string;
  /** Requests since the last `take()`, and resets the count. */
  take(): RequestCount;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'host']);

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function operationOf(request: IncomingMessage): string {
  const target = request.headers['x-amz-target'];
  const value = Array.isArray(target) ? target[0] : target;
  return value?.split('.').pop() ?? `${request.method} ${request.url?.split('?')[0]}`;
}

/**
 * Starts a proxy on 127.0.0.1 that forwards every request to `upstream` and counts it — whatever the client
 * (AWS SDK, fetch, amazon-cognito-identity-js, Amplify), retries included, since it sees the wire.
 *
 * @example
 * ```ts
 * const proxy = await startCountingProxy(moto.url);
 * await auth.signIn(...); // configured with endpoint: proxy.url
 * proxy.take(); // { total: 1, byOperation: { InitiateAuth: 1 } }
 * ```
 */
export async function startCountingProxy(upstream: string, hooks: ProxyHooks = {}): Promise<CountingProxy> {
  let counts: Record<string, number> = {};
  const forward = async (request: IncomingMessage, response: ServerResponse) => {
    const operation = operationOf(request);
    counts[operation] = (counts[operation] ?? 0) + 1;
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value === undefined || HOP_BY_HOP.has(name)) continue;
      headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const received = await readBody(request);
    const body = hooks.request ? hooks.request(operation, received) : received;
    const answer = await fetch(`${upstream}${request.url ?? '/'}`, {
      method: request.method ?? 'GET',
      headers,
      ...(body.length > 0 ? { body: new Uint8Array(body) } : {}),
    });
    const answered = Buffer.from(await answer.arrayBuffer());
    const payload = hooks.response ? hooks.response(operation, answered) : answered;
    const out: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!HOP_BY_HOP.has(name) && name !== 'content-encoding') out[name] = value;
    });
    response.writeHead(answer.status, { ...out, 'content-length': String(payload.length) });
    response.end(payload);
  };
  const server = createServer((request, response) => {
    forward(request, response).catch((error: unknown) => {
      response.writeHead(502, { 'content-type': 'text/plain' });
      response.end(`counting proxy: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    take() {
      const snapshot = counts;
      counts = {};
      return { total: Object.values(snapshot).reduce((a, b) => a + b, 0), byOperation: snapshot };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
