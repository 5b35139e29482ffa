import { err, errAsync, ok, type ResultAsync } from 'neverthrow';
import { makeError } from '../../errors/make-error.js';
import { narrowError } from '../../errors/narrow.js';
import { decodeAccessToken } from '../../tokens/claims.js';
import type { AuthContext } from '../context.js';
import { DEFAULT_TOTP_ISSUER, totpUri } from '../totp-uri.js';
import { ACCOUNT_ERRORS, type AccountError } from './account-errors.js';
import { invalidInput, optionalText, requireText } from './input-checks.js';

/**
 * Input of `associateTotp`.
 *
 * @example
 * ```ts
 * const input: AssociateTotpInput = { accessToken, issuer: 'Acme', accountName: 'alice@example.com' };
 * ```
 */
export interface AssociateTotpInput {
  readonly accessToken: string;
  /** Shown in the authenticator app above the code (default `Amazon Cognito`). */
  readonly issuer?: string;
  /** Shown in the authenticator app under the issuer (default: the `username` claim of the access token). */
  readonly accountName?: string;
}

/**
 * A new authenticator-app secret: show `uri` as a QR code (or `secret` for typing in), then confirm with
 * `verifyTotp` and a code from the app.
 *
 * @example
 * ```ts
 * const setup: TotpAssociation = (await auth.associateTotp({ accessToken, issuer: 'Acme' }))._unsafeUnwrap();
 * renderQrCode(setup.uri);
 * ```
 */
export interface TotpAssociation {
  /** The base32 shared secret. */
  readonly secret: string;
  /** `otpauth://totp/<issuer>:<account>?secret=…&issuer=…` */
  readonly uri: string;
}

/**
 * Starts setting up an authenticator app for the signed-in user, outside sign-in
 * (AssociateSoftwareToken with the access token). The secret stays out of every error message.
 *
 * @example
 * ```ts
 * const setup = await associateTotp(context, { accessToken, issuer: 'Acme' });
 * if (setup.isOk()) showQr(setup.value.uri);
 * ```
 */
export function associateTotp(
  context: AuthContext,
  input: AssociateTotpInput,
): ResultAsync<TotpAssociation, AccountError> {
  const accessToken = requireText(input?.accessToken, 'accessToken');
  if (accessToken.isErr()) return errAsync(accessToken.error);
  const issuer = optionalText(input.issuer, 'issuer');
  if (issuer.isErr()) return errAsync(issuer.error);
  const givenAccount = optionalText(input.accountName, 'accountName');
  if (givenAccount.isErr()) return errAsync(givenAccount.error);
  const accountName =
    givenAccount.value ??
    decodeAccessToken(accessToken.value).match(
      (claims) => claims.username,
      () => undefined,
    );
  if (!accountName) {
    return errAsync(invalidInput('accountName is needed when the access token has no username claim'));
  }
  return context
    .transport('AssociateSoftwareToken', { AccessToken: accessToken.value }, { secrets: [accessToken.value] })
    .andThen((output) => {
      const secret = output?.SecretCode;
      if (typeof secret !== 'string' || secret.length === 0) {
        return err(makeError('Unexpected', 'Cognito answered AssociateSoftwareToken without a secret'));
      }
      return ok({
        secret,
        uri: totpUri({ secret, issuer: issuer.value ?? DEFAULT_TOTP_ISSUER, accountName }),
      });
    })
    .mapErr((error) => narrowError(error, ACCOUNT_ERRORS));
}
