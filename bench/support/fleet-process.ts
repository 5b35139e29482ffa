import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import type { WorkerConfig, WorkerResult } from './fleet-worker.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** A fleet worker process (bench/support/fleet-worker.ts) under the parent's control. */
export interface FleetProcess {
  readonly child: ChildProcess;
  /** Resolves once the worker has restored its sessions. */
  readonly ready: Promise<void>;
  /** Tells the worker to start its calls. */
  go(): void;
  /** The worker's result line (rejects when it exits without one). */
  readonly result: Promise<WorkerResult>;
}

let bundled: string | undefined;

/** The worker bundled once into one ESM file: eight processes start in a second instead of eight tsx compiles. */
function workerBundle(): string {
  if (bundled) return bundled;
  const out = join(mkdtempSync(join(tmpdir(), 'cognito-flow-fleet-')), 'fleet-worker.mjs');
  buildSync({
    entryPoints: [join(root, 'bench/support/fleet-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: out,
    conditions: ['cognito-flow-source'],
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    logLevel: 'silent',
  });
  bundled = out;
  return out;
}

/**
 * Spawns a fleet worker with `config` (Node with tsx, the package's sources).
 *
 * @example
 * ```ts
 * const worker = spawnFleetProcess(config);
 * await worker.ready; worker.go(); console.log(await worker.result);
 * ```
 */
export function spawnFleetProcess(config: WorkerConfig): FleetProcess {
  const child = spawn(process.execPath, [workerBundle(), JSON.stringify(config)], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  let stdout = '';
  let stderr = '';
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    onReady = resolve;
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes('ready\n')) onReady();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const result = new Promise<WorkerResult>((resolve, reject) => {
    child.once('close', (code, signal) => {
      const line = stdout.split('\n').find((l) => l.startsWith('result '));
      if (line) resolve(JSON.parse(line.slice('result '.length)) as WorkerResult);
      else reject(new Error(`fleet worker exited (${code ?? signal}) without a result\n${stderr}`));
    });
  });
  return {
    child,
    ready: Promise.race([
      ready,
      result.then(() => {
        throw new Error('fleet worker ended before it was ready');
      }),
    ]),
    go: () => child.stdin?.write('go\n'),
    result,
  };
}
