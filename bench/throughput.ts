/**
 * Throughput of a Node service, per core: (1) SRP sign-ins per second — the client-side work of one
 * USER_SRP_AUTH sign-in, as bench/srp.ts measures it, cognito-flow (OpenSSL modPow) vs
 * amazon-cognito-identity-js; (2) ID-token verifications per second — `cognito-flow/verify`'s
 * TokenVerifier vs aws-jwt-verify's CognitoJwtVerifier used directly, on the same RS256 tokens minted here
 * with node:crypto and a pre-loaded JWKS (no network).
 *
 * Each contender runs back to back for a time slice; rounds interleave the contenders (rotating order)
 * after one warm-up slice each. Per-core rates are 1000 / (process CPU ms per operation), robust to other
 * load on the machine; the ratio compares CPU per operation, paired per round, then the median over rounds.
 *
 *   npm run bench:throughput        # THROUGHPUT_ROUNDS=8 by default
 */
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { TokenVerifier } from 'cognito-flow/verify';
import { srpHashes as nodeHashes, modPow as nodeModPow } from '../src/srp/modpow-node.js';
import { loadLine, machineLine } from './support/machine.js';
import { localIssuer } from './support/rs256-tokens.js';
import { runSlices, type SliceContender, sliceContender } from './support/slices.js';
import { amazonCognitoIdentityJs, cognitoFlow, vector } from './support/srp-sign-ins.js';
import { median, pairedRatio, quantile } from './support/stats.js';
import { printTable } from './support/table.js';

const ROUNDS = Number(process.env.THROUGHPUT_ROUNDS ?? 8);
const TOKENS = 256;

/** A rate with one decimal below 10 (a few SRP sign-ins per second), whole numbers above. */
const rate = (value: number) => value.toFixed(value < 10 ? 1 : 0);

function rows(contenders: readonly SliceContender[], baseline: SliceContender): string[][] {
  return contenders.map((c) => [
    c.name,
    rate(median(c.opsPerSecond)),
    rate(quantile(c.opsPerSecond, 0.1)),
    (median(c.cpuMsPerOp) * 1000).toFixed(0),
    rate(1000 / median(c.cpuMsPerOp)),
    pairedRatio(baseline.cpuMsPerOp, c.cpuMsPerOp).toFixed(2),
  ]);
}

async function srpContenders(): Promise<SliceContender[]> {
  const flow = cognitoFlow(nodeModPow, nodeHashes);
  for (const signIn of [flow, amazonCognitoIdentityJs]) {
    if ((await signIn()) !== vector.PASSWORD_CLAIM_SIGNATURE) throw new Error('SRP signature mismatch');
  }
  return [
    sliceContender('amazon-cognito-identity-js', amazonCognitoIdentityJs),
    sliceContender('cognito-flow (modpow-node)', flow),
  ];
}

async function verifyContenders(): Promise<SliceContender[]> {
  const issuer = localIssuer('us-east-1_BenchPool1', 'benchclient1');
  const tokens = issuer.idTokens(TOKENS);
  const token = (i: number) => tokens[i % TOKENS] as string;

  const direct = CognitoJwtVerifier.create({
    userPoolId: issuer.userPoolId,
    clientId: issuer.clientId,
    tokenUse: 'id',
  });
  direct.cacheJwks(issuer.jwks as unknown as Parameters<typeof direct.cacheJwks>[0]);
  const created = TokenVerifier.create({
    userPoolId: issuer.userPoolId,
    clientId: issuer.clientId,
    jwks: issuer.jwks,
  });
  if (created.isErr()) throw new Error(created.error.message);
  const verifier = created.value;

  const flowVerify = async (i: number) => {
    const result = await verifier.verifyIdToken(token(i));
    if (result.isErr()) throw new Error(`cognito-flow/verify rejected a token: ${result.error.message}`);
    return result.value;
  };
  const directVerify = (i: number) => direct.verify(token(i));
  const directVerifySync = async (i: number) => direct.verifySync(token(i));
  for (let i = 0; i < TOKENS; i++) {
    await flowVerify(i);
    await directVerify(i);
  }
  const [forged] = localIssuer(issuer.userPoolId, issuer.clientId).idTokens(1);
  if ((await verifier.verifyIdToken(forged as string)).isOk()) throw new Error('a foreign key was accepted');
  return [
    sliceContender('aws-jwt-verify: verify() (direct)', directVerify),
    sliceContender('aws-jwt-verify: verifySync() (direct)', directVerifySync),
    sliceContender('cognito-flow/verify: verifyIdToken()', flowVerify),
  ];
}

async function main(): Promise<void> {
  const srp = await srpContenders();
  const verify = await verifyContenders();
  const started = performance.now();
  await runSlices(srp, { rounds: ROUNDS, sliceMs: 1500 });
  await runSlices(verify, { rounds: ROUNDS, sliceMs: 500 });
  const elapsed = (performance.now() - started) / 1000;

  console.log(`Throughput of one Node process — ${machineLine()}`);
  console.log(
    `${ROUNDS} interleaved slices per contender (1.5 s for SRP, 0.5 s for verification) after one warm-up slice each; took ${elapsed.toFixed(1)} s; ${loadLine()}\n`,
  );
  const header = ['operation', 'ops/s median', 'ops/s p10', 'CPU µs/op', 'ops/s/core', '× the first row'];
  console.log('SRP sign-ins (client-side work of USER_SRP_AUTH, golden-vector inputs):\n');
  printTable(header, rows(srp, srp[0] as SliceContender));
  console.log(`\nID-token verifications (RS256, ${TOKENS} distinct tokens, JWKS pre-loaded, no network):\n`);
  printTable(header, rows(verify, verify[0] as SliceContender));
  console.log(
    '\nops/s = operations per second of wall time, one after another on one event loop; p10 = the slowest tenth of slices;',
  );
  console.log(
    'ops/s/core = 1000 / CPU ms per op (process CPU, all threads); × the first row = median over rounds of (its CPU per op / this CPU per op).',
  );
}

await main();
