/**
 * SRP benchmark on every runtime the package claims: runs bench/srp-runtime.ts on this Node, on Node 22
 * and 24, on Bun and on Deno (binaries from the npm registry through scripts/runtime.mjs), one runtime
 * after another so they never share the CPU, and prints one table. Node rows are compared with that
 * runtime's own bound (its fastest primitive for the two 3072-bit modexps); every row with
 * amazon-cognito-identity-js on the same runtime.
 *
 *   npm run bench:srp                     # SRP_BENCH_ROUNDS=40 by default; 10 for a quick look
 *   SRP_BENCH_RUNTIMES=node,node24 npm run bench:srp
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { loadLine, machineLine } from './support/machine.js';
import { printSrpTable, type SrpRow } from './support/srp-table.js';

const require = createRequire(import.meta.url);
const tsx = require.resolve('tsx/cli');
const worker = 'bench/srp-runtime.ts';

/** How to start the worker on each runtime ("node" is the Node running this script). */
const commands: Record<string, () => [string, string[]]> = {
  node: () => [process.execPath, [tsx, '--conditions=cognito-flow-source', worker, '--json']],
  node22: () => [binary('node22'), [tsx, '--conditions=cognito-flow-source', worker, '--json']],
  node24: () => [binary('node24'), [tsx, '--conditions=cognito-flow-source', worker, '--json']],
  bun: () => [binary('bun'), [worker, '--json']],
  deno: () => [binary('deno'), ['run', '--allow-all', '--sloppy-imports', worker, '--json']],
};

function binary(name: string): string {
  return execFileSync(process.execPath, ['scripts/runtime.mjs', name], { encoding: 'utf8' }).trim();
}

const wanted = (process.env.SRP_BENCH_RUNTIMES ?? Object.keys(commands).join(',')).split(',');
const rows: SrpRow[] = [];
const notes: string[] = [];
console.log(`SRP client work per sign-in — ${machineLine().replace(/^Node \S+, OpenSSL \S+, /, '')}`);
console.log(`${loadLine()} before the run`);
for (const name of wanted) {
  const command = commands[name];
  if (!command) throw new Error(`unknown runtime ${name}; one of ${Object.keys(commands).join(', ')}`);
  const [file, args] = command();
  const started = Date.now();
  const run = spawnSync(file, args, {
    encoding: 'utf8',
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status !== 0 || !line.startsWith('{')) {
    throw new Error(`${name} failed (exit ${run.status}): ${run.stderr.slice(-2000)}`);
  }
  const result = JSON.parse(line) as { runtime: string; skippedBounds: string[]; rows: SrpRow[] };
  rows.push(...result.rows);
  for (const skipped of result.skippedBounds) notes.push(`${result.runtime}: bound left out: ${skipped}`);
  notes.push(`${result.runtime}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
console.log('');
printSrpTable(rows);
console.log('');
for (const note of notes) console.log(note);
console.log(
  '\nms = wall time of one sign-in; CPU ms = process CPU time (all threads) per sign-in; sign-ins/s/core = 1000 / CPU ms.\n' +
    '× faster than AWS = median over rounds of (amazon-cognito-identity-js time / this time) on the same runtime;\n' +
    '× the bound = median over rounds of (this time / the fastest bound row of that runtime); Node only.\n' +
    "`#modpow` picks modpow-node on Node and Deno, modpow-bigint on Bun and in browsers (the browser entry's path).",
);
