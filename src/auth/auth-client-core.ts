import { err, ok, type Result, type ResultAsync } from 'neverthrow';
import type { AuthClientConfig } from '../config/auth-config.js';
import type { InvalidConfigError, InvalidParameterError, TokenStoreError } from '../errors/types.js';
import type { Session } from '../tokens/session.js';
import type { SessionOptions } from '../tokens/session-options.js';
import type { TokenStore } from '../tokens/stores/token-store.js';
import type { TokenSet } from '../tokens/token-set.js';
import type {
  AccessTokenInput,
  AccountError,
  AccountUser,
  AssociateTotpInput,
  AutoSignInError,
  AutoSignInInput,
  ChangePasswordError,
  ChangePasswordInput,
  CodeDeliveryResult,
  CompleteWebAuthnRegistrationInput,
  ConfirmForgotPasswordError,
  ConfirmForgotPasswordInput,
  ConfirmSignUpError,
  ConfirmSignUpInput,
  ConfirmSignUpResult,
  DeleteUserAttributesInput,
  DeleteWebAuthnCredentialInput,
  ForgotPasswordError,
  ListWebAuthnCredentialsInput,
  MfaSettings,
  ResendSignUpCodeError,
  RevokeTokenError,
  RevokeTokenInput,
  SendAttributeVerificationCodeInput,
  SendCodeInput,
  SetMfaPreferenceInput,
  SignUpError,
  SignUpInput,
  SignUpResult,
  TotpAssociation,
  UpdateUserAttributesError,
  UpdateUserAttributesInput,
  UpdateUserAttributesResult,
  VerifyAttributeError,
  VerifyAttributeInput,
  VerifyTotpError,
  VerifyTotpInput,
  WebAuthnCreationOptions,
  WebAuthnCredentialPage,
  WebAuthnError,
} from './account/index.js';
import * as account from './account/index.js';
import type { AnswerCustomChallengeOptions } from './challenges/custom-challenge.js';
import type { TotpSetup, TotpSetupOptions, VerifyTotpSetupOptions } from './challenges/mfa-setup.js';
import type { CompleteNewPasswordOptions } from './challenges/new-password.js';
import type { SelectChallengeOptions } from './challenges/select-challenge.js';
import type { WebAuthnCredential } from './challenges/webauthn.js';
import type { AuthContext } from './context.js';
import {
  type DeviceError,
  type DevicePage,
  forgetDevice,
  listDevices,
  rememberDevice,
} from './devices/device-operations.js';
import type {
  AnswerCustomChallengeError,
  ChallengeError,
  CompleteNewPasswordError,
  ResumeError,
  SignInError,
} from './errors.js';
import { type AdminSignInInput, adminSignIn } from './flows/admin-sign-in.js';
import type { SignInInput } from './flows/sign-in-input.js';
import * as challenges from './pool/challenges.js';
import { resumeStep } from './pool/resume.js';
import { openStep, sealStep } from './pool/sealed.js';
import { signIn } from './pool/sign-in.js';
import { restoreSession, startSession } from './pool/tokens.js';
import type { OpenStepError } from './sealed/open-step.js';
import type { SealStepError } from './sealed/seal-step.js';
import { stepKeysOf } from './sealed/step-keys.js';
import type { ChallengeStep, CodeStep, FirstFactor, MfaType, SignInStep, Step } from './steps.js';
import { createUserPool, type DefaultTransport, poolContext, type UserPool, withPool } from './user-pool.js';
import type { UserPoolTransport } from './user-pool-transport.js';

export type { DefaultTransport } from './user-pool.js';

/**
 * A Cognito user-pool client whose sign-in is a state machine of plain-data steps.
 * Holds no per-user state: one instance serves any number of concurrent sign-ins.
 * Every method returns a `Result`/`ResultAsync`; none throws.
 *
 * @example
 * ```ts
 * const auth = AuthClient.create({ userPoolId: 'eu-west-1_AbC123', clientId: '1example' })._unsafeUnwrap();
 * const step = await auth.signIn({ username: 'alice', password, flow: 'USER_PASSWORD_AUTH' });
 * if (step.isOk() && step.value.step === 'NEW_PASSWORD_REQUIRED') {
 *   const done = await auth.completeNewPassword(step.value, newPassword, { attributes: { name: 'Alice' } });
 * }
 * ```
 */
