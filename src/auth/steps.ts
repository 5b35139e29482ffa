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
export type Step<N extends StepName> = Extract<SignInStep, { step: N }>;

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
