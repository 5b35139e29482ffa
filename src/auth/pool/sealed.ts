import type { ResultAsync } from 'neverthrow';
import type { AuthContext } from '../context.js';
import { type OpenStepError, openStep as openSealed } from '../sealed/open-step.js';
import { type SealStepError, sealStep as sealWith } from '../sealed/seal-step.js';
import { stepKeysOf } from '../sealed/step-keys.js';
import type { SignInStep } from '../steps.js';
import { type UserPool, withPool } from '../user-pool.js';

const sealContext = (context: AuthContext) =>
  stepKeysOf(context.config).map((keys) => ({
    keys,
    clientId: context.config.clientId,
    now: context.config.now(),
  }));

/**
 * Seals a step for a trip through a browser (cookie, header, form field) with the pool's first
 * `stepKeys` key: AES-256-GCM, bound to the app client and the step's expiry. Send the string, never the
 * step itself: a plain step shows Cognito's session and the user's attributes, and comes back unvouched.
 *
 * @example
 * ```ts
 * const sealed = await sealStep(pool, step);
 * if (sealed.isOk()) sessionStorage.setItem('step', sealed.value);
 * ```
 */
export function sealStep(pool: UserPool, step: SignInStep): ResultAsync<string, SealStepError> {
  return withPool(pool, (context) => sealContext(context).asyncAndThen((sealing) => sealWith(sealing, step)));
}

/**
 * Opens a value `sealStep` made with any of the pool's `stepKeys`: the step comes back as this client
 * issued it (with its `admin` flag and user name), ready for the next transition.
 *
 * @example
 * ```ts
 * const step = await openStep(pool, sessionStorage.getItem('step'));
 * if (step.isOk() && step.value.step === 'SOFTWARE_TOKEN_MFA') await submitCode(pool, step.value, code);
 * ```
 */
export function openStep(pool: UserPool, sealed: unknown): ResultAsync<SignInStep, OpenStepError> {
  return withPool(pool, (context) =>
    sealContext(context)
      .asyncAndThen((opening) => openSealed(opening, sealed))
      .map((step) => context.issued.add(step)),
  );
}