export class AuthClientCore {
  readonly #pool: UserPool;

  /**
   * `client` when its config was valid, else the `InvalidConfig` error (what each entry's `create` returns).
   *
   * @example
   * ```ts
   * const auth = AuthClientCore.validated(new AuthClient(config));
   * ```
   */
  static validated<T extends AuthClientCore>(client: T): Result<T, InvalidConfigError> {
    // The step keys are checked here too (not in the shared config parse, which sign-in-only bundles carry).
    const context = poolContext(client.#pool).andThen(({ config }) => stepKeysOf(config));
    return context.isErr() ? err(context.error) : ok(client);
  }

  /**
   * Builds a client over `transport`, or over the entry's default transport. Never throws: with an invalid
   * `config` every call returns the `InvalidConfig` error.
   *
   * @example
   * ```ts
   * class MyAuthClient extends AuthClientCore {
   *   constructor(config: AuthClientConfig) { super(config, undefined, myDefaultTransport); }
   * }
   * ```
   */
  constructor(
    config: AuthClientConfig,
    transport: UserPoolTransport | undefined,
    defaultTransport: DefaultTransport,
  ) {
    this.#pool = createUserPool(config, transport, defaultTransport);
  }

  /**
   * Starts a sign-in — USER_SRP_AUTH unless `flow` says `USER_PASSWORD_AUTH` or `CUSTOM_AUTH` — and
   * answers with the first step the caller must see: `SIGNED_IN`, a challenge to answer, or
   * `CONFIRM_SIGN_UP` / `RESET_PASSWORD` when Cognito says the user must do that first. SRP's
   * PASSWORD_VERIFIER and remembered-device authentication are answered internally.
   *
   * @example
   * ```ts
   * const step = await auth.signIn({ username: 'alice', password }); // SRP: the password never leaves
   * const custom = await auth.signIn({ username: 'bob', flow: 'CUSTOM_AUTH' });
   * ```
   */
  signIn(input: SignInInput): ResultAsync<SignInStep, SignInError> {
    return signIn(this.#pool, input);
  }

  /**
   * Server-side sign-in through the admin API (AdminInitiateAuth, ADMIN_USER_PASSWORD_AUTH), signed with
   * the SDK client's AWS credentials, with optional `contextData` for threat protection. The steps are the
   * same as `signIn`'s and carry `admin: true`, so every transition answers them through
   * AdminRespondToAuthChallenge.
   *
   * @example
   * ```ts
   * const step = await auth.adminSignIn({ username: 'alice', password, contextData });
   * if (step.isOk() && step.value.step === 'NEW_PASSWORD_REQUIRED') await auth.completeNewPassword(step.value, pw);
   * ```
   */
  adminSignIn(input: AdminSignInInput): ResultAsync<SignInStep, SignInError> {
    return this.#with((context) => adminSignIn(context, input));
  }

  /**
   * Answers a `CUSTOM_CHALLENGE` step; the triggers may ask again (another `CUSTOM_CHALLENGE`), sign the
   * user in, or fail the sign-in (`NotAuthorized`).
   *
   * @example
   * ```ts
   * let step = (await auth.signIn({ username: 'bob', flow: 'CUSTOM_AUTH' }))._unsafeUnwrap();
   * while (step.step === 'CUSTOM_CHALLENGE') {
   *   step = (await auth.answerCustomChallenge(step, await ask(step.parameters)))._unsafeUnwrap();
   * }
   * ```
   */
  answerCustomChallenge(
    step: Step<'CUSTOM_CHALLENGE'>,
    answer: string,
    options?: AnswerCustomChallengeOptions,
  ): ResultAsync<SignInStep, AnswerCustomChallengeError> {
    return challenges.answerCustomChallenge(this.#pool, step, answer, options);
  }

  /**
   * Answers a code step — `SMS_MFA`, `SOFTWARE_TOKEN_MFA` (authenticator app), `EMAIL_OTP` or `SMS_OTP` —
   * with the user's one-time code.
   *
   * @example
   * ```ts
   * if (step.step === 'SMS_MFA') {
   *   console.log(`Code sent to ${step.codeDelivery?.destination}`);
   *   const next = await auth.submitCode(step, '123456');
   * }
   * ```
   */
  submitCode(
    step: CodeStep,
    code: string,
    options?: { readonly clientMetadata?: Readonly<Record<string, string>> },
  ): ResultAsync<SignInStep, ChallengeError> {
    return challenges.submitCode(this.#pool, step, code, options);
  }

  /**
   * Answers `SELECT_MFA_TYPE` with one of `step.allowedTypes`; the next step asks for that method's code.
   *
   * @example
   * ```ts
   * if (step.step === 'SELECT_MFA_TYPE') await auth.selectMfaType(step, 'SOFTWARE_TOKEN_MFA');
   * ```
   */
  selectMfaType(step: Step<'SELECT_MFA_TYPE'>, type: MfaType): ResultAsync<SignInStep, ChallengeError> {
    return challenges.selectMfaType(this.#pool, step, type);
  }

  /**
   * Starts TOTP setup during sign-in (`MFA_SETUP`): returns the secret, an `otpauth://` URI for a QR code,
   * and the step to pass to `verifyTotpSetup`.
   *
   * @example
   * ```ts
   * const setup = await auth.setUpTotp(step, { issuer: 'Acme', accountName: 'alice@example.com' });
   * if (setup.isOk()) renderQr(setup.value.uri);
   * ```
   */
  setUpTotp(step: Step<'MFA_SETUP'>, options?: TotpSetupOptions): ResultAsync<TotpSetup, ChallengeError> {
    return challenges.setUpTotp(this.#pool, step, options);
  }

  /**
   * Finishes TOTP setup with a code from the authenticator app, which completes the sign-in.
   *
   * @example
   * ```ts
   * const done = await auth.verifyTotpSetup(setup.step, '123456', { friendlyDeviceName: 'Phone' });
   * ```
   */
  verifyTotpSetup(
    step: Step<'MFA_SETUP'>,
    code: string,
    options?: VerifyTotpSetupOptions,
  ): ResultAsync<SignInStep, ChallengeError> {
    return challenges.verifyTotpSetup(this.#pool, step, code, options);
  }

  /**
   * Sets up email MFA during sign-in (`MFA_SETUP`): Cognito sends a code to `email` and answers with an
   * `EMAIL_OTP` step for `submitCode`.
   *
   * @example
   * ```ts
   * const next = await auth.setUpEmailMfa(step, 'alice@example.com');
   * ```
   */
  setUpEmailMfa(step: Step<'MFA_SETUP'>, email: string): ResultAsync<SignInStep, ChallengeError> {
    return challenges.setUpEmailMfa(this.#pool, step, email);
  }

  /**
   * Picks a first factor in choice-based sign-in (`SELECT_CHALLENGE`): `PASSWORD` or `PASSWORD_SRP` (with
   * `password`), `EMAIL_OTP`, `SMS_OTP` or `WEB_AUTHN`.
   *
   * @example
   * ```ts
   * const step = (await auth.signIn({ username: 'alice', flow: 'USER_AUTH' }))._unsafeUnwrap();
   * if (step.step === 'SELECT_CHALLENGE') await auth.selectChallenge(step, 'EMAIL_OTP');
   * ```
   */
  selectChallenge(
    step: Step<'SELECT_CHALLENGE'>,
    choice: FirstFactor,
    options?: SelectChallengeOptions,
  ): ResultAsync<SignInStep, ChallengeError> {
    return challenges.selectChallenge(this.#pool, step, choice, options);
  }

  /**
   * Answers `WEB_AUTHN` with the browser's passkey assertion (`PublicKeyCredential.toJSON()` or its JSON).
   *
   * @example
   * ```ts
   * // server: send step.credentialRequestOptions to the page; the page posts back the assertion
   * const done = await auth.submitWebAuthnCredential(step, req.body.credential);
   * ```
   */
  submitWebAuthnCredential(
    step: Step<'WEB_AUTHN'>,
    credential: WebAuthnCredential | string,
  ): ResultAsync<SignInStep, ChallengeError> {
    return challenges.submitWebAuthnCredential(this.#pool, step, credential);
  }

  /**
   * The escape hatch: answers any challenge step — above all `UNSUPPORTED_CHALLENGE` — with raw
   * ChallengeResponses (USERNAME, SECRET_HASH and DEVICE_KEY are added).
   *
   * @example
   * ```ts
   * if (step.step === 'UNSUPPORTED_CHALLENGE') await auth.respondToChallenge(step, { ANSWER: 'yes' });
   * ```
   */
  respondToChallenge(
    step: ChallengeStep,
    responses: Readonly<Record<string, string>>,
  ): ResultAsync<SignInStep, ChallengeError> {
    return challenges.respondToChallenge(this.#pool, step, responses);
  }

  /**
   * Marks the device Cognito issued to `username` at sign-in as remembered (or not, with
   * `remembered: false`), so that later sign-ins from it can skip MFA.
   *
   * @example
   * ```ts
   * if (step.step === 'SIGNED_IN' && step.newDevice?.confirmed) {
   *   await auth.rememberDevice({ username: step.username, accessToken: step.tokens.accessToken });
   * }
   * ```
   */
  rememberDevice(input: {
    readonly username: string;
    readonly accessToken: string;
    readonly remembered?: boolean;
  }): ResultAsync<void, DeviceError> {
    return this.#with((context) => rememberDevice(context, input));
  }

  /**
   * Forgets the user's stored device (or the device `deviceKey`, e.g. from `listDevices`) in Cognito,
   * and deletes its secrets from the DeviceStore when they belong to it.
   *
   * @example
   * ```ts
   * await auth.forgetDevice({ username: 'alice', accessToken });
   * ```
   */
  forgetDevice(input: {
    readonly username: string;
    readonly accessToken: string;
    readonly deviceKey?: string;
  }): ResultAsync<void, DeviceError> {
    return this.#with((context) => forgetDevice(context, input));
  }

  /**
   * Lists the signed-in user's devices, a page at a time.
   *
   * @example
   * ```ts
   * const page = await auth.listDevices({ accessToken, limit: 10 });
   * if (page.isOk()) for (const device of page.value.devices) console.log(device.name, device.lastAuthenticatedAt);
   * ```
   */
  listDevices(input: {
    readonly accessToken: string;
    readonly limit?: number;
    readonly paginationToken?: string;
  }): ResultAsync<DevicePage, DeviceError> {
    return this.#with((context) => listDevices(context, input));
  }

  /**
   * A `Session` that keeps `tokens` fresh: refreshes ahead of expiry (default 5 minutes) with
   * GetTokensFromRefreshToken (rotation-aware, REFRESH_TOKEN_AUTH as fallback), shares one refresh among
   * concurrent callers, persists to `options.store`, and ends (`SessionEnded`) when the refresh token is
   * revoked. Never throws: with an invalid client config every call returns the `InvalidConfig` error.
   *
   * @example
   * ```ts
   * if (step.step === 'SIGNED_IN') {
   *   const session = auth.session(step.tokens, { store: memoryTokenStore() });
   *   const idToken = await session.getIdToken(); // refreshed when close to expiry
   * }
   * ```
   */
  session(tokens: TokenSet, options?: SessionOptions): Session {
    return startSession(this.#pool, tokens, options);
  }

  /**
   * Restores the session a `TokenStore` holds (e.g. after a restart): `undefined` when the store is empty.
   *
   * @example
   * ```ts
   * const restored = await auth.restoreSession({ store: fileTokenStore('.tokens.json') });
   * if (restored.isOk() && restored.value) console.log(await restored.value.getAccessToken());
   * ```
   */
  restoreSession(
    options: SessionOptions & { readonly store: TokenStore },
  ): ResultAsync<Session | undefined, TokenStoreError | InvalidParameterError | InvalidConfigError> {
    return restoreSession(this.#pool, options);
  }

  /**
   * Registers a user (SignUp) with typed attributes; says whether and where a code was sent and whether the user is confirmed.
   *
   * @example
   * ```ts
   * const r = await auth.signUp({ username: 'alice', password, attributes: { email: 'alice@example.com' } });
   * ```
   */
  signUp(input: SignUpInput): ResultAsync<SignUpResult, SignUpError> {
    return this.#with((context) => account.signUp(context, input));
  }

  /**
   * Confirms a sign-up with the emailed or texted code; keeps Cognito's session for `autoSignIn`.
   *
   * @example
   * ```ts
   * const confirmed = await auth.confirmSignUp({ username: 'alice', code: '123456', session: r.value.session });
   * ```
   */
  confirmSignUp(input: ConfirmSignUpInput): ResultAsync<ConfirmSignUpResult, ConfirmSignUpError> {
    return this.#with((context) => account.confirmSignUp(context, input));
  }

  /**
   * Sends the sign-up confirmation code again.
   *
   * @example
   * ```ts
   * await auth.resendSignUpCode({ username: 'alice' });
   * ```
   */
  resendSignUpCode(input: SendCodeInput): ResultAsync<CodeDeliveryResult, ResendSignUpCodeError> {
    return this.#with((context) => account.resendSignUpCode(context, input));
  }

  /**
   * Signs the user in right after confirmation with the session Cognito returned (USER_AUTH), without asking for the password again.
   *
   * @example
   * ```ts
   * const step = await auth.autoSignIn({ username: 'alice', session: confirmed.value.session });
   * ```
   */
  autoSignIn(input: AutoSignInInput): ResultAsync<SignInStep, AutoSignInError> {
    return this.#with((context) => account.autoSignIn(context, input));
  }

  /**
   * Starts a password reset: Cognito sends a code.
   *
   * @example
   * ```ts
   * const sent = await auth.forgotPassword({ username: 'alice' });
   * ```
   */
  forgotPassword(input: SendCodeInput): ResultAsync<CodeDeliveryResult, ForgotPasswordError> {
    return this.#with((context) => account.forgotPassword(context, input));
  }

  /**
   * Sets a new password with the reset code.
   *
   * @example
   * ```ts
   * await auth.confirmForgotPassword({ username: 'alice', code: '123456', newPassword });
   * ```
   */
  confirmForgotPassword(input: ConfirmForgotPasswordInput): ResultAsync<void, ConfirmForgotPasswordError> {
    return this.#with((context) => account.confirmForgotPassword(context, input));
  }

  /**
   * Changes the signed-in user's password.
   *
   * @example
   * ```ts
   * await auth.changePassword({ accessToken, previousPassword, proposedPassword });
   * ```
   */
  changePassword(input: ChangePasswordInput): ResultAsync<void, ChangePasswordError> {
    return this.#with((context) => account.changePassword(context, input));
  }

  /**
   * The signed-in user's attributes and MFA settings.
   *
   * @example
   * ```ts
   * const user = await auth.getUser({ accessToken });
   * ```
   */
  getUser(input: AccessTokenInput): ResultAsync<AccountUser, AccountError> {
    return this.#with((context) => account.getUser(context, input));
  }

  /**
   * Updates attributes; reports which need verification (and where the code went).
   *
   * @example
   * ```ts
   * await auth.updateUserAttributes({ accessToken, attributes: { nickname: 'al' } });
   * ```
   */
  updateUserAttributes(
    input: UpdateUserAttributesInput,
  ): ResultAsync<UpdateUserAttributesResult, UpdateUserAttributesError> {
    return this.#with((context) => account.updateUserAttributes(context, input));
  }

  /**
   * Sends a code to verify an attribute (email or phone_number).
   *
   * @example
   * ```ts
   * await auth.sendAttributeVerificationCode({ accessToken, attributeName: 'email' });
   * ```
   */
  sendAttributeVerificationCode(
    input: SendAttributeVerificationCodeInput,
  ): ResultAsync<CodeDeliveryResult, AccountError> {
    return this.#with((context) => account.sendAttributeVerificationCode(context, input));
  }

  /**
   * Verifies an attribute with its code.
   *
   * @example
   * ```ts
   * await auth.verifyAttribute({ accessToken, attributeName: 'email', code: '123456' });
   * ```
   */
  verifyAttribute(input: VerifyAttributeInput): ResultAsync<void, VerifyAttributeError> {
    return this.#with((context) => account.verifyAttribute(context, input));
  }

  /**
   * Deletes attributes of the signed-in user.
   *
   * @example
   * ```ts
   * await auth.deleteUserAttributes({ accessToken, attributeNames: ['nickname'] });
   * ```
   */
  deleteUserAttributes(input: DeleteUserAttributesInput): ResultAsync<void, AccountError> {
    return this.#with((context) => account.deleteUserAttributes(context, input));
  }

  /**
   * The user's MFA methods and preferred one.
   *
   * @example
   * ```ts
   * const mfa = await auth.getMfaPreference({ accessToken });
   * ```
   */
  getMfaPreference(input: AccessTokenInput): ResultAsync<MfaSettings, AccountError> {
    return this.#with((context) => account.getMfaPreference(context, input));
  }

  /**
   * Enables or disables SMS, TOTP and email MFA and picks the preferred one.
   *
   * @example
   * ```ts
   * await auth.setMfaPreference({ accessToken, totp: true, preferred: 'SOFTWARE_TOKEN_MFA' });
   * ```
   */
  setMfaPreference(input: SetMfaPreferenceInput): ResultAsync<void, AccountError> {
    return this.#with((context) => account.setMfaPreference(context, input));
  }

  /**
   * Starts TOTP outside sign-in: the secret and an otpauth:// URI.
   *
   * @example
   * ```ts
   * const totp = await auth.associateTotp({ accessToken, issuer: 'Acme' });
   * ```
   */
  associateTotp(input: AssociateTotpInput): ResultAsync<TotpAssociation, AccountError> {
    return this.#with((context) => account.associateTotp(context, input));
  }

  /**
   * Verifies the TOTP code from the authenticator app.
   *
   * @example
   * ```ts
   * await auth.verifyTotp({ accessToken, code: '123456' });
   * ```
   */
  verifyTotp(input: VerifyTotpInput): ResultAsync<void, VerifyTotpError> {
    return this.#with((context) => account.verifyTotp(context, input));
  }

  /**
   * Starts passkey registration: the credential creation options for the browser.
   *
   * @example
   * ```ts
   * const options = await auth.startWebAuthnRegistration({ accessToken });
   * ```
   */
  startWebAuthnRegistration(input: AccessTokenInput): ResultAsync<WebAuthnCreationOptions, WebAuthnError> {
    return this.#with((context) => account.startWebAuthnRegistration(context, input));
  }

  /**
   * Completes passkey registration with the browser's attestation.
   *
   * @example
   * ```ts
   * await auth.completeWebAuthnRegistration({ accessToken, credential });
   * ```
   */
  completeWebAuthnRegistration(input: CompleteWebAuthnRegistrationInput): ResultAsync<void, WebAuthnError> {
    return this.#with((context) => account.completeWebAuthnRegistration(context, input));
  }

  /**
   * Lists the user's passkeys.
   *
   * @example
   * ```ts
   * const page = await auth.listWebAuthnCredentials({ accessToken });
   * ```
   */
  listWebAuthnCredentials(
    input: ListWebAuthnCredentialsInput,
  ): ResultAsync<WebAuthnCredentialPage, WebAuthnError> {
    return this.#with((context) => account.listWebAuthnCredentials(context, input));
  }

  /**
   * Deletes a passkey.
   *
   * @example
   * ```ts
   * await auth.deleteWebAuthnCredential({ accessToken, credentialId });
   * ```
   */
  deleteWebAuthnCredential(input: DeleteWebAuthnCredentialInput): ResultAsync<void, WebAuthnError> {
    return this.#with((context) => account.deleteWebAuthnCredential(context, input));
  }

  /**
   * Signs the user out everywhere (all refresh tokens revoked).
   *
   * @example
   * ```ts
   * await auth.globalSignOut({ accessToken });
   * ```
   */
  globalSignOut(input: AccessTokenInput): ResultAsync<void, AccountError> {
    return this.#with((context) => account.globalSignOut(context, input));
  }

  /**
   * Revokes a refresh token (and the tokens issued from it).
   *
   * @example
   * ```ts
   * await auth.revokeToken({ refreshToken });
   * ```
   */
  revokeToken(input: RevokeTokenInput): ResultAsync<void, RevokeTokenError> {
    return this.#with((context) => account.revokeToken(context, input));
  }

  /**
   * Deletes the signed-in user.
   *
   * @example
   * ```ts
   * await auth.deleteUser({ accessToken });
   * ```
   */
  deleteUser(input: AccessTokenInput): ResultAsync<void, AccountError> {
    return this.#with((context) => account.deleteUser(context, input));
  }

  #with<T, E>(run: (context: AuthContext) => ResultAsync<T, E>): ResultAsync<T, E | InvalidConfigError> {
    return withPool(this.#pool, run);
  }

  /**
   * Answers a `NEW_PASSWORD_REQUIRED` step with the new password and the required attributes.
   * Missing required attributes are reported without calling Cognito.
   *
   * @example
   * ```ts
   * const next = await auth.completeNewPassword(step, 'N3w-Passw0rd!', {
   *   attributes: { email: 'alice@example.com', birthdate: '1990-04-01' },
   * });
   * ```
   */
  completeNewPassword(
    step: Step<'NEW_PASSWORD_REQUIRED'>,
    newPassword: string,
    options?: CompleteNewPasswordOptions,
  ): ResultAsync<SignInStep, CompleteNewPasswordError> {
    return challenges.completeNewPassword(this.#pool, step, newPassword, options);
  }

  /**
   * Re-validates an **unsealed** step kept in storage the service controls (a string or a parsed object):
   * its size (`STEP_JSON_MAX_CHARS`, before parsing), shape, app client and expiry. Nothing vouches for it,
   * so a `SIGNED_IN` step or an `admin` flag is `InvalidStep`, and the user it names is not believed: the
   * next step names the user Cognito names. Steps that travel through a client use `sealStep`/`openStep`.
   *
   * @example
   * ```ts
   * const step = auth.resume(await redis.get(`sign-in:${id}`));
   * if (step.isOk() && step.value.step === 'NEW_PASSWORD_REQUIRED') await auth.completeNewPassword(step.value, pw);
   * ```
   */
  resume(json: unknown): Result<SignInStep, ResumeError | InvalidConfigError> {
    return resumeStep(this.#pool, json);
  }

  /**
   * Seals a step for a trip through a client (a cookie, a header, a form field): AES-256-GCM with the
   * first of the `stepKeys` option's keys, bound to this app client and to the step's expiry, in a
   * compact base64url string (about 1.7 kB for a code step with a 1,000-character Cognito session). The browser sees neither Cognito's session
   * nor the user's attributes, and cannot alter anything without `openStep` refusing it.
   *
   * @example
   * ```ts
   * const sealed = await auth.sealStep(step);
   * if (sealed.isOk()) res.cookie('sign-in', sealed.value, { httpOnly: true, secure: true });
   * ```
   */
  sealStep(step: SignInStep): ResultAsync<string, SealStepError> {
    return sealStep(this.#pool, step);
  }

  /**
   * Opens a value `sealStep` made (with any of the `stepKeys`): refuses oversize, malformed, altered,
   * foreign-client and expired values with typed errors; the step comes back as this client issued it —
   * `admin` flag and user name included — ready for the next transition.
   *
   * @example
   * ```ts
   * const step = await auth.openStep(req.cookies['sign-in']);
   * if (step.isOk() && step.value.step === 'SOFTWARE_TOKEN_MFA') await auth.submitCode(step.value, code);
   * ```
   */
  openStep(sealed: unknown): ResultAsync<SignInStep, OpenStepError> {
    return openStep(this.#pool, sealed);
  }
}
