import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A running redis-server on loopback. */
export interface RedisServer {
  readonly url: string;
  readonly port: number;
  /** The PID of the current server process (a new one after `restart`). */
  pid(): number;
  /** Stops the server by its PID (SIGTERM; append-only file flushed) and starts it again on the same port and data. */
  restart(options?: { downMs?: number }): Promise<void>;
  /** Stops the server by its PID and removes its data directory. */
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Answers whether `redis-server` can be started here. */
export async function redisAvailable(command = 'redis-server'): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = spawn(command, ['--version'], { stdio: 'ignore' });
    probe.once('error', () => resolve(false));
    probe.once('exit', (code) => resolve(code === 0));
  });
}

/** Resolves once a PING on `port` is answered with PONG. */
async function waitUntilUp(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited early with code ${child.exitCode}`);
    const pong = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => socket.write('PING\r\n'));
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('+PONG'));
      });
      socket.once('error', () => resolve(false));
      socket.setTimeout(500, () => {
        socket.destroy();
        resolve(false);
      });
    });
    if (pong) return;
    await sleep(50);
  }
  throw new Error(`redis-server did not answer on port ${port} within ${timeoutMs} ms`);
}

/**
 * Starts Debian's `redis-server` on 127.0.0.1 on a free port, with its data (an append-only file, fsynced on
 * every write, so a restart keeps it) in a temporary directory; stops it by PID.
 *
 * @example
 * ```ts
 * const redis = await startRedis();
 * try { … redis.url … } finally { await redis.stop(); }
 * ```
 */
export async function startRedis(options: { command?: string } = {}): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'cognito-flow-redis-'));
  let child: ChildProcess;
  const launch = async () => {
    const started = spawn(
      options.command ?? 'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--save',
        '',
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--protected-mode',
        'yes',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    await new Promise<void>((resolve, reject) => {
      started.once('spawn', resolve);
      started.once('error', reject);
    });
    child = started;
    try {
      await waitUntilUp(port, started, 15_000);
    } catch (error) {
      started.kill('SIGKILL');
      throw error;
    }
  };
  const halt = async () => {
    const current = child;
    if (current.exitCode !== null || current.pid === undefined) return;
    const exited = new Promise<void>((resolve) => current.once('exit', () => resolve()));
    process.kill(current.pid, 'SIGTERM');
    const timer = setTimeout(
      () => current.exitCode === null && current.pid && process.kill(current.pid, 'SIGKILL'),
      5000,
    );
    await exited;
    clearTimeout(timer);
  };
  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    pid: () => child.pid ?? -1,
    async restart({ downMs = 0 } = {}) {
      await halt();
      await sleep(downMs);
      await launch();
    },
    async stop() {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
