import type { SignInStep, TokenSet } from 'cognito-flow';
import type { StepSealer } from './step-seal.js';

/** What the service answers with for a step of a sign-in. */
export type StepReply =
  /** Signed in: the tokens. */
  | { readonly next: 'SIGNED_IN'; readonly tokens: TokenSet }
  /** The user must confirm the sign-up, or reset the password, before signing in again. */
  | { readonly next: 'CONFIRM_SIGN_UP' | 'RESET_PASSWORD'; readonly username: string }
  /**
   * A challenge: post `step` and `seal` back unchanged to `POST /sign-in/continue` with the answer.
   * `totp` carries the secret to scan while setting up an authenticator app (MFA_SETUP).
   */
  | {
      readonly next: Exclude<SignInStep['step'], 'SIGNED_IN' | 'CONFIRM_SIGN_UP' | 'RESET_PASSWORD'>;
      readonly step: SignInStep;
      readonly seal: string;
      readonly totp?: { readonly secret: string; readonly uri: string };
    };

/**
 * The reply for `step`: challenge steps travel whole (the client needs nothing else to continue, the
 * service keeps nothing) with the seal that proves the service issued them.
 */
export function stepReply(
  step: SignInStep,
  sealer: StepSealer,
  totp?: { readonly secret: string; readonly uri: string },
): StepReply {
  switch (step.step) {
    case 'SIGNED_IN':
      return { next: 'SIGNED_IN', tokens: step.tokens };
    case 'CONFIRM_SIGN_UP':
    case 'RESET_PASSWORD':
      return { next: step.step, username: step.username };
    default:
      return { next: step.step, step, seal: sealer.seal(step), ...(totp ? { totp } : {}) };
  }
}
