import { errAsync, type ResultAsync } from 'neverthrow';
import { formatAttributes } from '../../attributes/format.js';
import type { UserAttributes } from '../../attributes/types.js';
import { makeError } from '../../errors/make-error.js';
import { narrowError } from '../../errors/narrow.js';
import { type AuthContext, secretHashParameter } from '../context.js';
import { CHALLENGE_ERRORS, type CompleteNewPasswordError } from '../errors.js';
import { mapAuthResponse } from '../map-auth-response.js';
import { parseStep } from '../resume-step.js';
import type { SignInStep, Step } from '../steps.js';

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
  const { config, transport } = context;
  const checked = parseStep(step, { clientId: config.clientId, now: config.now() });
  if (checked.isErr()) return errAsync(checked.error);
  if (checked.value.step !== 'NEW_PASSWORD_REQUIRED') {
    return errAsync(
      makeError('InvalidStep', `Expected a NEW_PASSWORD_REQUIRED step, got ${checked.value.step}`),
    );
  }
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
  const username = step.challengeUsername;
  return secretHashParameter(config, username)
    .andThen((hash) =>
      transport(
        'RespondToAuthChallenge',
        {
          ChallengeName: 'NEW_PASSWORD_REQUIRED',
          ClientId: config.clientId,
          Session: step.session,
          ChallengeResponses: { USERNAME: username, NEW_PASSWORD: newPassword, ...userAttributes, ...hash },
          ...(options.clientMetadata ? { ClientMetadata: { ...options.clientMetadata } } : {}),
        },
        { secrets: [newPassword, step.session, config.clientSecret] },
      ),
    )
    .andThen((response) =>
      mapAuthResponse(response, { clientId: config.clientId, username: step.username, now: config.now() }),
    )
    .mapErr((error) => narrowError(error, [...CHALLENGE_ERRORS, 'UnsupportedChallenge']));
}
