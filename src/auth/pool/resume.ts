import type { Result } from 'neverthrow';
import type { InvalidConfigError } from '../../errors/types.js';
import type { ResumeError } from '../errors.js';
import { parseStep } from '../resume-step.js';
import type { SignInStep } from '../steps.js';
import { poolContext, type UserPool } from '../user-pool.js';

/**
 * Re-validates a step that travelled as JSON (a string or a parsed object): its shape, that it belongs to
 * this pool's app client, and that its session has not expired.
 *
 * @example
 * ```ts
 * const step = resumeStep(pool, sessionStorage.getItem('step'));
 * if (step.isOk() && step.value.step === 'SOFTWARE_TOKEN_MFA') await submitCode(pool, step.value, code);
 * ```
 */
export function resumeStep(
  pool: UserPool,
  json: unknown,
): Result<SignInStep, ResumeError | InvalidConfigError> {
  return poolContext(pool).andThen(({ config }) =>
    parseStep(json, { clientId: config.clientId, now: config.now() }),
  );
}
