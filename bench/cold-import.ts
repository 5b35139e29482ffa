/**
 * Cold import benchmark: how long a fresh Node process takes to `await import(x)` each entry, for
 * cognito-flow's built entries (dist/, ESM) and the peers: amazon-cognito-identity-js, aws-amplify with
 * aws-amplify/auth, and the AWS SDK's user-pool client alone (the floor of any SDK-based client).
 *
 * cognito-flow is imported from a snapshot of package.json + dist/ (copied to node_modules/.cache), so a
 * rebuild during the run cannot disturb it. Every sample is a new `node` process (module cache empty; the
 * OS file cache warm after one warm-up round). The child times its own `await import()` with
 * performance.now(); the parent times the whole process from spawn to exit. Rounds interleave the
 * contenders, rotating their order.
 *
 *   npm run bench:cold-import       # COLD_IMPORT_RUNS=15 by default
 */
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { timeChild } from './support/child-process.js';
import { loadLine, machineLine } from './support/machine.js';
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

async function runOnce(contender: Contender, cwd: string): Promise<void> {
  const run = await timeChild(
    process.execPath,
    ['--input-type=module', '-e', childScript(contender.specifiers)],
    {
      cwd,
    },
  );
  const importMs = Number(run.stdout);
  if (!Number.isFinite(importMs)) throw new Error(`${contender.name}: unexpected output ${run.stdout}`);
  contender.importMs.push(importMs);
  contender.wallMs.push(run.wallMs);
}

const ENTRIES = ['dist/index.js', 'dist/identity/index.js', 'dist/browser/index.js'];
const built = () => ENTRIES.every((entry) => existsSync(join(ROOT, entry)));

/**
 * Copies the built package (package.json + dist/) to node_modules/.cache, where the children import it
 * from: a stable snapshot even if dist/ is rebuilt meanwhile, resolving its dependencies from the
 * project's node_modules. Builds dist/ with `npx tsup` first when it is missing.
 */
async function snapshotPackage(): Promise<string> {
  if (!built()) {
    await sleep(5000); // a build elsewhere may be writing dist/
    if (!built()) {
      console.log('dist/ is missing: building it with `npx tsup` first…');
      await timeChild('npx', ['tsup'], { cwd: ROOT });
    }
  }
  const home = join(ROOT, 'node_modules', '.cache', 'cognito-flow-cold-import');
  const target = join(home, 'node_modules', 'cognito-flow');
  rmSync(home, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(target, 'package.json'));
  cpSync(join(ROOT, 'dist'), join(target, 'dist'), { recursive: true });
  if (!ENTRIES.every((entry) => existsSync(join(target, entry))))
    throw new Error('dist/ changed while copying it');
  return home;
}

async function main(): Promise<void> {
  const cwd = await snapshotPackage();
  for (const contender of contenders) {
    await runOnce(contender, cwd); // warm-up: fills the OS file cache, checks the import works
    contender.importMs.length = 0;
    contender.wallMs.length = 0;
  }
  const started = performance.now();
  for (let round = 0; round < RUNS; round++) {
    for (const index of rotation(round, contenders.length))
      await runOnce(contenders[index] as Contender, cwd);
  }
  const elapsed = (performance.now() - started) / 1000;

  const floor = contenders[1] as Contender;
  console.log(`Cold import in a fresh Node process (ESM, dist/ for cognito-flow) — ${machineLine()}`);
  console.log(
    `${RUNS} interleaved runs per contender after one warm-up each; took ${elapsed.toFixed(1)} s; ${loadLine()}\n`,
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
