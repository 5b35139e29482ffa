import { errAsync, type ResultAsync } from 'neverthrow';
import { formatAttributes } from '../../attributes/format.js';
import type { UserAttributes } from '../../attributes/types.js';
import { makeError } from '../../errors/make-error.js';
import { narrowError } from '../../errors/narrow.js';
import type { AuthContext } from '../context.js';
import { CHALLENGE_ERRORS, type CompleteNewPasswordError } from '../errors.js';
import type { SignInStep, Step } from '../steps.js';
import { answerStep, validateStep } from './answer.js';

/**
 * Options of `completeNewPassword`.
 *
 * @example
 * ```ts
 * await auth.completeNewPassword(step, pw, { attributes: { email: 'a@example.com' }, clientMetadata: { app: 'web' } });
 * ```
 */
export interface CompleteNewPasswordOptions {
  /** Values for the step's `requiredAttributes` (and any other writable attribute). */
  readonly attributes?: UserAttributes;
  /** Passed to the pool's Lambda triggers. */
  readonly clientMetadata?: Readonly<Record<string, string>>;
}

/**
 * Answers NEW_PASSWORD_REQUIRED: checks locally that every required attribute is given, then
 * sends RespondToAuthChallenge with NEW_PASSWORD, `userAttributes.*` and SECRET_HASH.
 *
 * @example
 * ```ts
 * completeNewPassword(context, step, 'N3w-Passw0rd!', { attributes: { email: 'a@example.com' } });
 * ```
 */
export function completeNewPassword(
  context: AuthContext,
  step: Step<'NEW_PASSWORD_REQUIRED'>,
  newPassword: string,
  options: CompleteNewPasswordOptions = {},
): ResultAsync<SignInStep, CompleteNewPasswordError> {
  const checked = validateStep(context, step, ['NEW_PASSWORD_REQUIRED']);
  if (checked.isErr()) return errAsync(checked.error);
  if (typeof newPassword !== 'string' || newPassword.length === 0) {
    return errAsync(makeError('InvalidParameter', 'newPassword must be a non-empty string'));
  }
  const formatted = formatAttributes(options.attributes ?? {});
  if (formatted.isErr()) return errAsync(formatted.error);
  const attributes = formatted.value;
  const missing = step.requiredAttributes.filter((name) => !attributes[name]);
  if (missing.length > 0) {
    return errAsync(
      makeError(
        'MissingRequiredAttributes',
        `Cognito requires these attributes with the new password: ${missing.join(', ')}`,
        {},
        { missing },
      ),
    );
  }
  const userAttributes = Object.fromEntries(
    Object.entries(attributes).map(([name, value]) => [`userAttributes.${name}`, value]),
  );
  return answerStep(context, step, {
    expected: ['NEW_PASSWORD_REQUIRED'],
    challengeName: 'NEW_PASSWORD_REQUIRED',
    responses: { NEW_PASSWORD: newPassword, ...userAttributes },
    secrets: [newPassword],
    ...(options.clientMetadata ? { clientMetadata: options.clientMetadata } : {}),
  }).mapErr((error) => narrowError(error, CHALLENGE_ERRORS));
}
