import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TokenVerifier } from '../../../src/verify/index.js';
import { clientId, idClaims, localPool, userPoolId } from './local-pool.js';

const pool = localPool('pool-key');
/** Another party's keys under the same kid: what a redirect to another origin would hand over. */
const attacker = localPool('pool-key');

interface Listening {
  readonly url: string;
  requests: number;
  close(): Promise<void>;
}

async function listen(
  handler: (
    path: string,
    respond: (status: number, body?: string, headers?: Record<string, string>) => void,
  ) => void,
): Promise<Listening> {
  const state = { requests: 0 };
  const server: Server = createServer((request, response) => {
    state.requests += 1;
    handler(request.url ?? '', (status, body, headers = {}) => response.writeHead(status, headers).end(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    get requests() {
      return state.requests;
    },
    set requests(n: number) {
      state.requests = n;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let failing: Listening;
let evil: Listening;
let origin: Listening;

beforeAll(async () => {
  failing = await listen((path, respond) =>
    path === '/html-200'
      ? respond(200, '<html>maintenance</html>', { 'content-type': 'text/html' })
      : respond(503, '<html>down</html>', { 'content-type': 'text/html' }),
  );
  evil = await listen((_path, respond) =>
    respond(200, JSON.stringify(attacker.jwks), { 'content-type': 'application/json' }),
  );
  origin = await listen((path, respond) => {
    if (path === '/elsewhere') respond(302, '', { location: `${evil.url}/jwks.json` });
    else if (path === '/moved') respond(301, '', { location: '/jwks.json' });
    else if (path === '/huge')
      respond(200, JSON.stringify({ keys: [], pad: 'x'.repeat(200_000) }), {
        'content-type': 'application/json',
      });
    else respond(200, JSON.stringify(pool.jwks), { 'content-type': 'application/json' });
  });
});
afterAll(async () => {
  await Promise.all([failing.close(), evil.close(), origin.close()]);
});
beforeEach(() => {
  failing.requests = 0;
  evil.requests = 0;
  origin.requests = 0;
});

const verifierFor = (jwks: string) =>
  TokenVerifier.create({ userPoolId, clientId, jwks, jwksTimeoutMs: 1000 })._unsafeUnwrap();

describe('JWKS fetches', () => {
  it('a failing JWKS endpoint is fetched once for 101 verifications during an outage (regression: 101 fetches)', async () => {
    const verifier = verifierFor(`${failing.url}/jwks.json`);
    const token = pool.sign(idClaims());
    const first = await verifier.verifyIdToken(token);
    expect(first.isErr()).toBe(true);
    const results = await Promise.all(Array.from({ length: 100 }, () => verifier.verifyIdToken(token)));
    for (const result of [first, ...results])
      expect(result._unsafeUnwrapErr().type).toBe(first._unsafeUnwrapErr().type);
    expect(failing.requests).toBe(1);
  });

  it('an HTML page served with status 200 counts as a failure and is backed off too (1 fetch for 101 verifications)', async () => {
    const verifier = verifierFor(`${failing.url}/html-200`);
    const token = pool.sign(idClaims());
    const results = await Promise.all(Array.from({ length: 101 }, () => verifier.verifyIdToken(token)));
    expect(results.every((result) => result.isErr())).toBe(true);
    expect(failing.requests).toBe(1);
  });

  it("a redirect to another origin is not followed: the other party's keys are never used", async () => {
    const verifier = verifierFor(`${origin.url}/elsewhere`);
    const forged = attacker.sign(idClaims());
    const result = await verifier.verifyIdToken(forged);
    expect(result.isErr()).toBe(true);
    expect(evil.requests).toBe(0);
  });

  it("a redirect within the same origin is followed, and the pool's own tokens verify", async () => {
    const verifier = verifierFor(`${origin.url}/moved`);
    expect((await verifier.verifyIdToken(pool.sign(idClaims()))).isOk()).toBe(true);
    expect(origin.requests).toBe(2);
  });

  it('a JWKS body over 64 kB is refused, not parsed', async () => {
    const verifier = verifierFor(`${origin.url}/huge`);
    expect((await verifier.verifyIdToken(pool.sign(idClaims()))).isErr()).toBe(true);
  });
});
