import { describe, expect, it } from 'vitest';
import { openStep, resumeStep, sealStep, userPool } from '../../../src/browser/index.js';

const clientId = 'client1';
const step = { step: 'CONFIRM_SIGN_UP' as const, clientId, username: 'alice' };

describe('cognito-flow/browser: sealStep / openStep on a userPool handle', () => {
  it("seals and opens with the pool's stepKeys (WebCrypto AES-GCM), like AuthClient", async () => {
    const pool = userPool({
      userPoolId: 'eu-west-1_AbC123',
      clientId,
      stepKeys: [{ id: 'k', secret: new Uint8Array(32).fill(4) }],
    });
    const sealed = (await sealStep(pool, step))._unsafeUnwrap();
    expect(sealed.startsWith('cf1.k.')).toBe(true);
    expect((await openStep(pool, sealed))._unsafeUnwrap()).toEqual(step);
    expect(resumeStep(pool, sealed)._unsafeUnwrapErr().type).toBe('InvalidStep');
  });

  it('bad stepKeys are InvalidConfig at the first seal or open (sign-in-only bundles carry no key parsing)', async () => {
    const pool = userPool({
      userPoolId: 'eu-west-1_AbC123',
      clientId,
      stepKeys: [{ id: 'k', secret: 'too-short' }],
    });
    expect((await sealStep(pool, step))._unsafeUnwrapErr()).toMatchObject({
      type: 'InvalidConfig',
      message: expect.stringMatching(/32 bytes/),
    });
    expect((await openStep(pool, 'cf1.k.a.b'))._unsafeUnwrapErr().type).toBe('InvalidConfig');
  });
});
