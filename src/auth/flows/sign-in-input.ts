import type { FirstFactor } from '../steps.js';

/** Fields every sign-in takes. */
interface SignInCommon {
  /** The user name, or an alias (email, phone) when the pool allows it. */
  readonly username: string;
  /** Passed to the pool's Lambda triggers. */
  readonly clientMetadata?: Readonly<Record<string, string>>;
  /** The name to confirm a new device with, when the pool tracks devices (default: the client's `deviceName`). */
  readonly deviceName?: string;
}

/**
 * USER_SRP_AUTH, the default: the password never leaves the process (Secure Remote Password).
 *
 * @example
 * ```ts
 * const input: SrpSignInInput = { username: 'alice', password };
 * ```
 */
export interface SrpSignInInput extends SignInCommon {
  readonly password: string;
  readonly flow?: 'USER_SRP_AUTH';
}

/**
 * USER_PASSWORD_AUTH: the password is sent to Cognito over TLS (the app client must allow it).
 *
 * @example
 * ```ts
 * const input: PasswordSignInInput = { username: 'alice', password, flow: 'USER_PASSWORD_AUTH' };
 * ```
 */
export interface PasswordSignInInput extends SignInCommon {
  readonly password: string;
  readonly flow: 'USER_PASSWORD_AUTH';
}

/**
 * CUSTOM_AUTH: your Define/Create/Verify Auth Challenge triggers decide. With a `password`, the
 * password is proven by SRP first (`CHALLENGE_NAME: SRP_A`), then the custom challenges follow.
 *
 * @example
 * ```ts
 * const input: CustomSignInInput = { username: 'alice', flow: 'CUSTOM_AUTH' };
 * ```
 */
export interface CustomSignInInput extends SignInCommon {
  readonly flow: 'CUSTOM_AUTH';
  readonly password?: string;
}

/**
 * USER_AUTH, choice-based sign-in: Cognito offers the first factors the pool allows for this user
 * (SELECT_CHALLENGE), or goes straight to `preferredChallenge` when available. Give `password` with
 * `PASSWORD` / `PASSWORD_SRP` as the preferred challenge.
 *
 * @example
 * ```ts
 * const input: UserAuthSignInInput = { username: 'alice', flow: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' };
 * ```
 */
export interface UserAuthSignInInput extends SignInCommon {
  readonly flow: 'USER_AUTH';
  readonly preferredChallenge?: FirstFactor;
  readonly password?: string;
}

/**
 * Input of `AuthClient.signIn`: SRP by default, or the password, custom or choice-based flow.
 *
 * @example
 * ```ts
 * const input: SignInInput = { username: 'alice', password }; // USER_SRP_AUTH
 * ```
 */
export type SignInInput = SrpSignInInput | PasswordSignInInput | CustomSignInInput | UserAuthSignInInput;
