import { spawn } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reportFromStdout } from './report.js';
import type { StoryConfig, StoryReport } from './story.js';

/** Where story bundles are written while they run (gitignored, inside the repository). */
export const STORY_DIR = fileURLToPath(new URL('../../.cache/runtimes-story/', import.meta.url));

/** What a runtime printed and reported, and how long the run took from spawn to exit. */
export interface StoryRun {
  /** A script (Bun, Deno) or a worker answering HTTP (workerd). */
  readonly kind: 'script' | 'worker';
  readonly report: StoryReport | undefined;
  /** The script's exit code, or the worker's HTTP status (null when killed by the time limit). */
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly wallMs: number;
}

/** Output kept per stream: a runaway runtime cannot fill the test's memory. */
const MAX_OUTPUT = 1_000_000;

/**
 * Runs `args` of `binary` with `code` written to `<dir>/story.mjs` (its path is the `{story}` argument) and
 * the config as the last argument; kills it (by its pid) after `timeoutMs`.
 */
export async function runScript(
  binary: string,
  args: readonly string[],
  code: string,
  config: StoryConfig,
  timeoutMs: number,
): Promise<StoryRun> {
  const dir = join(STORY_DIR, `${process.pid}-${Date.now().toString(36)}`);
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'story.mjs');
  await writeFile(file, code);
  try {
    const started = performance.now();
    const child = spawn(binary, [...args.map((a) => (a === '{story}' ? file : a)), JSON.stringify(config)], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '', HOME: dir, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      if (stdout.length < MAX_OUTPUT) stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < MAX_OUTPUT) stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const exitCode = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code) => resolve(code));
    }).finally(() => clearTimeout(timer));
    const wallMs = Math.round(performance.now() - started);
    return { kind: 'script', report: reportFromStdout(stdout), status: exitCode, stdout, stderr, wallMs };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
