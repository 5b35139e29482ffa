import { createDiffieHellmanGroup } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { computeSrpK, SRP_G, SRP_K, SRP_K_HEX, SRP_N, SRP_N_HEX } from '../../../src/srp/group.js';
import { AuthenticationHelper } from '../../support/cognito-oracle.js';
import { loadSrpVector } from '../../support/srp-vector.js';

describe('SRP group', () => {
  const aws = new AuthenticationHelper('pool');

  it('N is the 3072-bit RFC 5054 prime (= RFC 3526 group 15 in OpenSSL) and the one AWS uses', () => {
    expect(SRP_N_HEX).toHaveLength(768);
    expect(SRP_N.toString(2)).toHaveLength(3072);
    expect(SRP_N).toBe(BigInt(`0x${createDiffieHellmanGroup('modp15').getPrime('hex')}`));
    expect(SRP_N.toString(16)).toBe(aws.N.toString(16));
    expect(SRP_N).toBe(BigInt(`0x${SRP_N_HEX}`));
  });

  it('g is 2, as AWS uses', () => {
    expect(SRP_G).toBe(2n);
    expect(aws.g.toString(16)).toBe('2');
  });

  it('the precomputed k equals H(padHex(N) || padHex(g)), the vector and AWS', async () => {
    expect(await computeSrpK()).toBe(SRP_K);
    expect(SRP_K.toString(16)).toBe(SRP_K_HEX);
    expect(SRP_K_HEX).toBe(loadSrpVector().k_hex);
    expect(SRP_K.toString(16)).toBe(aws.k.toString(16));
  });

  it('computeSrpK depends on its group (another g gives another k)', async () => {
    expect(await computeSrpK(SRP_N, 5n)).not.toBe(SRP_K);
  });
});
