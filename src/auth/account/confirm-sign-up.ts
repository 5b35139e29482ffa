import { errAsync, type ResultAsync } from 'neverthrow';
import { narrowError } from '../../errors/narrow.js';
import { type AuthContext, secretHashParameter } from '../context.js';
import { CONFIRM_SIGN_UP_ERRORS, type ConfirmSignUpError } from './account-errors.js';
import {
  clientMetadataField,
  optionalBoolean,
  optionalStringMap,
  optionalText,
  requireText,
} from './input-checks.js';

/**
 * Input of `confirmSignUp`.
 *
 * @example
 * ```ts
 * const input: ConfirmSignUpInput = { username: 'alice', code: '123456', session: signedUp.session };
 * ```
 */
export interface ConfirmSignUpInput {
  readonly username: string;
  /** The code Cognito sent (see `SignUpResult.codeDelivery`). */
  readonly code: string;
  /** The `session` from `signUp`'s result; give it to get a session for `autoSignIn` back. */
  readonly session?: string | undefined;
  /** Move the email/phone alias from another user to this one instead of failing with `UsernameExists`. */
  readonly forceAliasCreation?: boolean;
  /** Passed to the pool's Lambda triggers. */
  readonly clientMetadata?: Readonly<Record<string, string>>;
}

/**
 * A confirmed sign-up. With a `session`, `autoSignIn` signs the user in without asking for the password.
 *
 * @example
 * ```ts
 * const confirmed: ConfirmSignUpResult = (await auth.confirmSignUp(input))._unsafeUnwrap();
 * if (confirmed.session) await auth.autoSignIn(confirmed);
 * ```
 */
export interface ConfirmSignUpResult {
  readonly username: string;
  /** Cognito's session for signing in right away (`autoSignIn`); present when `signUp`'s session was given. */
  readonly session?: string;
}

/**
 * Confirms a sign-up with the code Cognito sent (ConfirmSignUp), with SECRET_HASH when the app client
 * has a secret.
 *
 * @example
 * ```ts
 * const confirmed = await confirmSignUp(context, { username: 'alice', code: '123456', session: signedUp.session });
 * ```
 */
export function confirmSignUp(
  context: AuthContext,
  input: ConfirmSignUpInput,
): ResultAsync<ConfirmSignUpResult, ConfirmSignUpError> {
  const username = requireText(input?.username, 'username');
  if (username.isErr()) return errAsync(username.error);
  const code = requireText(input.code, 'code');
  if (code.isErr()) return errAsync(code.error);
  const session = optionalText(input.session, 'session');
  if (session.isErr()) return errAsync(session.error);
  const metadata = optionalStringMap(input.clientMetadata, 'clientMetadata');
  if (metadata.isErr()) return errAsync(metadata.error);
  const force = optionalBoolean(input.forceAliasCreation, 'forceAliasCreation');
  if (force.isErr()) return errAsync(force.error);
  const { config, transport } = context;
  return secretHashParameter(config, username.value)
    .andThen(({ SECRET_HASH }) =>
      transport(
        'ConfirmSignUp',
        {
          ClientId: config.clientId,
          Username: username.value,
          ConfirmationCode: code.value,
          ...(SECRET_HASH ? { SecretHash: SECRET_HASH } : {}),
          ...(session.value ? { Session: session.value } : {}),
          ...(force.value !== undefined ? { ForceAliasCreation: force.value } : {}),
          ...clientMetadataField(metadata.value),
        },
        { secrets: [code.value, session.value, SECRET_HASH, config.clientSecret] },
      ),
    )
    .map((output) => ({
      username: username.value,
      ...(output?.Session ? { session: output.Session } : {}),
    }))
    .mapErr((error) => narrowError(error, CONFIRM_SIGN_UP_ERRORS));
}
