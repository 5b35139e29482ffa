import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import { err, ok, type Result } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import type { CognitoError, UnexpectedError } from '../errors/types.js';
import { tokenSetFromAuthenticationResult } from '../tokens/token-set.js';
import type { ChallengeParameters } from './challenge-parameters.js';
import { challengeStep } from './challenge-step.js';
import { SESSION_TTL_MS, type SignInStep } from './steps.js';

/**
 * The parts of an InitiateAuth / RespondToAuthChallenge answer that decide the next step.
 *
 * @example
 * ```ts
 * const response: AuthResponse = { ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 's', ChallengeParameters: {} };
 * ```
 */
export interface AuthResponse {
  readonly ChallengeName?: string | undefined;
  readonly ChallengeParameters?: Record<string, string> | undefined;
  readonly Session?: string | undefined;
  readonly AuthenticationResult?: AuthenticationResultType | undefined;
  /** The first factors offered with SELECT_CHALLENGE (choice-based USER_AUTH). */
  readonly AvailableChallenges?: readonly string[] | undefined;
}

/**
 * What the mapping needs to know besides the answer.
 *
 * @example
 * ```ts
 * const context: MappingContext = { clientId: '1example', username: 'alice', now: Date.now() };
 * ```
 */
export interface MappingContext {
  readonly clientId: string;
  /** The user name as typed at sign-in. */
  readonly username: string;
  /** Epoch milliseconds when the answer arrived. */
  readonly now: number;
  /** The answer came from the admin API; challenge steps remember it. */
  readonly admin?: boolean;
}

/**
 * Maps Cognito's answer to InitiateAuth or RespondToAuthChallenge to the next {@link SignInStep}.
 * Pure: no I/O, no clock (the time comes in `context`).
 *
 * @example
 * ```ts
 * const step = mapAuthResponse(response, { clientId, username: 'alice', now: Date.now() });
 * ```
 */
export function mapAuthResponse(
  response: AuthResponse,
  context: MappingContext,
): Result<SignInStep, UnexpectedError> {
  if (typeof response !== 'object' || response === null) {
    return err(makeError('Unexpected', 'Cognito sent an empty answer'));
  }
  if (response.AuthenticationResult) {
    return tokenSetFromAuthenticationResult(response.AuthenticationResult, context.now).map((tokens) => ({
      step: 'SIGNED_IN' as const,
      username: context.username,
      tokens,
    }));
  }
  const name = response.ChallengeName;
  if (typeof name !== 'string' || name.length === 0) {
    return err(makeError('Unexpected', 'Cognito answered with neither tokens nor a challenge'));
  }
  if (typeof response.Session !== 'string' || response.Session.length === 0) {
    return err(makeError('Unexpected', `Cognito sent the ${name.slice(0, 64)} challenge without a session`));
  }
  const params: ChallengeParameters = response.ChallengeParameters ?? {};
  const named = (value: unknown) => (typeof value === 'string' && value.length > 0 ? value : undefined);
  return challengeStep(name, params, response.AvailableChallenges, {
    clientId: context.clientId,
    username: context.username,
    challengeUsername: named(params.USERNAME) ?? named(params.USER_ID_FOR_SRP) ?? context.username,
    session: response.Session,
    expiresAt: context.now + SESSION_TTL_MS,
    ...(context.admin ? { admin: true as const } : {}),
  });
}

/**
 * Turns the sign-in failures that users treat as next steps into steps: an unconfirmed user becomes
 * `CONFIRM_SIGN_UP`, a required password reset becomes `RESET_PASSWORD`. Other errors pass through.
 *
 * @example
 * ```ts
 * const next = stepFromSignInError(error, { clientId, username: 'alice' });
 * ```
 */
export function stepFromSignInError<E extends CognitoError>(
  error: E,
  context: Pick<MappingContext, 'clientId' | 'username'>,
): Result<SignInStep, E> {
  if (error.type === 'UserNotConfirmed') {
    return ok({ step: 'CONFIRM_SIGN_UP', clientId: context.clientId, username: context.username });
  }
  if (error.type === 'PasswordResetRequired') {
    return ok({ step: 'RESET_PASSWORD', clientId: context.clientId, username: context.username });
  }
  return err(error);
}
