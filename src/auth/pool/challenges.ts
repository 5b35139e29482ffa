/**
 * The sign-in transitions as functions of a {@link UserPool}: each answers one kind of step and returns
 * the next. `AuthClient`'s methods of the same names call these, so both APIs share one implementation.
 */
import type { ResultAsync } from 'neverthrow';
import {
  type AnswerCustomChallengeOptions,
  answerCustomChallenge as answerCustomChallengeFlow,
} from '../challenges/custom-challenge.js';
import {
  setUpEmailMfa as setUpEmailMfaFlow,
  setUpTotp as setUpTotpFlow,
  type TotpSetup,
  type TotpSetupOptions,
  type VerifyTotpSetupOptions,
  verifyTotpSetup as verifyTotpSetupFlow,
} from '../challenges/mfa-setup.js';
import {
  type CompleteNewPasswordOptions,
  completeNewPassword as completeNewPasswordFlow,
} from '../challenges/new-password.js';
import { respondToChallengeStep } from '../challenges/respond-generic.js';
import {
  type SelectChallengeOptions,
  selectChallenge as selectChallengeFlow,
} from '../challenges/select-challenge.js';
import { selectMfaType as selectMfaTypeFlow } from '../challenges/select-mfa-type.js';
import { submitCode as submitCodeFlow } from '../challenges/submit-code.js';
import {
  submitWebAuthnCredential as submitWebAuthnCredentialFlow,
  type WebAuthnCredential,
} from '../challenges/webauthn.js';
import type { AnswerCustomChallengeError, ChallengeError, CompleteNewPasswordError } from '../errors.js';
import type { ChallengeStep, CodeStep, FirstFactor, MfaType, SignInStep, Step } from '../steps.js';
import { type UserPool, withPool } from '../user-pool.js';

/**
 * Answers a code step — `SMS_MFA`, `SOFTWARE_TOKEN_MFA` (authenticator app), `EMAIL_OTP` or `SMS_OTP` —
 * with the user's one-time code.
 *
 * @example
 * ```ts
 * if (step.step === 'SOFTWARE_TOKEN_MFA') {
 *   const next = await submitCode(pool, step, '123456');
 * }
 * ```
 */
export function submitCode(
  pool: UserPool,
  step: CodeStep,
  code: string,
  options?: { readonly clientMetadata?: Readonly<Record<string, string>> },
): ResultAsync<SignInStep, ChallengeError> {
  return withPool(pool, (context) => submitCodeFlow(context, step, code, options));
}

/**
 * Answers a `NEW_PASSWORD_REQUIRED` step with the new password and the required attributes; missing
 * required attributes are reported without calling Cognito.
 *
 * @example
 * ```ts
 * if (step.step === 'NEW_PASSWORD_REQUIRED') {
 *   const next = await completeNewPassword(pool, step, 'N3w-Passw0rd!', { attributes: { name: 'Alice' } });
 * }
 * ```
 */
export function completeNewPassword(
  pool: UserPool,
  step: Step<'NEW_PASSWORD_REQUIRED'>,
  newPassword: string,
  options?: CompleteNewPasswordOptions,
): ResultAsync<SignInStep, CompleteNewPasswordError> {
  return withPool(pool, (context) => completeNewPasswordFlow(context, step, newPassword, options));
}

/**
 * Answers a `CUSTOM_CHALLENGE` step; the triggers may ask again, sign the user in, or fail the sign-in.
 *
 * @example
 * ```ts
 * let step = (await signIn(pool, { username: 'bob', flow: 'CUSTOM_AUTH' }))._unsafeUnwrap();
 * while (step.step === 'CUSTOM_CHALLENGE') {
 *   step = (await answerCustomChallenge(pool, step, await ask(step.parameters)))._unsafeUnwrap();
 * }
 * ```
 */
export function answerCustomChallenge(
  pool: UserPool,
  step: Step<'CUSTOM_CHALLENGE'>,
  answer: string,
  options?: AnswerCustomChallengeOptions,
): ResultAsync<SignInStep, AnswerCustomChallengeError> {
  return withPool(pool, (context) => answerCustomChallengeFlow(context, step, answer, options));
}

/**
 * Answers `SELECT_MFA_TYPE` with one of `step.allowedTypes`; the next step asks for that method's code.
 *
 * @example
 * ```ts
 * if (step.step === 'SELECT_MFA_TYPE') await selectMfaType(pool, step, 'SOFTWARE_TOKEN_MFA');
 * ```
 */
