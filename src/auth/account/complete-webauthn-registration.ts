import { errAsync, type ResultAsync } from 'neverthrow';
import { narrowError } from '../../errors/narrow.js';
import type { AuthContext } from '../context.js';
import type { WebAuthnCredentialJSON } from '../webauthn-credential-json.js';
import { TOKEN_CALL_ERRORS, type WebAuthnError } from './account-errors.js';
import { invalidInput, requireText } from './input-checks.js';

/**
 * The browser's answer to `navigator.credentials.create()` in JSON form (`RegistrationResponseJSON`,
 * i.e. `credential.toJSON()`); binary fields are base64url strings.
 *
 * @example
 * ```ts
 * const credential = (await navigator.credentials.create({ publicKey })) as PublicKeyCredential;
 * const json: WebAuthnRegistrationCredential = { id, rawId: id, type: 'public-key', response: { clientDataJSON, attestationObject } };
 * await auth.completeWebAuthnRegistration({ accessToken, credential: json });
 * ```
 */
export interface WebAuthnRegistrationCredential {
  readonly id: string;
  readonly rawId: string;
  readonly type: string;
  readonly response: {
    readonly clientDataJSON: string;
    readonly attestationObject: string;
    readonly transports?: readonly string[];
    readonly [field: string]: unknown;
  };
  readonly authenticatorAttachment?: string | null;
  readonly clientExtensionResults?: Readonly<Record<string, unknown>>;
  readonly [field: string]: unknown;
}

/**
 * Input of `completeWebAuthnRegistration`. `credential` is the browser's `PublicKeyCredential` itself (its
 * `toJSON()` is used), its `toJSON()` as lib.dom types it (either ceremony, checked at run time), or a
 * registration response built by hand.
 *
 * @example
 * ```ts
 * const input: CompleteWebAuthnRegistrationInput = { accessToken, credential: registrationResponseJson };
 * ```
 */
export interface CompleteWebAuthnRegistrationInput {
  readonly accessToken: string;
  readonly credential: WebAuthnRegistrationCredential | WebAuthnCredentialJSON | { toJSON(): unknown };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The credential as a plain JSON document, or undefined when it is not a registration response. */
function credentialDocument(credential: unknown): Record<string, unknown> | undefined {
  let value = credential;
  try {
    if (isObject(value) && typeof value.toJSON === 'function') value = value.toJSON();
    // A JSON round trip leaves a plain document (and fails on cycles or BigInt).
    value = JSON.parse(JSON.stringify(value));
  } catch {
    return undefined;
  }
  if (
    !isObject(value) ||
    typeof value.id !== 'string' ||
    value.id.length === 0 ||
    !isObject(value.response) ||
    typeof value.response.clientDataJSON !== 'string' ||
    typeof value.response.attestationObject !== 'string'
  ) {
    return undefined;
  }
  return value;
}

/**
 * Finishes registering a passkey (CompleteWebAuthnRegistration) with the browser's registration response.
 * A credential without `id`, `response.clientDataJSON` and `response.attestationObject` is an
 * `InvalidParameter` error without a request.
 *
 * @example
 * ```ts
 * const done = await completeWebAuthnRegistration(context, { accessToken, credential: req.body.credential });
 * ```
 */
export function completeWebAuthnRegistration(
  context: AuthContext,
  input: CompleteWebAuthnRegistrationInput,
): ResultAsync<void, WebAuthnError> {
  const accessToken = requireText(input?.accessToken, 'accessToken');
  if (accessToken.isErr()) return errAsync(accessToken.error);
  const credential = credentialDocument(input.credential);
  if (!credential) {
    return errAsync(
      invalidInput(
        'credential must be a registration response with id, response.clientDataJSON and response.attestationObject',
      ),
    );
  }
  return context
    .transport(
      'CompleteWebAuthnRegistration',
      // biome-ignore lint/suspicious/noExplicitAny: a JSON document, which the SDK types as __DocumentType.
      { AccessToken: accessToken.value, Credential: credential as any },
      { secrets: [accessToken.value] },
    )
    .map(() => undefined)
    .mapErr((error) => narrowError(error, TOKEN_CALL_ERRORS));
}
