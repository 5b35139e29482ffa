import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
/** The built `cognito-flow` binary (package.json "bin"). */
/**
 * The flags naming a user pool and its app client on a local Cognito (moto), as every command takes them.
 */
export function poolFlags(userPoolId: string, clientId: string, endpoint: string): string[] {
  return ['--user-pool-id', userPoolId, '--client-id', clientId, '--endpoint', endpoint];
}

export const CLI = `${root}dist/cli/main.js`;
const PTY_DRIVER = fileURLToPath(new URL('./pty-driver.py', import.meta.url));

function newestSourceTime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    newest = Math.max(newest, entry.isDirectory() ? newestSourceTime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds dist/ with tsup when dist/cli/main.js is missing or older than the CLI's sources (src/cli/**),
 * package.json or tsup.config.ts. `npm test` builds before vitest, so this only runs when working on the
 * CLI; library changes elsewhere in src/ are covered by their own tests and the next full build.
 */
export function ensureBuiltCli(): void {
  const newest = Math.max(
    newestSourceTime(`${root}src/cli`),
    statSync(`${root}package.json`).mtimeMs,
    statSync(`${root}tsup.config.ts`).mtimeMs,
  );
  if (existsSync(CLI) && statSync(CLI).mtimeMs >= newest) return;
  const built = spawnSync('npx', ['tsup'], { cwd: root, encoding: 'utf8', timeout: 600_000 });
  if (built.status !== 0) {
    throw new Error(
      `tsup failed (${built.signal ?? `exit ${built.status}`}):\n${built.stdout}\n${built.stderr}`,
    );
  }
}

/** The environment the CLI runs with: the test's own, minus anything that would answer for it. */
export function cliEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && !key.startsWith('COGNITO_')) env[key] = value;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

/** What a run of the CLI produced. */
export interface CliRun {
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly timedOut: boolean;
}

/**
 * Runs the CLI with piped stdio. `stdin` is written and closed when given; otherwise stdin stays open
 * and is never written (a script's stdin that never ends), so a prompt would hang until `timeoutMs`.
 */
export function runCli(
  args: readonly string[],
  options: { env?: Record<string, string>; stdin?: string; timeoutMs?: number } = {},
): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: options.env ?? cliEnv(), stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 20_000);
    if (options.stdin !== undefined) child.stdin.end(options.stdin);
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      child.stdin.destroy();
      resolve({ exitCode, stdout, stderr, timedOut });
    });
  });
}

/**
 * A step of a terminal session: wait for `expect` (a regex) on the terminal, then type `send` — or, as an
 * authenticator app would, the current TOTP code (and Enter) for `totpSecret`, or for the secret captured
 * by the first group of `expect` when `totpFromMatch` is set.
 */
export type PtyStep =
  | { readonly expect: string; readonly send: string }
  | { readonly expect: string; readonly totpSecret: string }
  | { readonly expect: string; readonly totpFromMatch: true };

/** What a terminal session produced: everything shown on the terminal, and stdout (a pipe) apart. */
export interface PtyRun {
  readonly exitCode: number | null;
  readonly terminal: string;
  readonly stdout: string;
  readonly timedOut: boolean;
  readonly pendingStep: string | null;
}

/**
 * Runs the CLI with stdin and stderr on a pseudo-terminal (python3's pty module), answering prompts as a
 * user would type them; stdout stays a pipe, as in `cognito-flow sign-in > tokens.json`.
 */
export function runCliInPty(
  args: readonly string[],
  steps: readonly PtyStep[],
  options: { env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<PtyRun> {
  return new Promise((resolve, reject) => {
    const driver = spawn('python3', [PTY_DRIVER], { stdio: ['pipe', 'pipe', 'inherit'] });
    let output = '';
    driver.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    driver.on('error', reject);
    driver.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`pty driver exited with ${code}`));
        return;
      }
      resolve(JSON.parse(output) as PtyRun);
    });
    driver.stdin.end(
      JSON.stringify({
        argv: [process.execPath, CLI, ...args],
        env: options.env ?? cliEnv(),
        steps,
        timeoutMs: options.timeoutMs ?? 20_000,
      }),
    );
  });
}
