import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import { err, ok, type Result } from 'neverthrow';
import type { AttributeMap } from '../attributes/types.js';
import { makeError } from '../errors/make-error.js';
import type { CognitoError, UnexpectedError, UnsupportedChallengeError } from '../errors/types.js';
import { tokenSetFromAuthenticationResult } from '../tokens/token-set.js';
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
}

/** The challenges that become steps for the caller to answer. */
const USER_FACING_CHALLENGES: ReadonlySet<string> = new Set(['NEW_PASSWORD_REQUIRED', 'CUSTOM_CHALLENGE']);

function unexpected(message: string): UnexpectedError {
  return makeError('Unexpected', message);
}

function parseJson(raw: string | undefined, what: string): Result<unknown, UnexpectedError> {
  if (raw === undefined || raw.trim() === '') return ok(undefined);
  try {
    return ok(JSON.parse(raw));
  } catch {
    return err(unexpected(`Cognito sent ${what} that is not valid JSON`));
  }
}

/** `'["userAttributes.email"]'` → `['email']`; absent → `[]`. */
export function parseRequiredAttributes(raw: string | undefined): Result<readonly string[], UnexpectedError> {
  return parseJson(raw, 'requiredAttributes').andThen((value) => {
    if (value === undefined || value === null) return ok([]);
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
      return err(unexpected('Cognito sent requiredAttributes that is not a list of names'));
    }
    return ok(value.map((name: string) => name.replace(/^userAttributes\./, '')));
  });
}

/** `'{"email":"a@b.c"}'` → `{ email: 'a@b.c' }`; absent → `{}`. Non-string values are stringified. */
export function parseUserAttributes(raw: string | undefined): Result<AttributeMap, UnexpectedError> {
  return parseJson(raw, 'userAttributes').andThen((value) => {
    if (value === undefined || value === null) return ok({});
    if (typeof value !== 'object' || Array.isArray(value)) {
      return err(unexpected('Cognito sent userAttributes that is not an object'));
    }
    const out: Record<string, string> = {};
    for (const [name, v] of Object.entries(value)) {
      if (v !== null && v !== undefined) out[name] = typeof v === 'string' ? v : JSON.stringify(v);
    }
    return ok(out);
  });
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
): Result<SignInStep, UnexpectedError | UnsupportedChallengeError> {
  if (typeof response !== 'object' || response === null) {
    return err(unexpected('Cognito sent an empty answer'));
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
    return err(unexpected('Cognito answered with neither tokens nor a challenge'));
  }
  const params = response.ChallengeParameters ?? {};
  if (!USER_FACING_CHALLENGES.has(name)) {
    return err(
      makeError(
        'UnsupportedChallenge',
        `Cognito asked for the ${name.slice(0, 64)} challenge, which this version does not handle`,
        {},
        { challengeName: name },
      ),
    );
  }
  if (typeof response.Session !== 'string' || response.Session.length === 0) {
    return err(unexpected(`Cognito sent the ${name} challenge without a session`));
  }
  const base = {
    clientId: context.clientId,
    username: context.username,
    challengeUsername: params.USERNAME || params.USER_ID_FOR_SRP || context.username,
    session: response.Session,
    expiresAt: context.now + SESSION_TTL_MS,
  };
  if (name === 'CUSTOM_CHALLENGE') {
    const { USERNAME: _u, USER_ID_FOR_SRP: _id, ...publicParameters } = params;
    return ok({ step: 'CUSTOM_CHALLENGE', ...base, parameters: publicParameters });
  }
  return parseRequiredAttributes(params.requiredAttributes).andThen((requiredAttributes) =>
    parseUserAttributes(params.userAttributes).map((userAttributes) => ({
      step: 'NEW_PASSWORD_REQUIRED' as const,
      ...base,
      requiredAttributes,
      userAttributes,
    })),
  );
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
