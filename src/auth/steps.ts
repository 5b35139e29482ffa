import type { AttributeMap } from '../attributes/types.js';
import type { TokenSet } from '../tokens/token-set.js';

/**
 * What every step that answers a Cognito challenge carries.
 *
 * @example
 * ```ts
 * const left = step.expiresAt - Date.now(); // ms until Cognito's session runs out
 * ```
 */
export interface ChallengeStepBase {
  /** The app client this sign-in belongs to; a step is only accepted by a client with the same id. */
  readonly clientId: string;
  /** The user name as typed at sign-in (may be an alias such as an email address). */
  readonly username: string;
  /** The user name Cognito wants in the challenge response (its internal user name when known). */
  readonly challengeUsername: string;
  /** Cognito's opaque session for this sign-in. */
  readonly session: string;
  /** When Cognito's session runs out, in epoch milliseconds (about three minutes after the step). */
  readonly expiresAt: number;
  /** Present when the sign-in came from `adminSignIn`: answers go through AdminRespondToAuthChallenge. */
  readonly admin?: true;
}

/**
 * The user is signed in.
 *
 * @example
 * ```ts
 * if (step.step === 'SIGNED_IN') storeTokens(step.tokens);
 * ```
 */
export interface SignedInStep {
  readonly step: 'SIGNED_IN';
  readonly username: string;
  readonly tokens: TokenSet;
  /** Present when Cognito issued a new device key in this sign-in (pools with device tracking). */
  readonly newDevice?: NewDeviceStatus;
}

/**
 * What happened to the device key Cognito issued at sign-in. cognito-flow confirms the device
 * (ConfirmDevice with an SRP verifier) and keeps its secrets in the `DeviceStore`.
 *
 * @example
 * ```ts
 * if (step.newDevice?.confirmed && step.newDevice.userConfirmationNecessary) {
 *   // Ask the user whether to remember this device, then:
 *   await auth.rememberDevice({ username: step.username, accessToken: step.tokens.accessToken });
 * }
 * ```
 */
export interface NewDeviceStatus {
  /** Whether ConfirmDevice succeeded and the secrets were stored. */
  readonly confirmed: boolean;
  /** Whether the pool leaves it to the user to remember the device (`rememberDevice`). */
  readonly userConfirmationNecessary: boolean;
  /** Why confirming failed (an error `type`, or `DeviceStore` when storing the secrets failed). */
  readonly reason?: string;
}

/**
 * A custom-auth Lambda (Define/Create Auth Challenge) asks a question; answer it with
 * `answerCustomChallenge`. There may be several rounds.
 *
 * @example
 * ```ts
 * if (step.step === 'CUSTOM_CHALLENGE') {
 *   const next = await auth.answerCustomChallenge(step, prompt(step.parameters.question ?? 'Answer?'));
 * }
 * ```
 */
export interface CustomChallengeStep extends ChallengeStepBase {
  readonly step: 'CUSTOM_CHALLENGE';
  /** The public challenge parameters your Create Auth Challenge trigger set. */
  readonly parameters: Readonly<Record<string, string>>;
}

/**
 * The user has a temporary password (typically created by an administrator) and must choose a
 * new one, giving every attribute in `requiredAttributes`. Answer with `completeNewPassword`.
 *
 * @example
 * ```ts
 * if (step.step === 'NEW_PASSWORD_REQUIRED') console.log(step.requiredAttributes);
 * ```
 */
export interface NewPasswordRequiredStep extends ChallengeStepBase {
  readonly step: 'NEW_PASSWORD_REQUIRED';
  /** Attribute names (e.g. `email`) the user must provide along with the new password. */
  readonly requiredAttributes: readonly string[];
  /** The user's current attributes, as Cognito sent them. */
  readonly userAttributes: AttributeMap;
}

/**
 * A JSON value, as parsed from Cognito's JSON-in-a-string parameters.
 *
 * @example
 * ```ts
 * const challenge: JsonValue = step.credentialRequestOptions.challenge ?? null;
 * ```
 */
