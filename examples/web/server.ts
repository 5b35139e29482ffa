import { createServer, type Server } from 'node:http';
import type { Stack } from '../support/provision.js';
import { type BuiltPage, buildPage, pageHtml } from './build.js';
import type { WebConfig } from './src/config.js';

/** The web example, served on loopback. */
export interface WebExample {
  readonly url: string;
  /** What was built and served (the test checks the bundle's contents and size). */
  readonly page: BuiltPage;
  readonly config: WebConfig;
  close(): Promise<void>;
}

/**
 * The page's config from a provisioned stack: the app client WITHOUT a secret (a browser cannot keep one).
 *
 * @example
 * ```ts
 * const config = webConfigFor(await provisionStack(moto.url), DEMO_BUCKET);
 * ```
 */
export function webConfigFor(stack: Stack, bucket?: string): WebConfig {
  return {
    region: stack.region,
    userPoolId: stack.userPoolId,
    clientId: stack.clientId,
    identityPoolId: stack.identityPoolId,
    endpoint: stack.endpoint,
    ...(bucket ? { bucket } : {}),
  };
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
}

/**
 * Builds the page and serves it on 127.0.0.1 (`port`, or a free one) with `config` injected: `/` is the page, `/<name>.js`
 * its scripts; anything else is 404. Cognito, the identity pool and S3 are called by the page directly
 * (moto answers CORS preflights for all of them, so no proxy is needed).
 *
 * @example
 * ```ts
 * const web = await startWebExample(webConfigFor(stack));
 * console.log(web.url);
 * await web.close();
 * ```
 */
export async function startWebExample(
  config: WebConfig,
  options: { port?: number } = {},
): Promise<WebExample> {
  const page = await buildPage();
  const html = pageHtml(page.html, config);
  const scripts = new Map(page.scripts.map((script) => [`/${script.name}`, script.contents]));
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const security = {
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...security, Allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/' || path === '/index.html') {
      response.writeHead(200, { ...security, 'Content-Type': 'text/html; charset=utf-8' }).end(html);
      return;
    }
    const script = scripts.get(path);
    if (script) {
      response.writeHead(200, { ...security, 'Content-Type': 'text/javascript; charset=utf-8' }).end(script);
      return;
    }
    response.writeHead(404, { ...security, 'Content-Type': 'text/plain' }).end('not found');
  });
  const port = await listen(server, options.port ?? 0);
  return {
    url: `http://127.0.0.1:${port}/`,
    page,
    config,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
