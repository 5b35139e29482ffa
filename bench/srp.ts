/**
 * SRP benchmark: the client-side work of one USER_SRP_AUTH sign-in — a and A, then (after SRP_B)
 * u, x, S, the HKDF key and PASSWORD_CLAIM_SIGNATURE — for cognito-flow (OpenSSL and BigInt
 * modPow), amazon-cognito-identity-js, cognito-srp-helper, and a bare node:crypto lower bound (the
 * two 3072-bit modexps g^a and S through a Diffie-Hellman object, nothing else).
 *
 * Every implementation gets the golden vector's inputs (a, SRP_B, SALT, SECRET_BLOCK, user,
 * password, pool, TIMESTAMP) and must produce its PASSWORD_CLAIM_SIGNATURE before timing starts.
 * Rounds interleave the implementations (rotating their order); the fast ones run several times
 * per round. Ratios are paired: per round, then the median over rounds.
 *
 *   npx tsx bench/srp.ts            # ROUNDS=40 by default; SRP_BENCH_ROUNDS=10 for a quick look
 */
import { createDiffieHellman } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createSrpSession, signSrpSession } from 'cognito-srp-helper';
import { SRP_G, SRP_K, SRP_N } from '../src/srp/group.js';
import { hexToBigInt } from '../src/srp/hex.js';
import { modPow as bigintModPow } from '../src/srp/modpow-bigint.js';
import { srpHashes as nodeHashes, modPow as nodeModPow } from '../src/srp/modpow-node.js';
import { computeU, computeX } from '../src/srp/srp-client.js';
import { cpuMs } from './support/cpu.js';
import { machineLine } from './support/machine.js';
import { amazonCognitoIdentityJs, cognitoFlow, type SignIn, vector } from './support/srp-sign-ins.js';
import { median, pairedRatio as pairedMedianRatio, quantile } from './support/stats.js';
import { printTable } from './support/table.js';

const ROUNDS = Number(process.env.SRP_BENCH_ROUNDS ?? 40);
const WARMUP = 3;

const params = vector.ChallengeParameters;

/** createSrpSession draws a and computes A; its a/A/timestamp are then pinned to the vector's. */
const cognitoSrpHelper: SignIn = async () => {
  const session = createSrpSession(vector.username, vector.password, vector.userPoolId, false);
  const pinned = {
    ...session,
    smallA: vector.smallA_hex,
    largeA: vector.SRP_A_hex,
    timestamp: vector.TIMESTAMP,
  };
  const signed = signSrpSession(pinned, { ChallengeParameters: { ...params } });
  return signed.passwordSignature;
};

/** Lower bound: g^a and S = base^(a + u·x), each one OpenSSL modexp, inputs precomputed. */
async function makeBound(): Promise<{ run: SignIn; expected: string }> {
  const toBuffer = (value: bigint) => {
    const hex = value.toString(16);
    return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
  };
  const a = hexToBigInt(vector.smallA_hex) ?? 0n;
  const B = hexToBigInt(params.SRP_B) ?? 0n;
  const u = await computeU(hexToBigInt(vector.SRP_A_hex) ?? 0n, B);
  const x = await computeX(
    hexToBigInt(params.SALT) ?? 0n,
    vector.poolName,
    params.USER_ID_FOR_SRP,
    vector.password,
  );
  const base = (((B - SRP_K * bigintModPow(SRP_G, x, SRP_N)) % SRP_N) + SRP_N) % SRP_N;
  const exponent = a + u * x;
  const prime = toBuffer(SRP_N);
  const generator = toBuffer(SRP_G);
  const aBuffer = toBuffer(a);
  const exponentBuffer = toBuffer(exponent);
  const baseBuffer = toBuffer(base);
  const run: SignIn = async () => {
    const dh = createDiffieHellman(prime, generator);
    dh.setPrivateKey(aBuffer);
    const A = dh.generateKeys();
    dh.setPrivateKey(exponentBuffer);
    const S = dh.computeSecret(baseBuffer);
    return `${A.length * 2}:${BigInt(`0x${S.toString('hex')}`).toString(16)}`;
  };
  return { run, expected: `768:${bigintModPow(base, exponent, SRP_N).toString(16)}` };
}

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

async function main(): Promise<void> {
  const bound = await makeBound();
  const contenders: Contender[] = [
    { name: 'cognito-flow (modpow-node)', run: cognitoFlow(nodeModPow, nodeHashes), reps: 8 },
    { name: 'cognito-flow (modpow-bigint)', run: cognitoFlow(bigintModPow), reps: 2 },
    { name: 'amazon-cognito-identity-js', run: amazonCognitoIdentityJs, reps: 1 },
    { name: 'cognito-srp-helper', run: cognitoSrpHelper, reps: 1 },
    { name: 'node:crypto bound (2 modexps)', run: bound.run, reps: 8, expected: bound.expected },
  ].map((c) => ({
    expected: vector.PASSWORD_CLAIM_SIGNATURE,
    ...c,
    samples: [],
    cpuSamples: [],
    perRound: [],
  }));

  for (const contender of contenders) {
    for (let i = 0; i < WARMUP; i++) {
      const output = await contender.run();
      if (output !== contender.expected) throw new Error(`${contender.name} produced ${output}`);
    }
  }

  const started = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < contenders.length; k++) {
      const contender = contenders[(round + k) % contenders.length] as Contender;
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
  const elapsed = (performance.now() - started) / 1000;

  const byName = (name: string) => contenders.find((c) => c.name.startsWith(name)) as Contender;
  const aws = byName('amazon-cognito-identity-js');
  const lower = byName('node:crypto bound');
  const pairedRatio = (numerator: Contender, denominator: Contender) =>
    pairedMedianRatio(numerator.perRound, denominator.perRound);

  console.log(`SRP client work per sign-in — ${machineLine()}`);
  console.log(
    `${ROUNDS} interleaved rounds after ${WARMUP} warm-up runs each; timed part took ${elapsed.toFixed(1)} s\n`,
  );
  const header = [
    'implementation',
    'median ms',
    'p90 ms',
    'CPU ms',
    'sign-ins/s/core',
    '× faster than AWS',
    '× the bound',
  ];
  const rows = contenders.map((c) => {
    const cpu = median(c.cpuSamples);
    return [
      c.name,
      median(c.samples).toFixed(2),
      quantile(c.samples, 0.9).toFixed(2),
      cpu.toFixed(2),
      (1000 / cpu).toFixed(0),
      (1 / pairedRatio(c, aws)).toFixed(1),
      pairedRatio(c, lower).toFixed(2),
    ];
  });
  printTable(header, rows);
  console.log(
    '\nms = wall time of one sign-in; CPU ms = process CPU time (all threads) per sign-in; sign-ins/s/core = 1000 / CPU ms.',
  );
  console.log(
    '× faster than AWS = median over rounds of (AWS time / this time); × the bound = this time / bound time.',
  );
}

await main();
