import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SRP_N } from '../../../src/srp/group.js';
import { modPow } from '../../../src/srp/modpow-bigint.js';
import { modPow as nodeModPow } from '../../../src/srp/modpow-node.js';
import { computePasswordClaim, type PasswordClaimInput, startSrp } from '../../../src/srp/srp-client.js';
import { anyString, settings, TEST_TIMEOUT_MS } from './arbitraries.js';

const RUNS = { anyB: 400, zeroModN: 300, badInput: 1_000, agree: 60 };

const N_HEX = SRP_N.toString(16);
const PASSWORD = 'zq-Correct-Horse-9';
const secret = startSrp({ modPow, randomBytes: (length) => new Uint8Array(length).fill(7) });

const hex = (length: { min: number; max: number }) =>
  fc.stringMatching(new RegExp(`^[0-9a-fA-F]{${length.min},${length.max}}$`));

/** SRP_B values: zero and multiples of N (any case, leading zeros), random, huge, and not hex at all. */
const srpB = fc.oneof(
  fc.constantFrom('0', '00', N_HEX, N_HEX.toUpperCase(), `000${N_HEX}`, '1', 'ff'),
  fc.bigInt({ min: 0n, max: 1n << 20n }).map((k) => (k * SRP_N).toString(16)),
  hex({ min: 1, max: 800 }),
  fc.integer({ min: 1_000, max: 50_000 }).map((length) => 'f'.repeat(length)),
  fc.constantFrom('', '0x1f', ' ab', 'ab ', '-1', 'g', '１２'),
  anyString,
);

const salt = fc.oneof(hex({ min: 1, max: 64 }), fc.constantFrom('', 'zz', '0x10'), anyString);

const goodSecretBlock = fc
  .uint8Array({ maxLength: 256 })
  .map((bytes) => Buffer.from(bytes).toString('base64'));
const secretBlock = fc.oneof(
  goodSecretBlock,
  fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes).toString('base64url')),
  fc.constantFrom('a', 'ab=c', '====', 'a b', 'abc\n', '!!!!', 'YQ===', '%%'),
  anyString,
);

const input = (srpBValue: string, saltValue: string, block: string): PasswordClaimInput => ({
  poolName: 'AbCdEfGhI',
  userIdForSrp: 'a1b2c3d4-sub',
  password: PASSWORD,
  secret,
  srpB: srpBValue,
  salt: saltValue,
  secretBlock: block,
  timestamp: 'Sun Nov 22 02:10:29 UTC 2026',
});

const isHex = (s: string) => /^[0-9a-fA-F]+$/.test(s);

describe('computePasswordClaim on arbitrary challenge values (property)', () => {
  it(
    'resolves to a 32-byte signature or an SrpAborted Err for any SRP_B, SALT and SECRET_BLOCK, never a rejection',
    async () => {
      await fc.assert(
        fc.asyncProperty(srpB, salt, secretBlock, async (b, s, block) => {
          const result = await computePasswordClaim({ modPow }, input(b, s, block));
          if (result.isOk()) {
            expect(isHex(b) && isHex(s)).toBe(true);
            expect(BigInt(`0x${b}`) % SRP_N).not.toBe(0n);
            expect(Buffer.from(result.value.signature, 'base64')).toHaveLength(32);
            expect(result.value.key).toHaveLength(16);
            return;
          }
          const error = result.error;
          expect(error.type).toBe('SrpAborted');
          expect(['B_IS_ZERO_MOD_N', 'U_IS_ZERO', 'MALFORMED_PARAMETER']).toContain(error.reason);
          if (!isHex(b) || !isHex(s)) expect(error.reason).toBe('MALFORMED_PARAMETER');
          for (const leaked of [PASSWORD, block.length >= 8 ? block : undefined]) {
            if (leaked !== undefined) expect(error.message).not.toContain(leaked);
          }
        }),
        settings(RUNS.anyB, 8_000),
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'aborts with B_IS_ZERO_MOD_N for every multiple of N, whatever the padding and case',
    async () => {
      const multiple = fc
        .tuple(fc.bigInt({ min: 0n, max: 1n << 64n }), fc.nat(8), fc.boolean())
        .map(([k, zeros, upper]) => {
          const digits = (k * SRP_N).toString(16);
          return '0'.repeat(zeros) + (upper ? digits.toUpperCase() : digits);
        });
      await fc.assert(
        fc.asyncProperty(multiple, goodSecretBlock, async (b, block) => {
          const result = await computePasswordClaim({ modPow }, input(b, 'ab12', block));
          expect(result._unsafeUnwrapErr()).toMatchObject({ type: 'SrpAborted', reason: 'B_IS_ZERO_MOD_N' });
        }),
        settings(RUNS.zeroModN),
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'aborts with MALFORMED_PARAMETER for SRP_B, SALT or SECRET_BLOCK that is not hex / base64',
    async () => {
      const notHex = fc.oneof(
        fc.constant(''),
        fc.string({ minLength: 1 }).filter((s) => !isHex(s)),
      );
      const notBase64 = fc.string({ minLength: 1 }).filter((s) => /[^A-Za-z0-9+/_=-]/.test(s));
      const bad = fc.oneof(
        fc.tuple(notHex, fc.constant('ab12'), goodSecretBlock),
        fc.tuple(fc.constant('ab12'), notHex, goodSecretBlock),
        fc.tuple(fc.constantFrom('0', N_HEX, 'ab12'), fc.constant('ab12'), notBase64),
      );
      await fc.assert(
        fc.asyncProperty(bad, async ([b, s, block]) => {
          const result = await computePasswordClaim({ modPow }, input(b, s, block));
          expect(result._unsafeUnwrapErr()).toMatchObject({
            type: 'SrpAborted',
            reason: 'MALFORMED_PARAMETER',
          });
        }),
        settings(RUNS.badInput),
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'computes the same signature with the BigInt and the OpenSSL modPow for any valid SRP_B',
    async () => {
      const validB = hex({ min: 1, max: 800 }).filter((b) => BigInt(`0x${b}`) % SRP_N !== 0n);
      await fc.assert(
        fc.asyncProperty(validB, hex({ min: 1, max: 64 }), goodSecretBlock, async (b, s, block) => {
          const [bigint, openssl] = await Promise.all([
            computePasswordClaim({ modPow }, input(b, s, block)),
            computePasswordClaim({ modPow: nodeModPow }, input(b, s, block)),
          ]);
          expect(bigint._unsafeUnwrap().signature).toBe(openssl._unsafeUnwrap().signature);
        }),
        settings(RUNS.agree, 8_000),
      );
    },
    TEST_TIMEOUT_MS,
  );
});
