/**
 * Cold import benchmark: how long a fresh Node process takes to `await import(x)` each entry, for
 * cognito-flow's built entries (dist/, ESM) and the peers: amazon-cognito-identity-js, aws-amplify with
 * aws-amplify/auth, and the AWS SDK's user-pool client alone (the floor of any SDK-based client).
 *
 * Every sample is a new `node` process (module cache empty; the OS file cache warm after one warm-up
 * round). The child times its own `await import()` with performance.now(); the parent times the whole
 * process from spawn to exit. Rounds interleave the contenders, rotating their order.
 *
 *   npm run bench:cold-import       # COLD_IMPORT_RUNS=15 by default
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { timeChild } from './support/child-process.js';
import { machineLine } from './support/machine.js';
import { median, pairedRatio, quantile, rotation } from './support/stats.js';
import { printTable } from './support/table.js';

const RUNS = Number(process.env.COLD_IMPORT_RUNS ?? 15);
const ROOT = fileURLToPath(new URL('..', import.meta.url));

interface Contender {
  readonly name: string;
  /** Specifiers imported one after the other, as an app needing all of them would. */
  readonly specifiers: readonly string[];
  readonly importMs: number[];
  readonly wallMs: number[];
}

const contenders: Contender[] = [
  { name: 'node (no import)', specifiers: [] },
  {
    name: '@aws-sdk/client-cognito-identity-provider (floor)',
    specifiers: ['@aws-sdk/client-cognito-identity-provider'],
  },
  { name: 'cognito-flow', specifiers: ['cognito-flow'] },
  { name: 'cognito-flow/identity', specifiers: ['cognito-flow/identity'] },
  {
    name: '@aws-sdk/client-cognito-identity (identity floor)',
    specifiers: ['@aws-sdk/client-cognito-identity'],
  },
  { name: 'cognito-flow/browser', specifiers: ['cognito-flow/browser'] },
  { name: 'amazon-cognito-identity-js', specifiers: ['amazon-cognito-identity-js'] },
  { name: 'aws-amplify + aws-amplify/auth', specifiers: ['aws-amplify', 'aws-amplify/auth'] },
].map((c) => ({ ...c, importMs: [], wallMs: [] }));

/** The child's program: import each specifier in turn, print the time it took. */
function childScript(specifiers: readonly string[]): string {
  const imports = specifiers.map((s) => `await import(${JSON.stringify(s)});`).join(' ');
  return `const t0 = performance.now(); ${imports} const ms = performance.now() - t0; process.stdout.write(String(ms));`;
}

async function runOnce(contender: Contender): Promise<void> {
  const run = await timeChild(
    process.execPath,
    ['--input-type=module', '-e', childScript(contender.specifiers)],
    { cwd: ROOT },
  );
  const importMs = Number(run.stdout);
  if (!Number.isFinite(importMs)) throw new Error(`${contender.name}: unexpected output ${run.stdout}`);
  contender.importMs.push(importMs);
  contender.wallMs.push(run.wallMs);
}

async function ensureBuilt(): Promise<void> {
  const entries = ['dist/index.js', 'dist/identity/index.js', 'dist/browser/index.js'];
  if (entries.every((entry) => existsSync(`${ROOT}${entry}`))) return;
  console.log('dist/ is missing: building it with `npx tsup` first…');
  await timeChild('npx', ['tsup'], { cwd: ROOT });
}

async function main(): Promise<void> {
  await ensureBuilt();
  for (const contender of contenders) {
    await runOnce(contender); // warm-up: fills the OS file cache, checks the import works
    contender.importMs.length = 0;
    contender.wallMs.length = 0;
  }
  const started = performance.now();
  for (let round = 0; round < RUNS; round++) {
    for (const index of rotation(round, contenders.length)) await runOnce(contenders[index] as Contender);
  }
  const elapsed = (performance.now() - started) / 1000;

  const floor = contenders[1] as Contender;
  console.log(`Cold import in a fresh Node process (ESM, dist/ for cognito-flow) — ${machineLine()}`);
  console.log(
    `${RUNS} interleaved runs per contender after one warm-up each; took ${elapsed.toFixed(1)} s\n`,
  );
  printTable(
    ['import', 'import median ms', 'import p90 ms', 'process median ms', 'process p90 ms', '× the SDK floor'],
    contenders.map((c) => [
      c.name,
      median(c.importMs).toFixed(1),
      quantile(c.importMs, 0.9).toFixed(1),
      median(c.wallMs).toFixed(1),
      quantile(c.wallMs, 0.9).toFixed(1),
      c.specifiers.length === 0 ? '—' : pairedRatio(c.importMs, floor.importMs).toFixed(2),
    ]),
  );
  console.log(
    '\nimport = time of `await import(…)` inside the child; process = spawn to exit as the parent sees it (Node start-up included).',
  );
  console.log(
    '× the SDK floor = median over runs of (this import time / the user-pool SDK client import time).',
  );
}

await main();
