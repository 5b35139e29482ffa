/**
 * The SRP benchmark on the runtime that runs this file (bench/srp.ts starts it once per runtime): the
 * client-side work of one USER_SRP_AUTH sign-in — a and A, then (after SRP_B) u, x, S, the HKDF key and
 * PASSWORD_CLAIM_SIGNATURE — for cognito-flow, amazon-cognito-identity-js and cognito-srp-helper, and
 * on Node the runtime's own bound: the fastest way node:crypto offers to do the two 3072-bit modexps
 * (g^a and S) with inputs precomputed and nothing else.
 *
 * Every contender gets the golden vector's inputs and must produce its PASSWORD_CLAIM_SIGNATURE before
 * timing starts. Rounds interleave the contenders (rotating their order); fast ones run several times
 * per round. Ratios are paired: per round, then the median over rounds.
 *
 *   npx tsx --conditions=cognito-flow-source bench/srp-runtime.ts          # a table for this runtime
 *   … bench/srp-runtime.ts --json                                         # one JSON line (bench/srp.ts)
 */
import { performance } from 'node:perf_hooks';
import { modPow as bigintModPow } from '../src/srp/modpow-bigint.js';
import { cpuMs } from './support/cpu.js';
import { runtimeName } from './support/runtime-name.js';
import { type Bound, nodeBounds, skippedBounds } from './support/srp-bounds.js';
import { amazonCognitoIdentityJs, cognitoFlow, type SignIn, vector } from './support/srp-sign-ins.js';
import { printSrpTable, type SrpRow } from './support/srp-table.js';
import { median, pairedRatio, quantile } from './support/stats.js';

const ROUNDS = Number(process.env.SRP_BENCH_ROUNDS ?? 40);
const WARMUP = 3;
const isNode = typeof process.versions.bun !== 'string' && !('Deno' in globalThis);

interface Contender {
  readonly name: string;
  readonly run: SignIn;
  readonly expected: string;
  /** Runs per round (fast contenders run several times for stabler medians). */
  readonly reps: number;
  readonly samples: number[];
  readonly cpuSamples: number[];
  readonly perRound: number[];
}

async function contenders(
  bounds: readonly Bound[],
): Promise<Omit<Contender, 'samples' | 'cpuSamples' | 'perRound'>[]> {
  const list: Omit<Contender, 'samples' | 'cpuSamples' | 'perRound'>[] = [];
  const signature = vector.PASSWORD_CLAIM_SIGNATURE;
  {
    // The OpenSSL path and node:crypto hashes (`#modpow`'s node condition; Deno takes it too, Bun does not).
    const node = await import('../src/srp/modpow-node.js');
    list.push({
      name: 'cognito-flow (modpow-node)',
      run: cognitoFlow(node.modPow, node.srpHashes),
      reps: 8,
      expected: signature,
    });
  }
  list.push({
    name: 'cognito-flow (modpow-bigint)',
    run: cognitoFlow(bigintModPow),
    reps: 2,
    expected: signature,
  });
  list.push({
    name: 'amazon-cognito-identity-js',
    run: amazonCognitoIdentityJs,
    reps: 1,
    expected: signature,
  });
  if (isNode) {
    const { cognitoSrpHelper } = await import('./support/srp-helper-sign-in.js');
    list.push({ name: 'cognito-srp-helper', run: cognitoSrpHelper, reps: 1, expected: signature });
  }
  for (const bound of bounds)
    list.push({ name: `bound: ${bound.name}`, run: bound.run, reps: 8, expected: bound.expected });
  return list;
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  const bounds = isNode ? await nodeBounds() : [];
  const all: Contender[] = (await contenders(bounds)).map((c) => ({
    ...c,
    samples: [],
    cpuSamples: [],
    perRound: [],
  }));

  for (const contender of all) {
    for (let i = 0; i < WARMUP; i++) {
      const output = await contender.run();
      if (output !== contender.expected) throw new Error(`${contender.name} produced ${output}`);
    }
  }
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < all.length; k++) {
      const contender = all[(round + k) % all.length] as Contender;
      const times: number[] = [];
      for (let rep = 0; rep < contender.reps; rep++) {
        const c0 = cpuMs();
        const t0 = performance.now();
        await contender.run();
        times.push(performance.now() - t0);
        contender.cpuSamples.push(cpuMs() - c0);
      }
      contender.samples.push(...times);
      contender.perRound.push(median(times));
    }
  }

  const aws = all.find((c) => c.name === 'amazon-cognito-identity-js') as Contender;
  const boundContenders = all.filter((c) => c.name.startsWith('bound: '));
  // The runtime's bound: its fastest primitive for the two modexps, per round.
  const boundPerRound = boundContenders.length
    ? Array.from({ length: ROUNDS }, (_, i) =>
        Math.min(...boundContenders.map((c) => c.perRound[i] ?? Number.NaN)),
      )
    : null;
  const runtime = runtimeName();
  const rows: SrpRow[] = all.map((c) => ({
    runtime,
    implementation: c.name,
    medianMs: median(c.samples),
    p90Ms: quantile(c.samples, 0.9),
    cpuMs: median(c.cpuSamples),
    fasterThanAws: 1 / pairedRatio(c.perRound, aws.perRound),
    timesBound: boundPerRound ? pairedRatio(c.perRound, boundPerRound) : null,
  }));
  if (json) {
    console.log(JSON.stringify({ runtime, skippedBounds, rows }));
    return;
  }
  printSrpTable(rows);
  for (const skipped of skippedBounds) console.log(`bound left out on ${runtime}: ${skipped}`);
}

await main();
