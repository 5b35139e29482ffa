import { describe, it } from 'vitest';
import type { AuthClient, Step } from '../../src/index.js';

// lib.dom's PublicKeyCredential JSON as TypeScript 7 declares it (`toJSON()` returns the union of the two),
// copied under other names so the same checks run under TypeScript 5.9, whose lib.dom says `any` instead.
interface DomAuthenticationResponseJSON {
  authenticatorAttachment?: string;
  clientExtensionResults: DomClientOutputsJSON;
  id: string;
  rawId: string;
  response: { authenticatorData: string; clientDataJSON: string; signature: string; userHandle?: string };
  type: string;
}
interface DomRegistrationResponseJSON {
  authenticatorAttachment?: string;
  clientExtensionResults: DomClientOutputsJSON;
  id: string;
  rawId: string;
  response: DomAttestationResponseJSON;
  type: string;
}
interface DomAttestationResponseJSON {
  attestationObject: string;
  authenticatorData: string;
  clientDataJSON: string;
  publicKey?: string;
  publicKeyAlgorithm: number;
  transports: string[];
}
interface DomClientOutputsJSON {
  credProps?: { rk?: boolean };
}
type DomPublicKeyCredentialJSON = DomRegistrationResponseJSON | DomAuthenticationResponseJSON;

declare const auth: AuthClient;
declare const accessToken: string;
declare const webauthn: Step<'WEB_AUTHN'>;
declare const fromToJSON: DomPublicKeyCredentialJSON;
declare const registration: DomRegistrationResponseJSON;
declare const browserCredential: PublicKeyCredential;

describe("passkey credentials typed as lib.dom's PublicKeyCredential.toJSON() result", () => {
  it('completeWebAuthnRegistration accepts toJSON() of either ceremony, and the credential itself', () => {
    auth.completeWebAuthnRegistration({ accessToken, credential: fromToJSON });
    auth.completeWebAuthnRegistration({ accessToken, credential: registration });
    auth.completeWebAuthnRegistration({ accessToken, credential: browserCredential });
    auth.completeWebAuthnRegistration({ accessToken, credential: browserCredential.toJSON() });
  });

  it('completeWebAuthnRegistration still rejects what is not a credential', () => {
    // @ts-expect-error a string is not a credential (the server parses its request body first)
    auth.completeWebAuthnRegistration({ accessToken, credential: '{"id":"x"}' });
    const noClientData = { id: 'x', rawId: 'x', type: 'public-key', response: {} };
    // @ts-expect-error a response without clientDataJSON is no WebAuthn response
    auth.completeWebAuthnRegistration({ accessToken, credential: noClientData });
  });

  it('submitWebAuthnCredential accepts toJSON() of either ceremony', () => {
    auth.submitWebAuthnCredential(webauthn, fromToJSON);
    auth.submitWebAuthnCredential(webauthn, browserCredential.toJSON());
  });

  it('submitWebAuthnCredential still rejects a document without a response', () => {
    // @ts-expect-error `response` is required
    auth.submitWebAuthnCredential(webauthn, { id: 'x', type: 'public-key' });
    // @ts-expect-error a number is neither a credential nor its JSON text
    auth.submitWebAuthnCredential(webauthn, 42);
  });
});