export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/**
 * Where Cognito sent a code (`CODE_DELIVERY_DESTINATION`, masked, and `CODE_DELIVERY_DELIVERY_MEDIUM`).
 *
 * @example
 * ```ts
 * if (step.codeDelivery) console.log(`We sent a code to ${step.codeDelivery.destination}`);
 * ```
 */
export interface CodeDelivery {
  /** Masked address or number, e.g. `+*******1234` or `a***@e***`. */
  readonly destination?: string;
  /** `SMS` or `EMAIL`. */
  readonly medium?: string;
}

/**
 * The steps answered with a one-time code by `submitCode`.
 *
 * @example
 * ```ts
 * const isCodeStep = (name: string): name is CodeStepName => ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP', 'SMS_OTP'].includes(name);
 * ```
 */
export type CodeStepName = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP' | 'SMS_OTP';

/**
 * Cognito wants a one-time code: an SMS or email MFA code, a TOTP code from an authenticator app, or
 * (in choice-based `USER_AUTH`) an email or SMS one-time password as the first factor.
 * Answer with `submitCode`.
 *
 * @example
 * ```ts
 * if (step.step === 'SOFTWARE_TOKEN_MFA') await auth.submitCode(step, await ask('Code from your app'));
 * ```
 */
export interface CodeStep extends ChallengeStepBase {
  readonly step: CodeStepName;
  /** Where the code went (absent for TOTP). */
  readonly codeDelivery?: CodeDelivery;
}

/**
 * The MFA kinds Cognito can offer (as in `MFAS_CAN_CHOOSE` / `MFAS_CAN_SETUP`).
 *
 * @example
 * ```ts
 * const preferred: MfaType = 'SOFTWARE_TOKEN_MFA';
 * ```
 */
export type MfaType = 'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP';

/**
 * The user has several MFA methods: pick one with `selectMfaType`, then answer its code step.
 *
 * @example
 * ```ts
 * if (step.step === 'SELECT_MFA_TYPE') await auth.selectMfaType(step, step.allowedTypes[0]);
 * ```
 */
export interface SelectMfaTypeStep extends ChallengeStepBase {
  readonly step: 'SELECT_MFA_TYPE';
  readonly allowedTypes: readonly MfaType[];
}

/**
 * MFA is required and the user has none yet: set up TOTP (`setUpTotp`, then `verifyTotpSetup`) or email
 * (`setUpEmailMfa`), among `allowedTypes`.
 *
 * @example
 * ```ts
 * if (step.step === 'MFA_SETUP' && step.allowedTypes.includes('SOFTWARE_TOKEN_MFA')) {
 *   const setup = (await auth.setUpTotp(step, { issuer: 'Acme' }))._unsafeUnwrap();
 *   showQr(setup.uri);
 * }
 * ```
 */
export interface MfaSetupStep extends ChallengeStepBase {
  readonly step: 'MFA_SETUP';
  readonly allowedTypes: readonly MfaType[];
}

/**
 * The first factors of choice-based sign-in (`USER_AUTH`).
 *
 * @example
 * ```ts
 * const passwordless: FirstFactor[] = ['EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'];
 * ```
 */
export type FirstFactor = 'PASSWORD' | 'PASSWORD_SRP' | 'EMAIL_OTP' | 'SMS_OTP' | 'WEB_AUTHN';

/**
 * Choice-based sign-in (`USER_AUTH`): the user picks a first factor among `availableChallenges` with
 * `selectChallenge`.
 *
 * @example
 * ```ts
 * if (step.step === 'SELECT_CHALLENGE' && step.availableChallenges.includes('EMAIL_OTP')) {
 *   await auth.selectChallenge(step, 'EMAIL_OTP');
 * }
 * ```
 */
export interface SelectChallengeStep extends ChallengeStepBase {
  readonly step: 'SELECT_CHALLENGE';
  /** Cognito's `AvailableChallenges`, as sent (unknown names included). */
  readonly availableChallenges: readonly string[];
}

/**
 * Passwordless sign-in with a passkey: hand `credentialRequestOptions` to the browser
 * (`navigator.credentials.get({ publicKey })`, after decoding its base64url fields), then send the
 * assertion back with `submitWebAuthnCredential`.
 *
 * @example
 * ```ts
 * if (step.step === 'WEB_AUTHN') res.json({ options: step.credentialRequestOptions, step });
 * ```
 */
