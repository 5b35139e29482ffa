import { describe, expect, it } from 'vitest';
import { AuthClient, type StepKey } from '../../../src/index.js';

const userPoolId = 'eu-west-1_AbC123';
const clientId = 'client1';
const SECRET_TEXT = Buffer.alloc(32, 7).toString('base64url');

function configError(stepKeys: unknown): string {
  const created = AuthClient.create({ userPoolId, clientId, stepKeys: stepKeys as StepKey[] });
  const error = created._unsafeUnwrapErr();
  expect(error.type).toBe('InvalidConfig');
  return error.message;
}

describe('the stepKeys option', () => {
  it('accepts 32-byte keys as bytes, base64url or padded standard base64', () => {
    const standard = Buffer.alloc(32, 250).toString('base64');
    expect(standard).toMatch(/[+/=]/);
    const created = AuthClient.create({
      userPoolId,
      clientId,
      stepKeys: [
        { id: 'a', secret: new Uint8Array(32) },
        { id: 'b', secret: SECRET_TEXT },
        { id: 'c', secret: standard },
      ],
    });
    expect(created.isOk()).toBe(true);
  });

  it('refuses an empty list, a non-list, and keys of the wrong length — never quoting the secret', () => {
    expect(configError([])).toMatch(/non-empty list/);
    expect(configError([null])).toMatch(/stepKeys\[0\]\.id must be/);
    expect(configError('key')).toMatch(/non-empty list/);
    const short = Buffer.alloc(16, 7).toString('base64url');
    const message = configError([{ id: 'k1', secret: short }]);
    expect(message).toMatch(/stepKeys\[0\]\.secret must be 32 bytes/);
    expect(message).not.toContain(short);
  });

  it('refuses bad and duplicate ids, and lists every problem', () => {
    const message = configError([
      { id: 'has space', secret: SECRET_TEXT },
      { id: 'k', secret: SECRET_TEXT },
      { id: 'k', secret: SECRET_TEXT },
      { id: 'x'.repeat(17), secret: SECRET_TEXT },
    ]);
    expect(message).toContain('stepKeys[0].id must be');
    expect(message).not.toContain('stepKeys[1]');
    expect(message).toContain('stepKeys[2].id must be 1-16 of [A-Za-z0-9_-], unique');
    expect(message).toContain('stepKeys[3].id must be');
    expect(message).not.toContain(SECRET_TEXT);
  });

  it("copies a Uint8Array secret: zeroing the caller's array after create does not change the key", async () => {
    const step = { step: 'CONFIRM_SIGN_UP' as const, clientId, username: 'alice' };
    const stepKeys = (secret: Uint8Array) => [{ id: 'k', secret }];
    const sealer = AuthClient.create({
      userPoolId,
      clientId,
      stepKeys: stepKeys(new Uint8Array(32).fill(3)),
    });
    const sealed = (await sealer._unsafeUnwrap().sealStep(step))._unsafeUnwrap();
    const secret = new Uint8Array(32).fill(3);
    const opener = AuthClient.create({ userPoolId, clientId, stepKeys: stepKeys(secret) })._unsafeUnwrap();
    secret.fill(0);
    expect((await opener.openStep(sealed))._unsafeUnwrap()).toEqual(step);
  });
});
