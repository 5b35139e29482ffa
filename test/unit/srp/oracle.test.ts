/**
 * amazon-cognito-identity-js (AWS's own client) as the oracle: for the same a, B, salt, secret block,
 * user, password, pool and timestamp it must compute the same SRP_A, u, HKDF key and signature as
 * ours, over many generated cases. B is a proper server value (k·v + g^b) from test/support/srp-server,
 * which must also accept the signature.
 *
 * Cases are generated from a fixed seed (reproducible); set SRP_ORACLE_SEED to explore others.
 */
import { describe, expect, it } from 'vitest';
import { SRP_N } from '../../../src/srp/group.js';
import { hexToBigInt } from '../../../src/srp/hex.js';
import type { ModPow } from '../../../src/srp/modpow.js';
import { modPow as bigintModPow } from '../../../src/srp/modpow-bigint.js';
import { modPow as nodeModPow } from '../../../src/srp/modpow-node.js';
import { computePasswordClaim, computeU, startSrp } from '../../../src/srp/srp-client.js';
import { formatSrpTimestamp } from '../../../src/srp/timestamp.js';
import { awsPasswordClaim } from '../../support/cognito-oracle.js';
import { type ByteStream, randomInt, randomText, seededRandom } from '../../support/seeded-random.js';
import { createSrpServer } from '../../support/srp-server.js';

const SEED = process.env.SRP_ORACLE_SEED ?? 'cognito-flow-srp-oracle-1';
const CASES = 60;

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const alnum = (random: ByteStream, length: number) =>
  Array.from({ length }, () => ALNUM[randomInt(random, ALNUM.length)]).join('');
const uuid = (random: ByteStream) => {
  const hex = Buffer.from(random(16)).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

interface OracleCase {
  readonly poolName: string;
  readonly userIdForSrp: string;
  readonly password: string;
  readonly aBytes: Uint8Array;
  readonly timestamp: string;
  /** How SRP_B / SALT are spelled on the wire, to cover Cognito-style encodings. */
  readonly variant: 'plain' | 'B-leading-zeros' | 'B-plus-N' | 'salt-leading-zeros' | 'upper-case-hex';
  readonly serverRandom: ByteStream;
}

function makeCase(index: number): OracleCase {
  const random = seededRandom(`${SEED}/${index}`);
  const aBytes = random(128);
  // Some a with leading zero bytes (shorter A exponent), some with the top bit set.
  if (index % 7 === 0) aBytes.fill(0, 0, 1 + (index % 5));
  if (index % 7 === 1) aBytes[0] = (aBytes[0] ?? 0) | 0x80;
  const variants: OracleCase['variant'][] = [
    'plain',
    'plain',
    'B-leading-zeros',
    'B-plus-N',
    'salt-leading-zeros',
    'upper-case-hex',
  ];
  return {
    poolName: index % 10 === 9 ? randomText(random, 6) : alnum(random, 9),
    userIdForSrp: index % 3 === 0 ? randomText(random, 1 + randomInt(random, 20)) : uuid(random),
    password: randomText(random, 1 + randomInt(random, 40)),
    aBytes,
    timestamp: formatSrpTimestamp(new Date(randomInt(random, Date.UTC(2100, 0, 1)))),
    variant: variants[index % variants.length] ?? 'plain',
    serverRandom: random,
  };
}

const implementations: ReadonlyArray<readonly [string, ModPow]> = [
  ['modpow-node', nodeModPow],
  ['modpow-bigint', bigintModPow],
];

describe(`SRP client vs amazon-cognito-identity-js (${CASES} generated cases, seed ${SEED})`, () => {
  it.each(Array.from({ length: CASES }, (_, index) => index))(
    'case %i: same SRP_A, u, HKDF key and signature with both modPow implementations; the server accepts it',
    async (index) => {
      const c = makeCase(index);
      const server = createSrpServer({
        poolName: c.poolName,
        userIdForSrp: c.userIdForSrp,
        password: c.password,
        randomBytes: c.serverRandom,
      });
      let srpB = server.srpB;
      let salt = server.salt;
      if (c.variant === 'B-leading-zeros') srpB = `000${srpB}`;
      if (c.variant === 'B-plus-N') srpB = (BigInt(`0x${srpB}`) + SRP_N).toString(16);
      if (c.variant === 'salt-leading-zeros') salt = `0000${salt}`;
      if (c.variant === 'upper-case-hex') {
        srpB = srpB.toUpperCase();
        salt = salt.toUpperCase();
      }

      const aws = awsPasswordClaim({
        poolName: c.poolName,
        userIdForSrp: c.userIdForSrp,
        password: c.password,
        smallAHex: Buffer.from(c.aBytes).toString('hex'),
        srpB,
        salt,
        secretBlock: server.secretBlock,
        timestamp: c.timestamp,
      });

      for (const [name, modPow] of implementations) {
        const secret = startSrp({ modPow, randomBytes: () => c.aBytes });
        expect(secret.srpA, name).toBe(aws.srpA);
        expect((await computeU(secret.A, hexToBigInt(srpB) ?? 0n)).toString(16), name).toBe(aws.u);
        const claim = await computePasswordClaim(
          { modPow },
          {
            poolName: c.poolName,
            userIdForSrp: c.userIdForSrp,
            password: c.password,
            secret,
            srpB,
            salt,
            secretBlock: server.secretBlock,
            timestamp: c.timestamp,
          },
        );
        const value = claim._unsafeUnwrap();
        expect(Buffer.from(value.key).toString('hex'), name).toBe(aws.key.toString('hex'));
        expect(value.signature, name).toBe(aws.signature);
      }

      // The server (which never saw these spellings) accepts the answer whenever B is the value it
      // sent; B + N changes u, so only AWS agreement is checked for that variant.
      const accepted = await server.verify({
        srpA: aws.srpA,
        signature: aws.signature,
        timestamp: c.timestamp,
        secretBlock: server.secretBlock,
      });
      expect(accepted).toBe(c.variant !== 'B-plus-N');
    },
  );
});
