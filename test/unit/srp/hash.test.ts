import { createHash, createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacSha256, sha256 } from '../../../src/srp/hash.js';
import { cognitoHkdf, SRP_KEY_LENGTH } from '../../../src/srp/hkdf.js';
import { AuthenticationHelper } from '../../support/cognito-oracle.js';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('sha256', () => {
  it('hashes the FIPS 180-2 "abc" example', async () => {
    expect(hex(await sha256(new TextEncoder().encode('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('matches node:crypto for random inputs of 0..300 bytes', async () => {
    for (let length = 0; length <= 300; length += 7) {
      const data = new Uint8Array(randomBytes(length));
      expect(hex(await sha256(data))).toBe(createHash('sha256').update(data).digest('hex'));
    }
  });

  it('hashes only the bytes of a subarray view, and accepts SharedArrayBuffer-backed views', async () => {
    const backing = new Uint8Array([9, 1, 2, 3, 9]);
    expect(hex(await sha256(backing.subarray(1, 4)))).toBe(
      createHash('sha256')
        .update(Buffer.from([1, 2, 3]))
        .digest('hex'),
    );
    const shared = new Uint8Array(new SharedArrayBuffer(3));
    shared.set([1, 2, 3]);
    expect(hex(await sha256(shared))).toBe(
      createHash('sha256')
        .update(Buffer.from([1, 2, 3]))
        .digest('hex'),
    );
  });
});

describe('hmacSha256', () => {
  it('matches node:crypto for random keys (empty, short, longer than a block) and messages', async () => {
    for (const keyLength of [0, 1, 16, 32, 64, 65, 200]) {
      const key = new Uint8Array(randomBytes(keyLength));
      const data = new Uint8Array(randomBytes(keyLength * 3 + 1));
      expect(hex(await hmacSha256(key, data))).toBe(createHmac('sha256', key).update(data).digest('hex'));
    }
  });
});

describe('cognitoHkdf', () => {
  const manual = (ikm: Uint8Array, salt: Uint8Array) => {
    const prk = createHmac('sha256', salt).update(ikm).digest();
    const info = Buffer.concat([Buffer.from('Caldera Derived Key', 'utf8'), Buffer.from([1])]);
    return createHmac('sha256', prk).update(info).digest().subarray(0, 16);
  };

  it('is HMAC(HMAC(salt, ikm), "Caldera Derived Key" || 0x01) truncated to 16 bytes', async () => {
    for (let i = 0; i < 20; i++) {
      const ikm = new Uint8Array(randomBytes(384 + (i % 2)));
      const salt = new Uint8Array(randomBytes(32 + (i % 2)));
      const key = await cognitoHkdf(ikm, salt);
      expect(key).toHaveLength(SRP_KEY_LENGTH);
      expect(hex(key)).toBe(manual(ikm, salt).toString('hex'));
    }
  });

  it("matches amazon-cognito-identity-js's computehkdf", async () => {
    const aws = new AuthenticationHelper('pool');
    for (let i = 0; i < 20; i++) {
      const ikm = new Uint8Array(randomBytes(385));
      const salt = new Uint8Array(randomBytes(33));
      expect(hex(await cognitoHkdf(ikm, salt))).toBe(
        hex(aws.computehkdf(Buffer.from(ikm), Buffer.from(salt))),
      );
    }
  });
});
