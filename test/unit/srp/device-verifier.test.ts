import { describe, expect, it, vi } from 'vitest';
import { computeDeviceVerifier, createDeviceVerifier } from '../../../src/srp/device-verifier.js';
import { SRP_G, SRP_N } from '../../../src/srp/group.js';
import { bytesToBigInt, padHex } from '../../../src/srp/hex.js';
import type { ModPow } from '../../../src/srp/modpow.js';
import { modPow as bigintModPow } from '../../../src/srp/modpow-bigint.js';
import { modPow as nodeModPow } from '../../../src/srp/modpow-node.js';
import { computePasswordClaim, computeX, startSrp } from '../../../src/srp/srp-client.js';
import { formatSrpTimestamp } from '../../../src/srp/timestamp.js';
import { awsDeviceVerifier } from '../../support/cognito-oracle.js';
import { seededRandom } from '../../support/seeded-random.js';
import { createSrpServerFromVerifier, serverVerifier } from '../../support/srp-server.js';

const deviceGroupKey = '-ExAmPlE1';
const deviceKey = 'us-east-1_0f4a1c2e-7b3d-4e5f-8a9b-0c1d2e3f4a5b';
const b64ToHex = (b64: string) => Buffer.from(b64, 'base64').toString('hex');

const implementations: ReadonlyArray<readonly [string, ModPow]> = [
  ['modpow-node', nodeModPow],
  ['modpow-bigint', bigintModPow],
];

describe.each(implementations)('createDeviceVerifier (%s)', (_name, modPow) => {
  it('draws a 40-byte password then a 16-byte salt, and encodes them as AWS does', async () => {
    const random = seededRandom('device-layout');
    const expected = seededRandom('device-layout');
    const passwordBytes = expected(40);
    const saltBytes = expected(16);
    const randomBytes = vi.fn(random);
    const verifier = await createDeviceVerifier({ modPow, randomBytes }, { deviceGroupKey, deviceKey });
    expect(randomBytes.mock.calls).toEqual([[40], [16]]);
    expect(verifier.devicePassword).toBe(Buffer.from(passwordBytes).toString('base64'));
    const salt = bytesToBigInt(saltBytes);
    expect(b64ToHex(verifier.salt)).toBe(padHex(salt));
    const x = await computeX(salt, deviceGroupKey, deviceKey, verifier.devicePassword);
    expect(b64ToHex(verifier.passwordVerifier)).toBe(padHex(modPow(SRP_G, x, SRP_N)));
  });

  it("equals amazon-cognito-identity-js's generateHashDevice on 12 pinned random cases", async () => {
    for (let i = 0; i < 12; i++) {
      const random = seededRandom(`device-oracle-${i}`);
      const passwordBytes = random(40);
      const saltBytes = random(16);
      // Salts with the top bit set (17 padded bytes) and with leading zero bytes (15 or fewer).
      if (i % 3 === 0) saltBytes[0] = (saltBytes[0] ?? 0) | 0x80;
      if (i % 3 === 1) saltBytes.fill(0, 0, 1 + (i % 4));
      const groupKey = `${deviceGroupKey}${i}`;
      const key = `${deviceKey}-${i}`;
      const aws = awsDeviceVerifier({ deviceGroupKey: groupKey, deviceKey: key, passwordBytes, saltBytes });
      const draws = [passwordBytes, saltBytes];
      const ours = await createDeviceVerifier(
        { modPow, randomBytes: () => draws.shift() ?? new Uint8Array() },
        { deviceGroupKey: groupKey, deviceKey: key },
      );
      expect(ours).toEqual(aws);
    }
  });

  it('lets a server holding only salt and verifier accept the device SRP claim, and only with the device password', async () => {
    const verifier = await createDeviceVerifier({ modPow }, { deviceGroupKey, deviceKey });
    const saltHex = b64ToHex(verifier.salt);
    const v = BigInt(`0x${b64ToHex(verifier.passwordVerifier)}`);
    expect(v).toBe(serverVerifier(saltHex, deviceGroupKey, deviceKey, verifier.devicePassword));
    const server = createSrpServerFromVerifier({
      poolName: deviceGroupKey,
      userIdForSrp: deviceKey,
      salt: saltHex,
      verifier: v,
    });
    const timestamp = formatSrpTimestamp(new Date());
    const sign = async (password: string) => {
      const secret = startSrp({ modPow });
      const claim = await computePasswordClaim(
        { modPow },
        {
          poolName: deviceGroupKey,
          userIdForSrp: deviceKey,
          password,
          secret,
          srpB: server.srpB,
          salt: saltHex,
          secretBlock: server.secretBlock,
          timestamp,
        },
      );
      return {
        srpA: secret.srpA,
        signature: claim._unsafeUnwrap().signature,
        timestamp,
        secretBlock: server.secretBlock,
      };
    };
    expect(await server.verify(await sign(verifier.devicePassword))).toBe(true);
    const other = await createDeviceVerifier({ modPow }, { deviceGroupKey, deviceKey });
    expect(await server.verify(await sign(other.devicePassword))).toBe(false);
  });
});

describe('createDeviceVerifier defaults', () => {
  it('uses fresh randomness: a 40-byte password and a new salt each time', async () => {
    const first = await createDeviceVerifier({ modPow: nodeModPow }, { deviceGroupKey, deviceKey });
    const second = await createDeviceVerifier({ modPow: nodeModPow }, { deviceGroupKey, deviceKey });
    expect(Buffer.from(first.devicePassword, 'base64')).toHaveLength(40);
    expect(first.devicePassword).not.toBe(second.devicePassword);
    expect(first.salt).not.toBe(second.salt);
    expect(first.passwordVerifier).not.toBe(second.passwordVerifier);
  });

  it('computeDeviceVerifier is deterministic and depends on every input', async () => {
    const base = { deviceGroupKey, deviceKey, devicePassword: 'pw', salt: 0x1234n };
    const reference = await computeDeviceVerifier({ modPow: nodeModPow }, base);
    expect(await computeDeviceVerifier({ modPow: nodeModPow }, base)).toEqual(reference);
    expect(reference.salt).toBe(Buffer.from([0x12, 0x34]).toString('base64'));
    for (const change of [
      { deviceGroupKey: 'x' },
      { deviceKey: 'x' },
      { devicePassword: 'x' },
      { salt: 0x1235n },
    ]) {
      const changed = await computeDeviceVerifier({ modPow: nodeModPow }, { ...base, ...change });
      expect(changed.passwordVerifier).not.toBe(reference.passwordVerifier);
    }
  });
});
