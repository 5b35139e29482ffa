import type { Result } from 'neverthrow';
import type { InvalidConfigError } from '../../errors/types.js';
import type { ResumeError } from '../errors.js';
import { parseStep } from '../resume-step.js';
import type { SignInStep } from '../steps.js';
import { poolContext, type UserPool } from '../user-pool.js';

/**
 * Re-validates an unsealed step kept in storage you control (a string or a parsed object): its size, shape,
 * app client and expiry; never `SIGNED_IN` nor `admin` (see `openStep` for steps that travel through a
 * client).
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
