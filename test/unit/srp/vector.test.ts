import { describe, expect, it } from 'vitest';
import { SRP_K_HEX, SRP_N } from '../../../src/srp/group.js';
import { hexToBigInt, hexToBytes } from '../../../src/srp/hex.js';
import type { ModPow } from '../../../src/srp/modpow.js';
import { modPow as bigintModPow } from '../../../src/srp/modpow-bigint.js';
import { modPow as nodeModPow } from '../../../src/srp/modpow-node.js';
import { computePasswordClaim, computeU, startSrp } from '../../../src/srp/srp-client.js';
import { createSrpServerFromVerifier, SERVER_G, SERVER_K, serverVerifier } from '../../support/srp-server.js';
import { loadSrpVector } from '../../support/srp-vector.js';

const vector = loadSrpVector();
const params = vector.ChallengeParameters;
const smallA = hexToBytes(vector.smallA_hex);

const implementations: ReadonlyArray<readonly [string, ModPow]> = [
  ['modpow-node', nodeModPow],
  ['modpow-bigint', bigintModPow],
];

describe.each(implementations)('golden vector with %s', (_name, modPow) => {
  const randomBytes = (length: number) => {
    expect(length).toBe(128);
    if (smallA === undefined) throw new Error('bad vector');
    return smallA;
  };

  it('reproduces SRP_A from the fixed a', () => {
    const secret = startSrp({ modPow, randomBytes });
    expect(secret.a).toBe(hexToBigInt(vector.smallA_hex));
    expect(secret.srpA).toBe(vector.SRP_A_hex);
    expect(secret.A).toBe(hexToBigInt(vector.SRP_A_hex));
  });

  it('reproduces k and u', async () => {
    const secret = startSrp({ modPow, randomBytes });
    expect(SRP_K_HEX).toBe(vector.k_hex);
    const B = hexToBigInt(params.SRP_B) ?? 0n;
    expect((await computeU(secret.A, B)).toString(16)).toBe(vector.u_hex);
  });

  it('reproduces PASSWORD_CLAIM_SIGNATURE, with the key the server derives', async () => {
    const secret = startSrp({ modPow, randomBytes });
    const claim = await computePasswordClaim(
      { modPow },
      {
        poolName: vector.poolName,
        userIdForSrp: params.USER_ID_FOR_SRP,
        password: vector.password,
        secret,
        srpB: params.SRP_B,
        salt: params.SALT,
        secretBlock: params.SECRET_BLOCK,
        timestamp: vector.TIMESTAMP,
      },
    );
    expect(claim.isOk()).toBe(true);
    expect(claim._unsafeUnwrap().signature).toBe(vector.PASSWORD_CLAIM_SIGNATURE);
    expect(claim._unsafeUnwrap().key).toHaveLength(16);
  });
});

/** The 2 bytes that make the test server pick a secret block of `length` bytes (64 + draw % 1700). */
const blockLengthDraw = (length: number) => new Uint8Array([(length - 64) >> 8, (length - 64) & 0xff]);

describe('golden vector, server side (test/support/srp-server)', () => {
  it('reproduces v and B = k·v + g^b from the vector b', () => {
    const v = serverVerifier(params.SALT, vector.poolName, params.USER_ID_FOR_SRP, vector.password);
    expect(v.toString(16)).toBe(vector.v_hex);
    const b = hexToBigInt(vector.serverSmallB_hex) ?? 0n;
    const B = (SERVER_K * v + nodeModPow(SERVER_G, b, SRP_N)) % SRP_N;
    expect(B.toString(16)).toBe(params.SRP_B);
  });

  it('accepts the vector signature from a server holding the vector b', async () => {
    const bBytes = hexToBytes(vector.serverSmallB_hex) ?? new Uint8Array();
    const blockBytes = new Uint8Array(Buffer.from(params.SECRET_BLOCK, 'base64'));
    // Feed the server its b, then a block length and the vector's secret block bytes.
    const extra = blockLengthDraw(blockBytes.length);
    const draws = [bBytes, extra, blockBytes];
    const server = createSrpServerFromVerifier({
      poolName: vector.poolName,
      userIdForSrp: params.USER_ID_FOR_SRP,
      salt: params.SALT,
      verifier: hexToBigInt(vector.v_hex) ?? 0n,
      randomBytes: (length) => {
        const next = draws.shift();
        if (next === undefined || next.length !== length) throw new Error(`unexpected draw of ${length}`);
        return next;
      },
    });
    expect(server.srpB).toBe(params.SRP_B);
    expect(server.secretBlock).toBe(params.SECRET_BLOCK);
    const claim = {
      srpA: vector.SRP_A_hex,
      signature: vector.PASSWORD_CLAIM_SIGNATURE,
      timestamp: vector.TIMESTAMP,
      secretBlock: params.SECRET_BLOCK,
    };
    expect(await server.verify(claim)).toBe(true);
    expect(await server.verify({ ...claim, timestamp: 'Tue Mar 3 09:04:06 UTC 2026' })).toBe(false);
  });
});
