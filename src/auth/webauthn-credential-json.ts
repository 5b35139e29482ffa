/**
 * A passkey credential in JSON form as the browser's `PublicKeyCredential.toJSON()` returns it, from either
 * ceremony. lib.dom types that method's result as `RegistrationResponseJSON | AuthenticationResponseJSON`
 * (TypeScript 7; TypeScript 5.9 says `any`): interfaces without index signatures, which this type accepts,
 * so `credential.toJSON()` can be passed on as it is. The type cannot tell the two ceremonies apart; the
 * calls that take it check the document at run time and answer `InvalidParameter` when it is the wrong kind.
 * Binary fields are base64url strings.
 *
 * @example
 * ```ts
 * const created = (await navigator.credentials.create({ publicKey })) as PublicKeyCredential;
 * const json: WebAuthnCredentialJSON = created.toJSON();
 * await auth.completeWebAuthnRegistration({ accessToken, credential: json });
 * ```
 */
export interface WebAuthnCredentialJSON {
  readonly id: string;
  readonly rawId: string;
  readonly type: string;
  readonly response: { readonly clientDataJSON: string };
  readonly authenticatorAttachment?: string | null;
  readonly clientExtensionResults?: object;
}
