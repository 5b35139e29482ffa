import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { SRP_G, SRP_N } from '../../../src/srp/group.js';
import { bytesToBigInt } from '../../../src/srp/hex.js';
import { modPow } from '../../../src/srp/modpow-node.js';
import {
  checkB,
  checkU,
  computePasswordClaim,
  defaultRandomBytes,
  type PasswordClaimInput,
  startSrp,
} from '../../../src/srp/srp-client.js';
import { seededRandom } from '../../support/seeded-random.js';
import { createSrpServer } from '../../support/srp-server.js';

describe('startSrp', () => {
  it('draws 128 bytes for a and returns A = g^a mod N with SRP_A as its unpadded lower-case hex', () => {
    const random = seededRandom('start');
    const randomBytes = vi.fn(random);
    const secret = startSrp({ modPow, randomBytes });
    expect(randomBytes).toHaveBeenCalledTimes(1);
    expect(randomBytes).toHaveBeenCalledWith(128);
    const drawn = seededRandom('start')(128);
    expect(secret.a).toBe(bytesToBigInt(drawn) % SRP_N);
    expect(secret.A).toBe(modPow(SRP_G, secret.a, SRP_N));
    expect(secret.srpA).toBe(secret.A.toString(16));
    expect(secret.srpA).toMatch(/^[1-9a-f][0-9a-f]*$/);
  });

  it('draws again when A ≡ 0 (mod N)', () => {
    const random = seededRandom('regen-A');
    const fakeModPow = vi.fn().mockReturnValueOnce(SRP_N).mockImplementation(modPow);
    const randomBytes = vi.fn(random);
    const secret = startSrp({ modPow: fakeModPow, randomBytes });
    expect(randomBytes).toHaveBeenCalledTimes(2);
    expect(fakeModPow).toHaveBeenCalledTimes(2);
    expect(secret.A).toBe(modPow(SRP_G, secret.a, SRP_N));
    expect(secret.A % SRP_N).not.toBe(0n);
  });

  it('draws again when a ≡ 0 (mod N)', () => {
    const random = seededRandom('regen-a');
    const randomBytes = vi.fn().mockReturnValueOnce(new Uint8Array(128)).mockImplementation(random);
    const secret = startSrp({ modPow, randomBytes });
    expect(randomBytes).toHaveBeenCalledTimes(2);
    expect(secret.a).not.toBe(0n);
  });

  it('uses crypto.getRandomValues by default: fresh secrets, 0 < a < N', () => {
    const first = startSrp({ modPow });
    const second = startSrp({ modPow });
    expect(first.a).not.toBe(second.a);
    for (const secret of [first, second]) {
      expect(secret.a > 0n && secret.a < SRP_N).toBe(true);
      expect(secret.a < 1n << 1024n).toBe(true);
    }
  });

  it('throws (a programming error) only when injected dependencies can never give a usable secret', () => {
    expect(() => startSrp({ modPow, randomBytes: (length) => new Uint8Array(length) })).toThrow(
      'no usable SRP secret',
    );
  });
});

describe('defaultRandomBytes', () => {
  it('returns the requested length, beyond the 65 536-byte getRandomValues limit too', () => {
    expect(defaultRandomBytes(16)).toHaveLength(16);
    const big = defaultRandomBytes(70_000);
    expect(big).toHaveLength(70_000);
    expect(big.subarray(66_000).some((byte) => byte !== 0)).toBe(true);
  });
});

describe('checkB / checkU', () => {
  it('checkB rejects B ≡ 0 (mod N) and accepts anything else', () => {
    for (const B of [0n, SRP_N, 2n * SRP_N, 7n * SRP_N]) {
      expect(checkB(B)._unsafeUnwrapErr().reason).toBe('B_IS_ZERO_MOD_N');
    }
    for (const B of [1n, SRP_N - 1n, SRP_N + 1n]) expect(checkB(B).isOk()).toBe(true);
  });

  it('checkU rejects u = 0 and accepts anything else', () => {
    const error = checkU(0n)._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'SrpAborted', reason: 'U_IS_ZERO', retryable: false });
    expect(checkU(1n)._unsafeUnwrap()).toBe(1n);
  });
});

