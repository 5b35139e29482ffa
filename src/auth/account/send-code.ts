import { errAsync, type ResultAsync } from 'neverthrow';
import { narrowError } from '../../errors/narrow.js';
import { type AuthContext, secretHashParameter } from '../context.js';
import { SEND_CODE_ERRORS, type SendCodeError } from './account-errors.js';
import { type CodeDeliveryResult, codeDeliveryField } from './code-delivery.js';
import { clientMetadataField, optionalStringMap, requireText } from './input-checks.js';

/**
 * Input of `resendSignUpCode` and `forgotPassword`.
 *
 * @example
 * ```ts
 * const input: SendCodeInput = { username: 'alice', clientMetadata: { locale: 'fr' } };
 * ```
 */
export interface SendCodeInput {
  readonly username: string;
  /** Passed to the pool's Lambda triggers (e.g. the custom message trigger). */
  readonly clientMetadata?: Readonly<Record<string, string>>;
}

/**
 * ResendConfirmationCode or ForgotPassword: both take a user name (with SECRET_HASH when the app client
 * has a secret) and answer where the code went.
 *
 * @example
 * ```ts
 * sendCode(context, 'ForgotPassword', { username: 'alice' });
 * ```
 */
export function sendCode(
  context: AuthContext,
  operation: 'ResendConfirmationCode' | 'ForgotPassword',
  input: SendCodeInput,
): ResultAsync<CodeDeliveryResult, SendCodeError> {
  const username = requireText(input?.username, 'username');
  if (username.isErr()) return errAsync(username.error);
  const metadata = optionalStringMap(input.clientMetadata, 'clientMetadata');
  if (metadata.isErr()) return errAsync(metadata.error);
  const { config, transport } = context;
  return secretHashParameter(config, username.value)
    .andThen(({ SECRET_HASH }) =>
      transport(
        operation,
        {
          ClientId: config.clientId,
          Username: username.value,
          ...(SECRET_HASH ? { SecretHash: SECRET_HASH } : {}),
          ...clientMetadataField(metadata.value),
        },
        { secrets: [SECRET_HASH, config.clientSecret] },
      ),
    )
    .map((output) => codeDeliveryField(output?.CodeDeliveryDetails))
    .mapErr((error) => narrowError(error, SEND_CODE_ERRORS));
}
