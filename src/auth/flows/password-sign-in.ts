import { errAsync, type ResultAsync } from 'neverthrow';
import { makeError } from '../../errors/make-error.js';
import { narrowError } from '../../errors/narrow.js';
import type { AuthContext } from '../context.js';
import { secretHashParameter } from '../context.js';
import { SIGN_IN_ERRORS, type SignInError } from '../errors.js';
import { mapAuthResponse, stepFromSignInError } from '../map-auth-response.js';
import type { SignInStep } from '../steps.js';

/**
 * Input of a USER_PASSWORD_AUTH sign-in.
 *
 * @example
 * ```ts
 * const input: PasswordSignInInput = { username: 'alice', password, flow: 'USER_PASSWORD_AUTH' };
 * ```
 */
export interface PasswordSignInInput {
  readonly username: string;
  readonly password: string;
  readonly flow: 'USER_PASSWORD_AUTH';
  /** Passed to the pool's Lambda triggers. */
  readonly clientMetadata?: Readonly<Record<string, string>>;
}

/**
 * USER_PASSWORD_AUTH: InitiateAuth with USERNAME, PASSWORD and (with a client secret) SECRET_HASH.
 *
 * @example
 * ```ts
 * passwordSignIn(context, { username: 'alice', password, flow: 'USER_PASSWORD_AUTH' });
 * ```
 */
export function passwordSignIn(
  context: AuthContext,
  input: PasswordSignInInput,
): ResultAsync<SignInStep, SignInError> {
  const { config, transport } = context;
  const { username, password } = input;
  if (typeof username !== 'string' || username.length === 0) {
    return errAsync(makeError('InvalidParameter', 'username must be a non-empty string'));
  }
  if (typeof password !== 'string' || password.length === 0) {
    return errAsync(makeError('InvalidParameter', 'password must be a non-empty string'));
  }
  const secrets = [password, config.clientSecret];
  return secretHashParameter(config, username)
    .andThen((hash) =>
      transport(
        'InitiateAuth',
        {
          AuthFlow: 'USER_PASSWORD_AUTH',
          ClientId: config.clientId,
          AuthParameters: { USERNAME: username, PASSWORD: password, ...hash },
          ...(input.clientMetadata ? { ClientMetadata: { ...input.clientMetadata } } : {}),
        },
        { secrets },
      ),
    )
    .andThen((response) =>
      mapAuthResponse(response, { clientId: config.clientId, username, now: config.now() }),
    )
    .orElse((error) => stepFromSignInError(error, { clientId: config.clientId, username }))
    .mapErr((error) => narrowError(error, [...SIGN_IN_ERRORS, 'UnsupportedChallenge']));
}
