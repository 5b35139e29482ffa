import { errAsync, type ResultAsync } from 'neverthrow';
import { makeError } from '../../errors/make-error.js';
import { narrowError } from '../../errors/narrow.js';
import type { AuthContext } from '../context.js';
import { CHALLENGE_ERRORS, type ChallengeError } from '../errors.js';
import type { SignInStep, Step } from '../steps.js';
import type { WebAuthnCredentialJSON } from '../webauthn-credential-json.js';
import { answerStep } from './answer.js';

/**
 * The browser's passkey assertion in JSON form: `PublicKeyCredential.toJSON()` as lib.dom types it, or the
 * same shape built by hand with at least `id`, `type` and `response`.
 *
 * @example
 * ```ts
 * const assertion = (await navigator.credentials.get({ publicKey })) as PublicKeyCredential;
 * const credential: WebAuthnCredential = assertion.toJSON();
 * ```
 */
export type WebAuthnCredential =
  | ({
      readonly id: string;
      readonly type: string;
      readonly response: object;
    } & Readonly<Record<string, unknown>>)
  | WebAuthnCredentialJSON;

function parseCredential(credential: unknown): WebAuthnCredential | undefined {
  let value = credential;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const c = value as Record<string, unknown>;
  const ok =
    typeof c.id === 'string' &&
    typeof c.type === 'string' &&
    typeof c.response === 'object' &&
    c.response !== null;
  return ok ? (c as WebAuthnCredential) : undefined;
}

/**
 * Answers WEB_AUTHN with the browser's assertion (an object or its JSON), sent as `CREDENTIAL`. So a
 * Node server can run passwordless sign-in for a browser: send `step.credentialRequestOptions` to the
 * page, get the assertion back, submit it here.
 *
 * @example
 * ```ts
 * submitWebAuthnCredential(context, step, req.body.credential);
 * ```
 */
export function submitWebAuthnCredential(
  context: AuthContext,
  step: Step<'WEB_AUTHN'>,
  credential: WebAuthnCredential | string,
): ResultAsync<SignInStep, ChallengeError> {
  const parsed = parseCredential(credential);
  if (!parsed) {
    return errAsync(
      makeError(
        'InvalidParameter',
        'credential must be a WebAuthn assertion (JSON with id, type and response)',
      ),
    );
  }
  return answerStep(context, step, {
    expected: ['WEB_AUTHN'],
    challengeName: 'WEB_AUTHN',
    responses: { CREDENTIAL: JSON.stringify(parsed) },
  }).mapErr((error) => narrowError(error, CHALLENGE_ERRORS));
}