export function selectMfaType(
  pool: UserPool,
  step: Step<'SELECT_MFA_TYPE'>,
  type: MfaType,
): ResultAsync<SignInStep, ChallengeError> {
  return withPool(pool, (context) => selectMfaTypeFlow(context, step, type));
}

/**
 * Picks a first factor in choice-based sign-in (`SELECT_CHALLENGE`): `PASSWORD` or `PASSWORD_SRP` (with
 * `password`), `EMAIL_OTP`, `SMS_OTP` or `WEB_AUTHN`.
 *
 * @example
 * ```ts
 * const step = (await signIn(pool, { username: 'alice', flow: 'USER_AUTH' }))._unsafeUnwrap();
 * if (step.step === 'SELECT_CHALLENGE') await selectChallenge(pool, step, 'EMAIL_OTP');
 * ```
 */
export function selectChallenge(
  pool: UserPool,
  step: Step<'SELECT_CHALLENGE'>,
  choice: FirstFactor,
  options?: SelectChallengeOptions,
): ResultAsync<SignInStep, ChallengeError> {
  return withPool(pool, (context) => selectChallengeFlow(context, step, choice, options));
}

/**
 * Starts TOTP setup during sign-in (`MFA_SETUP`): the secret, an `otpauth://` URI for a QR code, and the
 * step to pass to {@link verifyTotpSetup}.
 *
 * @example
 * ```ts
 * const setup = await setUpTotp(pool, step, { issuer: 'Acme', accountName: 'alice@example.com' });
 * if (setup.isOk()) renderQr(setup.value.uri);
 * ```
 */
export function setUpTotp(
  pool: UserPool,
  step: Step<'MFA_SETUP'>,
  options?: TotpSetupOptions,
): ResultAsync<TotpSetup, ChallengeError> {
  return withPool(pool, (context) => setUpTotpFlow(context, step, options));
}

/**
 * Finishes TOTP setup with a code from the authenticator app, which completes the sign-in.
 *
 * @example
 * ```ts
 * const done = await verifyTotpSetup(pool, setup.step, '123456', { friendlyDeviceName: 'Phone' });
 * ```
 */
export function verifyTotpSetup(
  pool: UserPool,
  step: Step<'MFA_SETUP'>,
  code: string,
  options?: VerifyTotpSetupOptions,
): ResultAsync<SignInStep, ChallengeError> {
  return withPool(pool, (context) => verifyTotpSetupFlow(context, step, code, options));
}

/**
 * Sets up email MFA during sign-in (`MFA_SETUP`): Cognito sends a code to `email` and answers with an
 * `EMAIL_OTP` step for {@link submitCode}.
 *
 * @example
 * ```ts
 * const next = await setUpEmailMfa(pool, step, 'alice@example.com');
 * ```
 */
export function setUpEmailMfa(
  pool: UserPool,
  step: Step<'MFA_SETUP'>,
  email: string,
): ResultAsync<SignInStep, ChallengeError> {
  return withPool(pool, (context) => setUpEmailMfaFlow(context, step, email));
}

/**
 * Answers `WEB_AUTHN` with the browser's passkey assertion (`PublicKeyCredential.toJSON()` or its JSON).
 *
 * @example
 * ```ts
 * const assertion = await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(step.credentialRequestOptions) });
 * const done = await submitWebAuthnCredential(pool, step, assertion.toJSON());
 * ```
 */
export function submitWebAuthnCredential(
  pool: UserPool,
  step: Step<'WEB_AUTHN'>,
  credential: WebAuthnCredential | string,
): ResultAsync<SignInStep, ChallengeError> {
  return withPool(pool, (context) => submitWebAuthnCredentialFlow(context, step, credential));
}

/**
 * The escape hatch: answers any challenge step — above all `UNSUPPORTED_CHALLENGE` — with raw
 * ChallengeResponses (USERNAME, SECRET_HASH and DEVICE_KEY are added).
 *
 * @example
 * ```ts
 * if (step.step === 'UNSUPPORTED_CHALLENGE') await respondToChallenge(pool, step, { ANSWER: 'yes' });
 * ```
 */
export function respondToChallenge(
  pool: UserPool,
  step: ChallengeStep,
  responses: Readonly<Record<string, string>>,
): ResultAsync<SignInStep, ChallengeError> {
  return withPool(pool, (context) => respondToChallengeStep(context, step, responses));
}
