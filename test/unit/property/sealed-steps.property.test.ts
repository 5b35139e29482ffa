/**
 * Random mutations of sealed and unsealed steps thrown at `openStep` and `resume`: the answer is a typed
 * error, or the untouched step (sealed), or a step that still cannot sign anyone in or reach the admin
 * API (unsealed). Never a throw, never a SIGNED_IN or admin step out of an unsealed value.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AuthClient, type SignInStep } from '../../../src/index.js';
import { NOW, STEPS } from '../auth/sealed/sealed-fixtures.js';
import { anyField, settings, TEST_TIMEOUT_MS } from './arbitraries.js';

const CLIENT_ID = '1example23456789abcdefghij';
const auth = AuthClient.create({
  userPoolId: 'eu-west-1_AbC123',
  clientId: CLIENT_ID,
  now: () => NOW,
  stepKeys: [
    { id: 'new', secret: new Uint8Array(32).fill(5) },
    { id: 'old', secret: new Uint8Array(32).fill(6) },
  ],
})._unsafeUnwrap();

const signedIn: SignInStep = {
  step: 'SIGNED_IN',
  username: 'alice',
  tokens: { idToken: 'a.b.c', accessToken: 'd.e.f', expiresAt: NOW + 3_600_000, tokenType: 'Bearer' },
};
const adminStep = { ...(STEPS[0] as SignInStep), admin: true } as SignInStep;
const ALL: readonly SignInStep[] = [...STEPS, signedIn, adminStep];
const TYPED = ['InvalidStep', 'SessionExpired'];

/** One edit of a string: replace, delete or insert characters, truncate, or swap two of them. */
const edit = (text: string) =>
  fc.oneof(
    fc
      .tuple(fc.nat({ max: text.length - 1 }), fc.string({ minLength: 1, maxLength: 3, unit: 'binary' }))
      .map(([at, s]) => text.slice(0, at) + s + text.slice(at + 1)),
    fc
      .tuple(fc.nat({ max: text.length - 1 }), fc.integer({ min: 1, max: 40 }))
      .map(([at, n]) => text.slice(0, at) + text.slice(at + n)),
    fc
      .tuple(fc.nat({ max: text.length }), fc.string({ minLength: 1, maxLength: 8 }))
      .map(([at, s]) => text.slice(0, at) + s + text.slice(at)),
    fc.nat({ max: text.length - 1 }).map((at) => text.slice(0, at)),
    fc.tuple(fc.nat({ max: text.length - 1 }), fc.nat({ max: text.length - 1 })).map(([i, j]) => {
      const chars = [...text];
      [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
      return chars.join('');
    }),
  );

describe('sealed and unsealed steps under random mutation (property)', () => {
  it(
    'openStep of a mutated sealed value: a typed InvalidStep/SessionExpired error, or the untouched step',
    async () => {
      const sealedSteps = await Promise.all(
        ALL.map(async (step) => [step, (await auth.sealStep(step))._unsafeUnwrap()] as const),
      );
      const cases = fc
        .constantFrom(...sealedSteps)
        .chain(([step, sealed]) => fc.tuple(fc.constant(step), fc.constant(sealed), edit(sealed)));
      await fc.assert(
        fc.asyncProperty(cases, async ([step, sealed, mutated]) => {
          const opened = await auth.openStep(mutated);
          if (opened.isErr()) {
            expect(TYPED).toContain(opened.error.type);
            expect(opened.error.message).not.toContain(sealed.split('.')[3]?.slice(0, 24) ?? sealed);
            return;
          }
          // Only a no-op edit (e.g. swapping two equal characters) may open, and then to the same step.
          expect(mutated).toBe(sealed);
          expect(opened.value).toEqual(step);
        }),
        settings(600, 8_000),
      );
    },
    TEST_TIMEOUT_MS + 5_000,
  );

  it(
    'resume of a mutated unsealed JSON step: a typed error, or a step that is neither SIGNED_IN nor admin',
    () => {
      const cases = fc.constantFrom(...ALL).chain((step) => edit(JSON.stringify(step)));
      fc.assert(
        fc.property(cases, (json) => {
          const resumed = auth.resume(json);
          if (resumed.isErr()) {
            expect(TYPED).toContain(resumed.error.type);
            return;
          }
          expect(resumed.value.step).not.toBe('SIGNED_IN');
          expect(resumed.value).not.toHaveProperty('admin');
        }),
        settings(1_500),
      );
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'resume of an unsealed step object with one field replaced by any JSON value: the same guarantees',
    () => {
      const cases = fc
        .constantFrom(...ALL)
        .chain((step) =>
          fc.tuple(fc.constant(step), fc.constantFrom(...Object.keys(step), 'admin', 'step'), anyField),
        );
      fc.assert(
        fc.property(cases, ([step, key, value]) => {
          const resumed = auth.resume({ ...step, [key]: value });
          if (resumed.isErr()) {
            expect(TYPED).toContain(resumed.error.type);
            return;
          }
          expect(resumed.value.step).not.toBe('SIGNED_IN');
          expect(resumed.value).not.toHaveProperty('admin');
        }),
        settings(1_500),
      );
    },
    TEST_TIMEOUT_MS,
  );
});
