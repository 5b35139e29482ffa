import type { TestProject } from 'vitest/node';
import { type MotoServer, motoAvailable, startMoto } from '../../examples/support/moto-server.js';
import { provisionStack, type Stack } from '../../examples/support/provision.js';
import { type RedisServer, redisAvailable, startRedis } from '../../examples/support/redis-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The provisioned stack on a running moto server, or null when moto_server is absent (outside CI). */
    stack: Stack | null;
    /** A running redis-server's URL (redis://127.0.0.1:port), or null when redis-server is absent (outside CI). */
    redisUrl: string | null;
  }
}

let moto: MotoServer | undefined;
let redis: RedisServer | undefined;

/** Starts redis-server on loopback for the Redis stores, or says loudly why their tests are skipped. */
async function setUpRedis(project: TestProject): Promise<void> {
  if (await redisAvailable()) {
    redis = await startRedis();
    project.provide('redisUrl', redis.url);
    return;
  }
  if (process.env.CI === 'true') {
    throw new Error(
      'redis-server is not installed: the Redis store tests must run in CI (apt-get install redis-server)',
    );
  }
  console.warn(
    '\n!! redis-server not found: the Redis store tests are SKIPPED (apt-get install redis-server).\n',
  );
  project.provide('redisUrl', null);
}

/** Starts moto_server on loopback, resets it and provisions the story's pools; stops it by PID afterwards. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  await setUpRedis(project);
  if (!(await motoAvailable())) {
    if (process.env.CI === 'true') {
      throw new Error(
        'moto_server is not installed: the integration suite must run in CI (pip install "moto[server]==5.2.1")',
      );
    }
    const bar = '!'.repeat(78);
    console.warn(
      `\n${bar}\n!! moto_server not found: the integration suite is SKIPPED.\n!! Install it (pip install "moto[server]==5.2.1") to run it.\n${bar}\n`,
    );
    project.provide('stack', null);
    return async () => {
      await redis?.stop();
    };
  }
  moto = await startMoto();
  await moto.reset();
  project.provide('stack', await provisionStack(moto.url));
  return async () => {
    await moto?.stop();
    await redis?.stop();
  };
}
