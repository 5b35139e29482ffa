/**
 * u = H(padHex(A) || padHex(B)) = 0 cannot be constructed (it needs a SHA-256 preimage), so the
 * hash is replaced here: inputs as long as A || B (two 3072-bit values) hash to 32 zero bytes.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/srp/hash.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../src/srp/hash.js')>();
  return {
    ...original,
    sha256: async (data: Uint8Array) => (data.length >= 700 ? new Uint8Array(32) : original.sha256(data)),
  };
});

const { computePasswordClaim, computeU, startSrp } = await import('../../../src/srp/srp-client.js');
const { modPow } = await import('../../../src/srp/modpow-node.js');
const { createSrpServer } = await import('../../support/srp-server.js');

describe('u = 0', () => {
  it('computeU is the hash of padHex(A) || padHex(B) (so the mocked hash makes it 0)', async () => {
    const secret = startSrp({ modPow });
    expect(await computeU(secret.A, secret.A)).toBe(0n);
  });

  it('computePasswordClaim aborts with U_IS_ZERO before computing S', async () => {
    const server = createSrpServer({ poolName: 'AbCdEfGhI', userIdForSrp: 'user-1', password: 'pw' });
    const secret = startSrp({ modPow });
    const spy = vi.fn(modPow);
    const result = await computePasswordClaim(
      { modPow: spy },
      {
        poolName: 'AbCdEfGhI',
        userIdForSrp: 'user-1',
        password: 'pw',
        secret,
        srpB: server.srpB,
        salt: server.salt,
        secretBlock: server.secretBlock,
        timestamp: 'Tue Mar 3 09:04:05 UTC 2026',
      },
    );
    expect(result._unsafeUnwrapErr()).toMatchObject({
      type: 'SrpAborted',
      reason: 'U_IS_ZERO',
      retryable: false,
    });
    expect(spy).not.toHaveBeenCalled();
  });
});
