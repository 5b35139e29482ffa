import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** What {@link timeChild} measured. */
export interface ChildRun {
  /** Wall time from spawn to exit, in ms (process start-up and shut-down included). */
  readonly wallMs: number;
  /** The child's stdout. */
  readonly stdout: string;
}

/**
 * Runs `command args` to completion and times it from spawn to exit; rejects (with the child's stderr)
 * when it exits non-zero.
 *
 * @example
 * ```ts
 * const run = await timeChild(process.execPath, ['-e', '0']);
 * console.log(run.wallMs);
 * ```
 */
export function timeChild(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.once('error', reject);
    child.once('close', (code) => {
      const wallMs = performance.now() - started;
      if (code === 0) resolve({ wallMs, stdout });
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}\n${stderr}`));
    });
  });
}
