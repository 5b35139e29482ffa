import type { AuthClient, SealStepError, SignInStep, TokenSet } from 'cognito-flow';
import { okAsync, type ResultAsync } from 'neverthrow';

/** What the page may show about a challenge: never the session, never the user's other attributes. */
export interface StepView {
  /** `NEW_PASSWORD_REQUIRED`: the attributes to ask for along with the new password. */
  readonly requiredAttributes?: readonly string[];
  /** `SELECT_MFA_TYPE`, `MFA_SETUP`: the methods to offer. */
  readonly allowedTypes?: readonly string[];
  /** Code steps: where the code went (masked by Cognito). */
  readonly codeDelivery?: { readonly destination?: string; readonly medium?: string };
  /** When the step stops being answerable, in epoch milliseconds. */
  readonly expiresAt?: number;
}

/** What the service answers with for a step of a sign-in. */
export type StepReply =
  /** Signed in: the tokens. */
  | { readonly next: 'SIGNED_IN'; readonly tokens: TokenSet }
  /** The user must confirm the sign-up, or reset the password, before signing in again. */
  | { readonly next: 'CONFIRM_SIGN_UP' | 'RESET_PASSWORD'; readonly username: string }
  /**
   * A challenge: post `step` (the sealed string, unchanged) back to `POST /sign-in/continue` with the
   * answer. `view` is what the page needs to ask for it; `totp` carries the secret to scan while setting up
   * an authenticator app (MFA_SETUP).
   */
  | {
      readonly next: Exclude<SignInStep['step'], 'SIGNED_IN' | 'CONFIRM_SIGN_UP' | 'RESET_PASSWORD'>;
      readonly step: string;
      readonly view: StepView;
      readonly totp?: { readonly secret: string; readonly uri: string };
    };

function viewOf(step: SignInStep): StepView {
  return {
    ...('expiresAt' in step ? { expiresAt: step.expiresAt } : {}),
    ...('requiredAttributes' in step ? { requiredAttributes: step.requiredAttributes } : {}),
    ...('allowedTypes' in step ? { allowedTypes: step.allowedTypes } : {}),
    ...('codeDelivery' in step && step.codeDelivery ? { codeDelivery: step.codeDelivery } : {}),
  };
}

/**
 * The reply for `step`: a challenge step travels sealed by `auth.sealStep` (AES-256-GCM with the
 * service's `stepKeys`, bound to the app client and the step's expiry), so the client sees neither
 * Cognito's session nor the user's attributes and cannot change a thing; the service keeps nothing.
 */
export function stepReply(
  auth: AuthClient,
  step: SignInStep,
  totp?: { readonly secret: string; readonly uri: string },
): ResultAsync<StepReply, SealStepError> {
  switch (step.step) {
    case 'SIGNED_IN':
      return okAsync({ next: 'SIGNED_IN', tokens: step.tokens });
    case 'CONFIRM_SIGN_UP':
    case 'RESET_PASSWORD':
      return okAsync({ next: step.step, username: step.username });
    default:
      return auth.sealStep(step).map(
        (sealed): StepReply => ({
          next: step.step,
          step: sealed,
          view: viewOf(step),
          ...(totp ? { totp } : {}),
        }),
      );
  }
}
