import { errAsync, type ResultAsync } from 'neverthrow';
import { narrowError } from '../../errors/narrow.js';
import { type AuthContext, secretHashParameter } from '../context.js';
import { CONFIRM_FORGOT_PASSWORD_ERRORS, type ConfirmForgotPasswordError } from './account-errors.js';
import { clientMetadataField, optionalStringMap, requireText } from './input-checks.js';

/**
 * Input of `confirmForgotPassword`.
 *
 * @example
 * ```ts
 * const input: ConfirmForgotPasswordInput = { username: 'alice', code: '123456', newPassword: 'N3w-Passw0rd!' };
 * ```
 */
export interface ConfirmForgotPasswordInput {
  readonly username: string;
  /** The code `forgotPassword` had Cognito send. */
  readonly code: string;
  readonly newPassword: string;
  /** Passed to the pool's Lambda triggers. */
  readonly clientMetadata?: Readonly<Record<string, string>>;
}

/**
 * Sets a new password with the code from `forgotPassword` (ConfirmForgotPassword), with SECRET_HASH
 * when the app client has a secret.
 *
 * @example
 * ```ts
 * const done = await confirmForgotPassword(context, { username: 'alice', code: '123456', newPassword });
 * ```
 */
export function confirmForgotPassword(
  context: AuthContext,
  input: ConfirmForgotPasswordInput,
): ResultAsync<void, ConfirmForgotPasswordError> {
  const username = requireText(input?.username, 'username');
  if (username.isErr()) return errAsync(username.error);
  const code = requireText(input.code, 'code');
  if (code.isErr()) return errAsync(code.error);
  const password = requireText(input.newPassword, 'newPassword');
  if (password.isErr()) return errAsync(password.error);
  const metadata = optionalStringMap(input.clientMetadata, 'clientMetadata');
  if (metadata.isErr()) return errAsync(metadata.error);
  const { config, transport } = context;
  return secretHashParameter(config, username.value)
    .andThen(({ SECRET_HASH }) =>
      transport(
        'ConfirmForgotPassword',
        {
          ClientId: config.clientId,
          Username: username.value,
          ConfirmationCode: code.value,
          Password: password.value,
          ...(SECRET_HASH ? { SecretHash: SECRET_HASH } : {}),
          ...clientMetadataField(metadata.value),
        },
        { secrets: [code.value, password.value, SECRET_HASH, config.clientSecret] },
      ),
    )
    .map(() => undefined)
    .mapErr((error) => narrowError(error, CONFIRM_FORGOT_PASSWORD_ERRORS));
}
