/**
 * The whole SRP exchange against the test server (test/support/srp-server.ts): the client's claim
 * verifies only with the right password, timestamp, secret block, user and session.
 */
import { describe, expect, it } from 'vitest';
import { SRP_N } from '../../../src/srp/group.js';
import type { ModPow } from '../../../src/srp/modpow.js';
import { modPow as bigintModPow } from '../../../src/srp/modpow-bigint.js';
import { modPow as nodeModPow } from '../../../src/srp/modpow-node.js';
import { computePasswordClaim, type SrpSecret, startSrp } from '../../../src/srp/srp-client.js';
import { formatSrpTimestamp } from '../../../src/srp/timestamp.js';
import { createSrpServer, type SrpServer } from '../../support/srp-server.js';

const poolName = 'AbCdEfGhI';
const userIdForSrp = '0f4a1c2e-7b3d-4e5f-8a9b-0c1d2e3f4a5b';
const password = 'Correct-Horse-Battery-Staple-1!';
const timestamp = formatSrpTimestamp(new Date('2026-03-03T09:04:05Z'));

const implementations: ReadonlyArray<readonly [string, ModPow]> = [
  ['modpow-node', nodeModPow],
  ['modpow-bigint', bigintModPow],
];

describe.each(implementations)('client (%s) against the test SRP server', (_name, modPow) => {
  const answer = async (
    server: SrpServer,
    overrides: {
      password?: string;
      timestamp?: string;
      secretBlock?: string;
      poolName?: string;
      user?: string;
    } = {},
    secret: SrpSecret = startSrp({ modPow }),
  ) => {
    const claim = await computePasswordClaim(
      { modPow },
      {
        poolName: overrides.poolName ?? poolName,
        userIdForSrp: overrides.user ?? userIdForSrp,
        password: overrides.password ?? password,
        secret,
        srpB: server.srpB,
        salt: server.salt,
        secretBlock: overrides.secretBlock ?? server.secretBlock,
        timestamp: overrides.timestamp ?? timestamp,
      },
    );
    return { srpA: secret.srpA, claim: claim._unsafeUnwrap() };
  };

  it('the right password verifies, and both sides derive the same key', async () => {
    const server = createSrpServer({ poolName, userIdForSrp, password });
    const { srpA, claim } = await answer(server);
    expect(
      await server.verify({ srpA, signature: claim.signature, timestamp, secretBlock: server.secretBlock }),
    ).toBe(true);
    expect(Buffer.from(claim.key).toString('hex')).toBe(server.key(srpA)?.toString('hex'));
  });

  it('the right password verifies for unicode users and passwords', async () => {
    const server = createSrpServer({ poolName, userIdForSrp: 'zoë-😀', password: 'pässwörd-密码-🔑' });
    const { srpA, claim } = await answer(server, { user: 'zoë-😀', password: 'pässwörd-密码-🔑' });
    expect(
      await server.verify({ srpA, signature: claim.signature, timestamp, secretBlock: server.secretBlock }),
    ).toBe(true);
  });

  it.each([
    ['a wrong password', { password: 'Correct-Horse-Battery-Staple-2!' }],
    ['a password differing only in case', { password: password.toUpperCase() }],
    ['the password with a trailing space', { password: `${password} ` }],
    ['another user id', { user: 'alice@example.com' }],
    ['another pool name', { poolName: 'AbCdEfGhJ' }],
  ])('%s does not verify', async (_case, overrides) => {
    const server = createSrpServer({ poolName, userIdForSrp, password });
    const { srpA, claim } = await answer(server, overrides);
    expect(
      await server.verify({ srpA, signature: claim.signature, timestamp, secretBlock: server.secretBlock }),
    ).toBe(false);
  });

  it('a claim signed for another timestamp does not verify', async () => {
    const server = createSrpServer({ poolName, userIdForSrp, password });
    const { srpA, claim } = await answer(server);
    const otherTimestamp = formatSrpTimestamp(new Date('2026-03-03T09:04:06Z'));
    const sent = { srpA, signature: claim.signature, secretBlock: server.secretBlock };
    expect(await server.verify({ ...sent, timestamp })).toBe(true);
    expect(await server.verify({ ...sent, timestamp: otherTimestamp })).toBe(false);
  });

  it('a tampered secret block does not verify, whether signed or only sent', async () => {
    const server = createSrpServer({ poolName, userIdForSrp, password });
    const bytes = Buffer.from(server.secretBlock, 'base64');
    bytes[10] = (bytes[10] ?? 0) ^ 0x01;
    const tampered = bytes.toString('base64');
    const signedTampered = await answer(server, { secretBlock: tampered });
    expect(
      await server.verify({
        srpA: signedTampered.srpA,
        signature: signedTampered.claim.signature,
        timestamp,
        secretBlock: tampered,
      }),
    ).toBe(false);
    const honest = await answer(server);
    expect(
      await server.verify({
        srpA: honest.srpA,
        signature: honest.claim.signature,
        timestamp,
        secretBlock: tampered,
      }),
    ).toBe(false);
  });

  it('a claim for one session does not verify in another session with the same password', async () => {
    const first = createSrpServer({ poolName, userIdForSrp, password });
    const second = createSrpServer({ poolName, userIdForSrp, password });
    const { srpA, claim } = await answer(first);
    expect(
      await second.verify({ srpA, signature: claim.signature, timestamp, secretBlock: first.secretBlock }),
    ).toBe(false);
  });

  it('a claim does not verify with another client A', async () => {
    const server = createSrpServer({ poolName, userIdForSrp, password });
    const { claim } = await answer(server);
    const other = startSrp({ modPow });
    expect(
      await server.verify({
        srpA: other.srpA,
        signature: claim.signature,
        timestamp,
        secretBlock: server.secretBlock,
      }),
    ).toBe(false);
  });
});

describe('test SRP server', () => {
  it('rejects an unsafe or malformed A', async () => {
    const server = createSrpServer({ poolName, userIdForSrp, password });
    for (const srpA of ['0', SRP_N.toString(16), (2n * SRP_N).toString(16), 'not-hex', '']) {
      expect(
        await server.verify({ srpA, signature: 'AAAA', timestamp, secretBlock: server.secretBlock }),
      ).toBe(false);
    }
  });

  it('issues a fresh salt, B and secret block per session', () => {
    const first = createSrpServer({ poolName, userIdForSrp, password });
    const second = createSrpServer({ poolName, userIdForSrp, password });
    expect(first.salt).not.toBe(second.salt);
    expect(first.srpB).not.toBe(second.srpB);
    expect(first.secretBlock).not.toBe(second.secretBlock);
    expect(first.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(BigInt(`0x${first.srpB}`) < SRP_N).toBe(true);
  });
});
