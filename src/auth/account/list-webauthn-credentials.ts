import type { WebAuthnCredentialDescription } from '@aws-sdk/client-cognito-identity-provider';
import { errAsync, type ResultAsync } from 'neverthrow';
import { narrowError } from '../../errors/narrow.js';
import type { AuthContext } from '../context.js';
import { TOKEN_CALL_ERRORS, type WebAuthnError } from './account-errors.js';
import { invalidInput, optionalText, requireText } from './input-checks.js';

/**
 * A passkey registered for the user.
 *
 * @example
 * ```ts
 * const names = page.credentials.map((passkey: RegisteredWebAuthnCredential) => passkey.friendlyName ?? passkey.credentialId);
 * ```
 */
export interface RegisteredWebAuthnCredential {
  readonly credentialId: string;
  readonly friendlyName?: string;
  readonly relyingPartyId?: string;
  /** `platform` or `cross-platform`, when known. */
  readonly authenticatorAttachment?: string;
  /** e.g. `usb`, `nfc`, `ble`, `internal`, `hybrid`. */
  readonly transports: readonly string[];
  readonly createdAt?: Date;
}

/**
 * A page of passkeys.
 *
 * @example
 * ```ts
 * const page: WebAuthnCredentialPage = (await auth.listWebAuthnCredentials({ accessToken }))._unsafeUnwrap();
 * ```
 */
export interface WebAuthnCredentialPage {
  readonly credentials: readonly RegisteredWebAuthnCredential[];
  /** Pass to the next `listWebAuthnCredentials` call to get the next page. */
  readonly nextToken?: string;
}

/**
 * Input of `listWebAuthnCredentials`.
 *
 * @example
 * ```ts
 * const input: ListWebAuthnCredentialsInput = { accessToken, maxResults: 10 };
 * ```
 */
export interface ListWebAuthnCredentialsInput {
  readonly accessToken: string;
  /** 1 to 20. */
  readonly maxResults?: number;
  readonly nextToken?: string;
}

function credentialFromSdk(
  credential: WebAuthnCredentialDescription,
): RegisteredWebAuthnCredential | undefined {
  if (!credential.CredentialId) return undefined;
  return {
    credentialId: credential.CredentialId,
    ...(credential.FriendlyCredentialName ? { friendlyName: credential.FriendlyCredentialName } : {}),
    ...(credential.RelyingPartyId ? { relyingPartyId: credential.RelyingPartyId } : {}),
    ...(credential.AuthenticatorAttachment
      ? { authenticatorAttachment: credential.AuthenticatorAttachment }
      : {}),
    transports: credential.AuthenticatorTransports ?? [],
    ...(credential.CreatedAt ? { createdAt: credential.CreatedAt } : {}),
  };
}

/**
 * Lists the signed-in user's passkeys (ListWebAuthnCredentials), a page at a time.
 *
 * @example
 * ```ts
 * const page = await listWebAuthnCredentials(context, { accessToken });
 * if (page.isOk()) for (const passkey of page.value.credentials) console.log(passkey.friendlyName);
 * ```
 */
export function listWebAuthnCredentials(
  context: AuthContext,
  input: ListWebAuthnCredentialsInput,
): ResultAsync<WebAuthnCredentialPage, WebAuthnError> {
  const accessToken = requireText(input?.accessToken, 'accessToken');
  if (accessToken.isErr()) return errAsync(accessToken.error);
  const max = input.maxResults;
  if (max !== undefined && (!Number.isInteger(max) || max < 1 || max > 20)) {
    return errAsync(invalidInput('maxResults must be a whole number from 1 to 20'));
  }
  const nextToken = optionalText(input.nextToken, 'nextToken');
  if (nextToken.isErr()) return errAsync(nextToken.error);
  return context
    .transport(
      'ListWebAuthnCredentials',
      {
        AccessToken: accessToken.value,
        ...(max !== undefined ? { MaxResults: max } : {}),
        ...(nextToken.value ? { NextToken: nextToken.value } : {}),
      },
      { secrets: [accessToken.value] },
    )
    .map((output) => ({
      credentials: (output?.Credentials ?? []).flatMap((credential) => credentialFromSdk(credential) ?? []),
      ...(output?.NextToken ? { nextToken: output.NextToken } : {}),
    }))
    .mapErr((error) => narrowError(error, TOKEN_CALL_ERRORS));
}
