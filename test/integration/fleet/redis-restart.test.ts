import { afterAll, describe, expect, it } from 'vitest';
import { type RedisServer, startRedis } from '../../../examples/support/redis-server.js';
import { redisRefreshCoordinator, redisTokenStore } from '../../../src/redis/index.js';
import { stack } from '../clients.js';
import { commandClient, redisClient, redisUrl, uniquePrefix } from './backends.js';
import { fleetUser, HOUR } from './fleet-user.js';

describe.skipIf(!stack || !redisUrl)(
  'Redis restarted mid-run (its own redis-server, stopped and started by PID)',
  async () => {
    const server: RedisServer | undefined = stack && redisUrl ? await startRedis() : undefined;
    afterAll(async () => {
      await server?.stop();
    });

    it('while Redis is down an expired session answers a typed TokenStore error within the command timeout; after the restart the same session refreshes once and the stored tokens survived', async () => {
      const s = stack as NonNullable<typeof stack>;
      const redis = server as RedisServer;
      const clientA = await redisClient(redis.url);
      const clientB = await redisClient(redis.url);
      try {
        const prefix = uniquePrefix();
        const options = { prefix, commandTimeoutMs: 500 };
        const user = await fleetUser(s, 'restart');
        const a = user.process(
          redisTokenStore(commandClient(clientA), options),
          redisRefreshCoordinator(commandClient(clientA), options),
        );
        const b = user.process(
          redisTokenStore(commandClient(clientB), options),
          redisRefreshCoordinator(commandClient(clientB), options),
        );
        const sessionA = a.start();
        const saved = (await sessionA.getTokens())._unsafeUnwrap();
        const sessionB = await b.restore();
        const pidBefore = redis.pid();

        const restarting = redis.restart({ downMs: 1500 });
        await new Promise((resolve) => setTimeout(resolve, 200)); // down now
        user.advance(2 * HOUR);
        const started = Date.now();
        const down = await sessionA.getTokens();
        expect(Date.now() - started).toBeLessThan(3000);
        const error = down._unsafeUnwrapErr();
        expect(error.type).toBe('TokenStore');
        expect(error.message).toMatch(/Redis/);
        for (const secret of [saved.refreshToken, saved.accessToken, saved.idToken]) {
          expect(error.message).not.toContain(secret);
        }
        expect(a.counter.take().total).toBe(0); // no refresh without the lease
        await restarting;
        expect(redis.pid()).not.toBe(pidBefore);

        // Back up: node-redis reconnects; the two processes refresh once between them.
        let results = await Promise.all([sessionA.getTokens(), sessionB.getTokens()]);
        for (let i = 0; i < 20 && results.some((r) => r.isErr()); i += 1) {
          await new Promise((resolve) => setTimeout(resolve, 250));
          results = await Promise.all([sessionA.getTokens(), sessionB.getTokens()]);
        }
        const [ra, rb] = results.map((r) => r._unsafeUnwrap());
        expect(ra?.accessToken).toBe(rb?.accessToken);
        expect(ra?.accessToken).not.toBe(saved.accessToken);
        expect(a.counter.take().total + b.counter.take().total).toBe(1);
        const record = await redisRefreshCoordinator(commandClient(clientA), options).read(user.key);
        expect(record?.version).toBe(2); // version 1 (the sign-in's save) survived the restart
      } finally {
        await clientA.quit().catch(() => undefined);
        await clientB.quit().catch(() => undefined);
      }
    }, 60_000);
  },
);
