import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CountingProxy, startCountingProxy } from '../../bench/support/counting-proxy.js';
import { decodeIdToken } from '../../src/index.js';
import { redisTokenStore } from '../../src/redis/index.js';
import { NEW_PASSWORD, signedInUser, stack } from './clients.js';
import { redisUrl } from './fleet/backends.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const HOUR = 3600_000;

/** Starts one process of examples/fleet-redis/main.ts; resolves with its URL once it listens. */
function startProcess(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=cognito-flow-source', 'examples/fleet-redis/main.ts'],
    {
      cwd: root,
      env: { ...process.env, ...env, PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const port = /listening on (\d+)/.exec(out)?.[1];
      if (port) resolve({ child, url: `http://127.0.0.1:${port}` });
    });
    child.once('exit', (code) => reject(new Error(`fleet-redis exited with ${code}\n${err}`)));
  });
}

describe.skipIf(!stack || !redisUrl)(
  'examples/fleet-redis: an Express service on two processes sharing Redis',
  () => {
    const s = stack as NonNullable<typeof stack>;
    let proxy: CountingProxy;
    const processes: { child: ChildProcess; url: string }[] = [];

    beforeAll(async () => {
      proxy = await startCountingProxy(s.endpoint);
      const env = {
        REDIS_URL: redisUrl ?? '',
        COGNITO_ENDPOINT: proxy.url,
        COGNITO_REGION: s.region,
        COGNITO_USER_POOL_ID: s.userPoolId,
        COGNITO_CLIENT_ID: s.clientId,
        // Both processes live two hours ahead: tokens signed in by this test have expired for them.
        CLOCK_OFFSET_MS: String(2 * HOUR),
        COGNITO_REFRESH_OPERATION: 'REFRESH_TOKEN_AUTH', // moto's GetTokensFromRefreshToken answers HTTP 500
      };
      processes.push(...(await Promise.all([startProcess(env), startProcess(env)])));
    }, 60_000);

    afterAll(async () => {
      for (const { child } of processes) child.kill('SIGTERM');
      await proxy?.close();
    });

    it('a user who signs in through one process is served by the other (the session lives in Redis)', async () => {
      const a = processes[0] as { url: string };
      const b = processes[1] as { url: string };
      const user = await signedInUser(s, 'fleet-example');
      proxy.take();
      const login = await fetch(`${a.url}/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: user.username, password: NEW_PASSWORD }),
      });
      expect(login.status).toBe(200);
      const { sid } = (await login.json()) as { sid: string };
      const me = await fetch(`${b.url}/me`, { headers: { 'x-session-id': sid } });
      expect(me.status).toBe(200);
      const sub = decodeIdToken(user.tokens.idToken)._unsafeUnwrap().sub;
      expect(((await me.json()) as { sub: string }).sub).toBe(sub);
      expect(proxy.take().byOperation).toEqual({ InitiateAuth: 1 }); // the sign-in; no refresh
    });

    it('50 concurrent GET /me across both processes for an expired session: both answer, with one refresh between them', async () => {
      const user = await signedInUser(s, 'fleet-expired');
      const sid = randomBytes(16).toString('hex');
      const redis = createClient({ url: redisUrl ?? '' });
      await redis.connect();
      await redisTokenStore(redis).set(`session:${sid}`, user.tokens);
      await redis.quit();
      proxy.take();
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          fetch(`${processes[i % 2]?.url}/me`, { headers: { 'x-session-id': sid } }).then(async (r) => ({
            status: r.status,
            body: (await r.json()) as { sub?: string; pid?: number },
          })),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(50).fill(200));
      expect(new Set(answers.map((a) => a.body.sub)).size).toBe(1);
      expect(new Set(answers.map((a) => a.body.pid)).size).toBe(2);
      // One refresh for the fleet, by one session (REFRESH_TOKEN_AUTH is an InitiateAuth).
      expect(proxy.take().byOperation).toEqual({ InitiateAuth: 1 });
    });

    it('an unknown session id is a 401, a malformed one too', async () => {
      const a = processes[0] as { url: string };
      const unknown = await fetch(`${a.url}/me`, {
        headers: { 'x-session-id': randomBytes(16).toString('hex') },
      });
      expect(unknown.status).toBe(401);
      const malformed = await fetch(`${a.url}/me`, { headers: { 'x-session-id': '../../etc' } });
      expect(malformed.status).toBe(401);
    });
  },
);