describe('computePasswordClaim aborts', () => {
  const password = 'Sup3r-Secret-Pa55word!';
  const server = createSrpServer({ poolName: 'AbCdEfGhI', userIdForSrp: 'user-1', password });
  const valid = (): PasswordClaimInput => ({
    poolName: 'AbCdEfGhI',
    userIdForSrp: 'user-1',
    password,
    secret: startSrp({ modPow }),
    srpB: server.srpB,
    salt: server.salt,
    secretBlock: server.secretBlock,
    timestamp: 'Tue Mar 3 09:04:05 UTC 2026',
  });

  it('succeeds on the valid input the abort cases start from', async () => {
    expect((await computePasswordClaim({ modPow }, valid())).isOk()).toBe(true);
  });

  it.each([
    ['B = 0', '0'],
    ['B = 00', '00'],
    ['B = N', SRP_N.toString(16)],
    ['B = 2N', (2n * SRP_N).toString(16)],
    ['B = 5N, upper case', (5n * SRP_N).toString(16).toUpperCase()],
  ])('%s → SrpAborted B_IS_ZERO_MOD_N, without computing S', async (_case, srpB) => {
    const spy = vi.fn(modPow);
    const result = await computePasswordClaim({ modPow: spy }, { ...valid(), srpB });
    expect(result._unsafeUnwrapErr()).toMatchObject({
      type: 'SrpAborted',
      reason: 'B_IS_ZERO_MOD_N',
      retryable: false,
    });
    expect(spy).not.toHaveBeenCalled();
  });

  it.each([
    ['SRP_B empty', { srpB: '' }],
    ['SRP_B not hex', { srpB: 'xyz' }],
    ['SRP_B with 0x', { srpB: '0x1234' }],
    ['SRP_B with whitespace', { srpB: ' 1234' }],
    ['SRP_B negative', { srpB: '-1234' }],
    ['SALT not hex', { salt: 'salt!' }],
    ['SALT empty', { salt: '' }],
    ['SECRET_BLOCK not base64', { secretBlock: 'not base64 at all!' }],
    ['SECRET_BLOCK truncated to 1 mod 4', { secretBlock: 'QUJDR' }],
    ['SECRET_BLOCK with a character of neither base64 alphabet', { secretBlock: 'ab.!' }],
  ])('%s → SrpAborted MALFORMED_PARAMETER', async (_case, override) => {
    const result = await computePasswordClaim({ modPow }, { ...valid(), ...override });
    expect(result._unsafeUnwrapErr()).toMatchObject({ type: 'SrpAborted', reason: 'MALFORMED_PARAMETER' });
  });

  it('never puts the password, the secret block or SRP values in an error, its JSON or inspection', async () => {
    const input = valid();
    const results = await Promise.all([
      computePasswordClaim({ modPow }, { ...input, srpB: SRP_N.toString(16) }),
      computePasswordClaim({ modPow }, { ...input, srpB: 'zz' }),
      computePasswordClaim({ modPow }, { ...input, salt: 'zz' }),
      computePasswordClaim({ modPow }, { ...input, secretBlock: `${server.secretBlock}!` }),
    ]);
    for (const result of results) {
      const error = result._unsafeUnwrapErr();
      for (const text of [error.message, JSON.stringify(error), inspect(error, { depth: 5 })]) {
        expect(text).not.toContain(password);
        expect(text).not.toContain(server.secretBlock.slice(0, 40));
        expect(text).not.toContain(server.salt);
        expect(text).not.toContain(input.secret.srpA.slice(0, 40));
      }
    }
  });

  it('never throws nor rejects, whatever the challenge strings: it resolves to a Result', async () => {
    const weird = ['', '\u0000', 'ff'.repeat(2000), '😀', '=', '0'];
    const pending: Array<ReturnType<typeof computePasswordClaim>> = [];
    for (const value of weird) {
      expect(() => {
        pending.push(computePasswordClaim({ modPow }, { ...valid(), srpB: value }));
        pending.push(computePasswordClaim({ modPow }, { ...valid(), salt: value }));
        pending.push(computePasswordClaim({ modPow }, { ...valid(), secretBlock: value }));
      }).not.toThrow();
    }
    const results = await Promise.all(pending);
    for (const result of results) expect(result.isOk() || result.error.type === 'SrpAborted').toBe(true);
  });
});
