import { describe, expect, it } from 'vitest';
import { AuthClient, SEALED_STEP_MAX_CHARS } from '../../../../src/index.js';
import { CLIENT_ID, KEY_NEW, NOW, STEPS, sealingClient, USER_POOL_ID } from './sealed-fixtures.js';

const step = STEPS[4]; // NEW_PASSWORD_REQUIRED: session and user attributes inside
if (!step) throw new Error('no step');

async function sealed(): Promise<string> {
  return (await sealingClient().sealStep(step as NonNullable<typeof step>))._unsafeUnwrap();
}

/** `text` with the character at `index` replaced by another of the base64url alphabet. */
function flip(text: string, index: number): string {
  const c = text[index];
  return `${text.slice(0, index)}${c === 'A' ? 'B' : 'A'}${text.slice(index + 1)}`;
}

async function expectInvalid(value: unknown, pattern: RegExp): Promise<void> {
  const error = (await sealingClient().openStep(value))._unsafeUnwrapErr();
  expect(error.type).toBe('InvalidStep');
  expect(error.message).toMatch(pattern);
  expect(error.retryable).toBe(false);
}

describe('openStep refuses every tampering with a typed error', () => {
  it('a changed character in the ciphertext fails authentication', async () => {
    const value = await sealed();
    await expectInvalid(flip(value, value.length - 30), /failed authentication/);
  });

  it('a changed character in the tag (the last bytes) fails authentication', async () => {
    const value = await sealed();
    await expectInvalid(flip(value, value.length - 3), /failed authentication|malformed/);
  });

  it('a changed IV fails authentication', async () => {
    const value = await sealed();
    const ivStart = value.indexOf('.', 4) + 1; // cf1.<key id>.<iv>.<data>
    await expectInvalid(flip(value, ivStart), /failed authentication/);
  });

  it('a truncated value is refused', async () => {
    const value = await sealed();
    await expectInvalid(value.slice(0, value.length - 20), /failed authentication|malformed/);
    await expectInvalid(value.split('.').slice(0, 3).join('.'), /Not a sealed step/);
  });

  it('a value sealed for another app client fails authentication (the client id is bound as AAD)', async () => {
    const foreign = (
      await sealingClient([KEY_NEW], { clientId: 'other9client9id' }).sealStep({
        ...step,
        clientId: 'other9client9id',
      } as NonNullable<typeof step>)
    )._unsafeUnwrap();
    await expectInvalid(foreign, /failed authentication/);
  });

  it('a key id swapped for another listed key fails authentication', async () => {
    const value = await sealed();
    const other = value.replace(`.${KEY_NEW.id}.`, '.2026-11.');
    const error = (
      await sealingClient([KEY_NEW, { id: '2026-11', secret: new Uint8Array(32).fill(2) }]).openStep(other)
    )._unsafeUnwrapErr();
    expect(error).toMatchObject({
      type: 'InvalidStep',
      message: expect.stringMatching(/failed authentication/),
    });
  });

  it('another version prefix, extra parts, or non-base64url text are not sealed steps', async () => {
    const value = await sealed();
    await expectInvalid(value.replace(/^cf1/, 'cf2'), /Not a sealed step/);
    await expectInvalid(`${value}.x`, /Not a sealed step/);
    await expectInvalid(value.replace(/\.([^.]*)$/, '.***'), /malformed/);
  });

  it('a value over SEALED_STEP_MAX_CHARS is refused before decoding', async () => {
    await expectInvalid(
      `cf1.${KEY_NEW.id}.${'A'.repeat(SEALED_STEP_MAX_CHARS)}`,
      /over \d+ characters; it was not decoded/,
    );
  });

  it('a non-string (an object, a number, undefined) is InvalidStep', async () => {
    for (const value of [{ ...step }, 42, undefined, null]) await expectInvalid(value, /is a string/);
  });

  it('an expired sealed step is SessionExpired, however intact', async () => {
    const clock = { now: NOW };
    const auth = sealingClient([KEY_NEW], { clock });
    const value = (await auth.sealStep(step))._unsafeUnwrap();
    clock.now = NOW + 180_000;
    expect((await auth.openStep(value))._unsafeUnwrapErr().type).toBe('SessionExpired');
  });

  it('a CONFIRM_SIGN_UP step (no session) expires with the sealed value, 15 minutes on', async () => {
    const clock = { now: NOW };
    const auth = sealingClient([KEY_NEW], { clock });
    const confirm = STEPS.find((s) => s.step === 'CONFIRM_SIGN_UP');
    if (!confirm) throw new Error('no step');
    const value = (await auth.sealStep(confirm))._unsafeUnwrap();
    clock.now = NOW + 15 * 60_000 - 1;
    expect((await auth.openStep(value)).isOk()).toBe(true);
    clock.now = NOW + 15 * 60_000;
    expect((await auth.openStep(value))._unsafeUnwrapErr().type).toBe('SessionExpired');
  });

  it('without stepKeys, sealing and opening are InvalidConfig', async () => {
    const auth = AuthClient.create({ userPoolId: USER_POOL_ID, clientId: CLIENT_ID })._unsafeUnwrap();
    expect((await auth.sealStep(step))._unsafeUnwrapErr().type).toBe('InvalidConfig');
    expect((await auth.openStep('cf1.a.b.c'))._unsafeUnwrapErr().type).toBe('InvalidConfig');
  });

  it('sealing a step of another app client or an expired one is refused', async () => {
    const auth = sealingClient();
    expect((await auth.sealStep({ ...step, clientId: 'x' } as typeof step))._unsafeUnwrapErr().type).toBe(
      'InvalidStep',
    );
    expect((await auth.sealStep({ ...step, expiresAt: NOW } as typeof step))._unsafeUnwrapErr().type).toBe(
      'InvalidStep',
    );
  });
});
