/**
 * SRP's hashes by runtime: the context of an AuthClient on Node uses node:crypto's (from the `#modpow`
 * module), every other runtime WebCrypto's (the default). Both must give the same bytes.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { authContext } from '../../../src/auth/context.js';
import { parseAuthConfig } from '../../../src/config/auth-config.js';
import { hmacSha256, sha256 } from '../../../src/srp/hash.js';
import { nodeSrpHashes } from '../../../src/srp/hash-node.js';
import { hexToBytes } from '../../../src/srp/hex.js';
import { cognitoHkdf } from '../../../src/srp/hkdf.js';
import { modPow } from '../../../src/srp/modpow-node.js';
import { computePasswordClaim, startSrp } from '../../../src/srp/srp-client.js';
import { loadSrpVector } from '../../support/srp-vector.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('SRP hashes on Node', () => {
  it("an AuthClient's context on Node hashes with node:crypto", () => {
    const config = parseAuthConfig({ userPoolId: 'eu-west-1_AbC123', clientId: 'client1' })._unsafeUnwrap();
    const context = authContext(config, () => {
      throw new Error('no calls here');
    });
    expect(context.srp.hashes).toBe(nodeSrpHashes);
  });

  it('node:crypto and WebCrypto agree on SHA-256, HMAC (empty, short and long keys) and HKDF', async () => {
    for (const length of [0, 1, 16, 32, 64, 65, 200, 770]) {
      const data = new Uint8Array(randomBytes(length * 2 + 1));
      const key = new Uint8Array(randomBytes(length));
      expect(hex(await nodeSrpHashes.sha256(data))).toBe(hex(await sha256(data)));
      expect(hex(await nodeSrpHashes.hmacSha256(key, data))).toBe(hex(await hmacSha256(key, data)));
      if (length > 0) {
        expect(hex(await nodeSrpHashes.hkdf(data, key))).toBe(hex(await cognitoHkdf(data, key)));
      }
    }
  });

  it('with node:crypto hashes the golden vector gives the same PASSWORD_CLAIM_SIGNATURE as with WebCrypto', async () => {
    const vector = loadSrpVector();
    const params = vector.ChallengeParameters;
    const a = hexToBytes(vector.smallA_hex);
    if (!a) throw new Error('bad vector');
    const input = {
      poolName: vector.poolName,
      userIdForSrp: params.USER_ID_FOR_SRP,
      password: vector.password,
      secret: startSrp({ modPow, randomBytes: () => a }),
      srpB: params.SRP_B,
      salt: params.SALT,
      secretBlock: params.SECRET_BLOCK,
      timestamp: vector.TIMESTAMP,
    };
    const node = (await computePasswordClaim({ modPow, hashes: nodeSrpHashes }, input))._unsafeUnwrap();
    const web = (await computePasswordClaim({ modPow }, input))._unsafeUnwrap();
    expect(node.signature).toBe(web.signature);
    expect(node.signature).toBe(vector.PASSWORD_CLAIM_SIGNATURE);
  });
});
