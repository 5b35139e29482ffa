import { errAsync, type ResultAsync } from 'neverthrow';
import { narrowError } from '../../errors/narrow.js';
import type { AuthContext } from '../context.js';
import { TOKEN_CALL_ERRORS, type WebAuthnError } from './account-errors.js';
import { requireText } from './input-checks.js';

/**
 * Input of `deleteWebAuthnCredential`.
 *
 * @example
 * ```ts
 * const input: DeleteWebAuthnCredentialInput = { accessToken, credentialId: page.credentials[0].credentialId };
 * ```
 */
export interface DeleteWebAuthnCredentialInput {
  readonly accessToken: string;
  readonly credentialId: string;
}

/**
 * Deletes one of the signed-in user's passkeys (DeleteWebAuthnCredential).
 *
 * @example
 * ```ts
 * await deleteWebAuthnCredential(context, { accessToken, credentialId });
 * ```
 */
export function deleteWebAuthnCredential(
  context: AuthContext,
  input: DeleteWebAuthnCredentialInput,
): ResultAsync<void, WebAuthnError> {
  const accessToken = requireText(input?.accessToken, 'accessToken');
  if (accessToken.isErr()) return errAsync(accessToken.error);
  const credentialId = requireText(input.credentialId, 'credentialId');
  if (credentialId.isErr()) return errAsync(credentialId.error);
  return context
    .transport(
      'DeleteWebAuthnCredential',
      { AccessToken: accessToken.value, CredentialId: credentialId.value },
      { secrets: [accessToken.value] },
    )
    .map(() => undefined)
    .mapErr((error) => narrowError(error, TOKEN_CALL_ERRORS));
}
