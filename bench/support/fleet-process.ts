import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
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
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--conditions=cognito-flow-source',
      'bench/support/fleet-worker.ts',
      JSON.stringify(config),
    ],
    {
      cwd: root,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    },
  );
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
