import type { SignInStep } from './steps.js';

/**
 * The steps one client vouches for: those it built from Cognito's answers in this process and those it
 * opened from a sealed value. Object identity is the proof — a copy or a step rebuilt from JSON is not
 * in the set — so nothing a client sends can claim it. Held weakly: steps are dropped with their users.
 */
export interface IssuedSteps {
  has(step: unknown): boolean;
  add<S extends SignInStep>(step: S): S;
}

/**
 * A fresh set of vouched-for steps, one per client. `add` freezes the step, so the vouched-for object
 * cannot be edited afterwards.
 *
 * @example
 * ```ts
 * const issued = issuedSteps();
 * const step = issued.add({ step: 'CONFIRM_SIGN_UP', clientId: 'c', username: 'alice' });
 * issued.has(step); // true
 * issued.has({ ...step }); // false
 * ```
 */
export function issuedSteps(): IssuedSteps {
  const steps = new WeakSet<object>();
  return {
    has: (step) => typeof step === 'object' && step !== null && steps.has(step),
    add: (step) => {
      const frozen = Object.isFrozen(step) ? step : Object.freeze(step);
      steps.add(frozen);
      return frozen;
    },
  };
}
