import { describe, expect, it } from 'vitest';
import { fakeAccessToken, fakeIdToken } from '../../../support/jwt.js';
import { KEY_NEW, KEY_OLD, NOW, SESSION, STEPS, sealingClient } from './sealed-fixtures.js';

describe('sealStep / openStep round trip', () => {
  it.each(STEPS.map((step) => [step.step, step] as const))(
    'a sealed %s step opens deep-equal, hides its session and user, and fits a 4 kB cookie',
    async (_name, step) => {
      const auth = sealingClient();
      const sealed = (await auth.sealStep(step))._unsafeUnwrap();
      expect(sealed).toMatch(/^cf1\.2026-12\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
      expect(sealed).not.toContain(SESSION.slice(0, 40));
      expect(sealed).not.toContain('alice');
      expect(sealed.length).toBeLessThan(4096);
      expect((await auth.openStep(sealed))._unsafeUnwrap()).toEqual(step);
    },
  );

  it('a sealed SIGNED_IN step opens (sealed by the service, so it is vouched for)', async () => {
    const step = {
      step: 'SIGNED_IN' as const,
      username: 'alice',
      tokens: {
        idToken: fakeIdToken('alice'),
        accessToken: fakeAccessToken('alice'),
        refreshToken: 'r'.repeat(1_700),
        expiresAt: NOW + 3_600_000,
        tokenType: 'Bearer',
      },
    };
    const auth = sealingClient();
    const sealed = (await auth.sealStep(step))._unsafeUnwrap();
    expect((await auth.openStep(sealed))._unsafeUnwrap()).toEqual(step);
  });

  it('draws a fresh random IV for every seal: the same step never seals to the same string', async () => {
    const auth = sealingClient();
    const step = STEPS[0];
    if (!step) throw new Error('no step');
    const seals = await Promise.all(Array.from({ length: 50 }, () => auth.sealStep(step)));
    const ivs = new Set(seals.map((s) => s._unsafeUnwrap().split('.')[2]));
    expect(ivs.size).toBe(50);
  });

  it('key rotation: the first key seals, and a value sealed with an older listed key still opens', async () => {
    const step = STEPS[1];
    if (!step) throw new Error('no step');
    const before = (await sealingClient([KEY_OLD]).sealStep(step))._unsafeUnwrap();
    const rotated = sealingClient([KEY_NEW, KEY_OLD]);
    expect((await rotated.openStep(before))._unsafeUnwrap()).toEqual(step);
    const after = (await rotated.sealStep(step))._unsafeUnwrap();
    expect(after.split('.')[1]).toBe(KEY_NEW.id);
  });

  it('once the old key is dropped, its values are InvalidStep (unknown key)', async () => {
    const step = STEPS[1];
    if (!step) throw new Error('no step');
    const old = (await sealingClient([KEY_OLD]).sealStep(step))._unsafeUnwrap();
    const error = (await sealingClient([KEY_NEW]).openStep(old))._unsafeUnwrapErr();
    expect(error).toMatchObject({
      type: 'InvalidStep',
      message: expect.stringMatching(/key this client does not have/),
    });
  });

  it('the opened step is vouched for: it keeps admin, unlike the same step resumed unsealed', async () => {
    const step = { ...STEPS[1], admin: true } as (typeof STEPS)[number];
    const auth = sealingClient();
    const sealed = (await auth.sealStep(step))._unsafeUnwrap();
    expect((await auth.openStep(sealed))._unsafeUnwrap()).toMatchObject({ admin: true });
    expect(auth.resume(JSON.stringify(step))._unsafeUnwrapErr().type).toBe('InvalidStep');
  });
});
