import { err, errAsync, ok, type Result, type ResultAsync } from 'neverthrow';
import { makeError } from '../../errors/make-error.js';
import { narrowError } from '../../errors/narrow.js';
import type { UnexpectedError } from '../../errors/types.js';
import type { AuthContext } from '../context.js';
import { TOKEN_CALL_ERRORS, type WebAuthnError } from './account-errors.js';
import type { AccessTokenInput } from './get-user.js';
import { requireText } from './input-checks.js';

/**
 * Cognito's passkey registration options: a `PublicKeyCredentialCreationOptionsJSON` (binary fields are
 * base64url strings). In a browser: `navigator.credentials.create({ publicKey:
 * PublicKeyCredential.parseCreationOptionsFromJSON(options) })`.
 *
 * @example
 * ```ts
 * const options: WebAuthnCreationOptions = (await auth.startWebAuthnRegistration({ accessToken }))._unsafeUnwrap();
 * console.log(options.rp.id, options.user.name);
 * ```
 */
export interface WebAuthnCreationOptions {
  /** base64url */
  readonly challenge: string;
  readonly rp: { readonly id?: string; readonly name: string };
  readonly user: { readonly id: string; readonly name: string; readonly displayName: string };
  readonly pubKeyCredParams: readonly { readonly type: string; readonly alg: number }[];
  readonly timeout?: number;
  readonly excludeCredentials?: readonly {
    readonly type: string;
    readonly id: string;
    readonly transports?: readonly string[];
  }[];
  readonly authenticatorSelection?: Readonly<Record<string, unknown>>;
  readonly attestation?: string;
  readonly extensions?: Readonly<Record<string, unknown>>;
  readonly [field: string]: unknown;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Checks Cognito's `CredentialCreationOptions` (a JSON document, or a JSON string) for the fields a browser
 * needs. Pure.
 *
 * @example
 * ```ts
 * parseCreationOptions(output.CredentialCreationOptions).map((options) => options.challenge);
 * ```
 */
export function parseCreationOptions(document: unknown): Result<WebAuthnCreationOptions, UnexpectedError> {
  let value = document;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      value = undefined;
    }
  }
  if (
    !isObject(value) ||
    typeof value.challenge !== 'string' ||
    value.challenge.length === 0 ||
    !isObject(value.rp) ||
    !isObject(value.user) ||
    typeof value.user.id !== 'string' ||
    !Array.isArray(value.pubKeyCredParams)
  ) {
    return err(
      makeError(
        'Unexpected',
        'Cognito sent passkey creation options without challenge, rp, user and pubKeyCredParams',
      ),
    );
  }
  return ok(value as WebAuthnCreationOptions);
}

/**
 * Starts registering a passkey for the signed-in user (StartWebAuthnRegistration) and returns the options
 * to hand to the browser. The pool must have passkeys turned on (else `InvalidConfiguration`).
 *
 * @example
 * ```ts
 * const options = await startWebAuthnRegistration(context, { accessToken });
 * if (options.isOk()) res.json(options.value);
 * ```
 */
export function startWebAuthnRegistration(
  context: AuthContext,
  input: AccessTokenInput,
): ResultAsync<WebAuthnCreationOptions, WebAuthnError> {
  const accessToken = requireText(input?.accessToken, 'accessToken');
  if (accessToken.isErr()) return errAsync(accessToken.error);
  return context
    .transport(
      'StartWebAuthnRegistration',
      { AccessToken: accessToken.value },
      { secrets: [accessToken.value] },
    )
    .andThen((output) => parseCreationOptions(output?.CredentialCreationOptions))
    .mapErr((error) => narrowError(error, TOKEN_CALL_ERRORS));
}
