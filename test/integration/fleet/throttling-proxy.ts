import { createServer, type IncomingMessage } from 'node:http';

/** A loopback proxy in front of moto's DynamoDB that answers throttling errors on demand and counts requests. */
export interface ThrottlingProxy {
  readonly url: string;
  /** The next `count` DynamoDB requests (any operation) are answered HTTP 400 ProvisionedThroughputExceededException. */
  throttle(count: number): void;
  /** Requests seen since the last call, by operation (throttled ones included), and resets the count. */
  take(): Record<string, number>;
  close(): Promise<void>;
}

async function body(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Starts the proxy on 127.0.0.1 (a free port), forwarding to `upstream`.
 *
 * @example
 * ```ts
 * const proxy = await startThrottlingProxy(moto.url);
 * proxy.throttle(2);
 * ```
 */
export async function startThrottlingProxy(upstream: string): Promise<ThrottlingProxy> {
  let throttled = 0;
  let counts: Record<string, number> = {};
  const server = createServer((request, response) => {
    void (async () => {
      const target = String(request.headers['x-amz-target'] ?? '');
      const operation = target.split('.').pop() || `${request.method} ${request.url}`;
      counts[operation] = (counts[operation] ?? 0) + 1;
      const received = await body(request);
      if (throttled > 0 && target.startsWith('DynamoDB_')) {
        throttled -= 1;
        const answer = JSON.stringify({
          __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
          message: 'The level of configured provisioned throughput for the table was exceeded.',
        });
        response.writeHead(400, {
          'content-type': 'application/x-amz-json-1.0',
          'content-length': String(answer.length),
        });
        response.end(answer);
        return;
      }
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined && !['host', 'connection', 'content-length'].includes(name)) {
          headers[name] = Array.isArray(value) ? value.join(', ') : value;
        }
      }
      const answer = await fetch(`${upstream}${request.url ?? '/'}`, {
        method: request.method ?? 'POST',
        headers,
        ...(received.length > 0 ? { body: new Uint8Array(received) } : {}),
      });
      const payload = Buffer.from(await answer.arrayBuffer());
      const out: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        if (!['connection', 'content-length', 'content-encoding', 'transfer-encoding'].includes(name))
          out[name] = value;
      });
      response.writeHead(answer.status, { ...out, 'content-length': String(payload.length) });
      response.end(payload);
    })().catch(() => {
      response.writeHead(502);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    throttle(count) {
      throttled = count;
    },
    take() {
      const snapshot = counts;
      counts = {};
      return snapshot;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