export interface WebAuthnStep extends ChallengeStepBase {
  readonly step: 'WEB_AUTHN';
  /** Cognito's `CREDENTIAL_REQUEST_OPTIONS`, parsed (PublicKeyCredentialRequestOptions in JSON form). */
  readonly credentialRequestOptions: { readonly [key: string]: JsonValue };
}

/**
 * A challenge this version has no dedicated step for (one Cognito added later, for instance). Answer it
 * with `respondToChallenge(step, responses)` using Cognito's documented responses.
 *
 * @example
 * ```ts
 * if (step.step === 'UNSUPPORTED_CHALLENGE') {
 *   await auth.respondToChallenge(step, { ANSWER: value });
 * }
 * ```
 */
export interface UnsupportedChallengeStep extends ChallengeStepBase {
  readonly step: 'UNSUPPORTED_CHALLENGE';
  /** Cognito's challenge name, as sent. */
  readonly challengeName: string;
  /** Cognito's challenge parameters, as sent. */
  readonly parameters: Readonly<Record<string, string>>;
}

/**
 * The user signed up but has not confirmed; confirm with the code Cognito sent, then sign in again.
 *
 * @example
 * ```ts
 * if (step.step === 'CONFIRM_SIGN_UP') redirect(`/confirm?user=${step.username}`);
 * ```
 */
export interface ConfirmSignUpStep {
  readonly step: 'CONFIRM_SIGN_UP';
  readonly clientId: string;
  readonly username: string;
}

/**
 * An administrator reset the user's password: the user must set a new one with a code (forgot-password flow).
 *
 * @example
 * ```ts
 * if (step.step === 'RESET_PASSWORD') redirect('/forgot-password');
 * ```
 */
export interface ResetPasswordStep {
  readonly step: 'RESET_PASSWORD';
  readonly clientId: string;
  readonly username: string;
}

/**
 * Where a sign-in stands: plain, readonly, JSON-serialisable data discriminated on `step`.
 *
 * @example
 * ```ts
 * const step = await auth.signIn({ username, password, flow: 'USER_PASSWORD_AUTH' });
 * if (step.isOk()) {
 *   switch (step.value.step) {
 *     case 'SIGNED_IN': use(step.value.tokens); break;
 *     case 'NEW_PASSWORD_REQUIRED': askForNewPassword(step.value.requiredAttributes); break;
 *     case 'CONFIRM_SIGN_UP': case 'RESET_PASSWORD': redirect(step.value.step); break;
 *   }
 * }
 * ```
 */
export type SignInStep =
  | SignedInStep
  | NewPasswordRequiredStep
  | CustomChallengeStep
  | CodeStep
  | SelectMfaTypeStep
  | MfaSetupStep
  | SelectChallengeStep
  | WebAuthnStep
  | UnsupportedChallengeStep
  | ConfirmSignUpStep
  | ResetPasswordStep;

/**
 * The names of the sign-in steps.
 *
 * @example
 * ```ts
 * const names: StepName[] = ['SIGNED_IN', 'NEW_PASSWORD_REQUIRED'];
 * ```
 */
export type StepName = SignInStep['step'];

/**
 * The step with the given name, for typing transitions.
 *
 * @example
 * ```ts
 * function ask(step: Step<'NEW_PASSWORD_REQUIRED'>) { return step.requiredAttributes; }
 * ```
 */
export type Step<N extends StepName> = N extends CodeStepName
  ? CodeStep & { readonly step: N }
  : Extract<SignInStep, { step: N }>;

/**
 * The steps that answer a Cognito challenge (they carry a session).
 *
 * @example
 * ```ts
 * const sessionOf = (step: ChallengeStep) => step.session;
 * ```
 */
export type ChallengeStep = Extract<SignInStep, ChallengeStepBase>;

/** How long Cognito keeps a sign-in session by default (three minutes). */
export const SESSION_TTL_MS = 3 * 60 * 1000;
