import { errAsync, okAsync, type ResultAsync } from 'neverthrow';
import { makeError } from '../../errors/make-error.js';
import { narrowError } from '../../errors/narrow.js';
import type { AuthContext } from '../context.js';
import { CHALLENGE_ERRORS, type ChallengeError } from '../errors.js';
import { SESSION_TTL_MS, type SignInStep, type Step } from '../steps.js';
import { DEFAULT_TOTP_ISSUER, totpUri } from '../totp-uri.js';
import { answeredKey, answerStep, validateStep } from './answer.js';

/**
 * What `setUpTotp` gives: the secret to show (or its QR code), and the MFA_SETUP step to pass to
 * `verifyTotpSetup` (it carries the session Cognito returned with the secret).
 *
 * @example
 * ```ts
 * const { uri, step } = (await auth.setUpTotp(setupStep, { issuer: 'Acme' }))._unsafeUnwrap();
 * ```
 */
export interface TotpSetup {
  /** The base32 secret (SecretCode), for manual entry. */
  readonly secret: string;
  /** `otpauth://totp/…` for a QR code. */
  readonly uri: string;
  /** The step to verify with; the original step is spent. */
  readonly step: Step<'MFA_SETUP'>;
}

/**
 * Options of `setUpTotp`.
 *
 * @example
 * ```ts
 * const options: TotpSetupOptions = { issuer: 'Acme', accountName: 'alice@example.com' };
 * ```
 */
export interface TotpSetupOptions {
  /** Shown by the authenticator app (default `Amazon Cognito`). */
  readonly issuer?: string;
  /** Shown by the authenticator app (default: the user name typed at sign-in). */
  readonly accountName?: string;
}

function allows(step: Step<'MFA_SETUP'>, type: 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP'): boolean {
  // An empty list means Cognito did not say; let Cognito decide.
  return step.allowedTypes.length === 0 || step.allowedTypes.includes(type);
}

/**
 * MFA_SETUP, TOTP part one: AssociateSoftwareToken with the sign-in session; returns the secret, an
 * `otpauth://` URI and the step (with Cognito's new session) for `verifyTotpSetup`.
 *
 * @example
 * ```ts
 * setUpTotp(context, step, { issuer: 'Acme' });
 * ```
 */
export function setUpTotp(
  context: AuthContext,
  step: Step<'MFA_SETUP'>,
  options: TotpSetupOptions = {},
): ResultAsync<TotpSetup, ChallengeError> {
  const checked = validateStep(context, step, ['MFA_SETUP']);
  if (checked.isErr()) return errAsync(checked.error);
  const valid = checked.value as Step<'MFA_SETUP'>;
  if (!allows(valid, 'SOFTWARE_TOKEN_MFA')) {
    return errAsync(makeError('InvalidParameter', 'This user pool does not offer TOTP setup here'));
  }
  const issuer = options.issuer ?? DEFAULT_TOTP_ISSUER;
  const accountName = options.accountName ?? valid.username;
  if (issuer.includes(':') || issuer.trim() === '' || accountName.trim() === '') {
    return errAsync(
      makeError(
        'InvalidParameter',
        'issuer and accountName must be non-empty, and issuer must not contain ":"',
      ),
    );
  }
  return context
    .transport('AssociateSoftwareToken', { Session: valid.session }, { secrets: [valid.session] })
    .andThen((output) => {
      const secret = output.SecretCode;
      if (!secret)
        return errAsync(makeError('Unexpected', 'Cognito answered AssociateSoftwareToken without a secret'));
      // Cognito returns the session to verify with; when it is a new one, the step's own is spent.
      if (output.Session && output.Session !== valid.session) context.answered.add(answeredKey(valid));
      const renewed: Step<'MFA_SETUP'> = {
        ...valid,
        session: output.Session ?? valid.session,
        expiresAt: context.config.now() + SESSION_TTL_MS,
      };
      const next = context.issued.has(valid) ? context.issued.add(renewed) : renewed;
      return okAsync({ secret, uri: totpUri({ secret, issuer, accountName }), step: next });
    })
    .mapErr((error) => narrowError(error, CHALLENGE_ERRORS));
}

/**
 * Options of `verifyTotpSetup`.
 *
 * @example
 * ```ts
 * await auth.verifyTotpSetup(setup.step, code, { friendlyDeviceName: 'Pixel 9' });
 * ```
 */
export interface VerifyTotpSetupOptions {
  /** A name for the authenticator, shown in the user's MFA settings. */
  readonly friendlyDeviceName?: string;
}

/**
 * MFA_SETUP, TOTP part two: VerifySoftwareToken with the code from the authenticator app, then answers the
 * MFA_SETUP challenge with the session Cognito returned, which completes the sign-in.
 *
 * @example
 * ```ts
 * verifyTotpSetup(context, setup.step, '123456', { friendlyDeviceName: 'Phone' });
 * ```
 */
export function verifyTotpSetup(
  context: AuthContext,
  step: Step<'MFA_SETUP'>,
  code: string,
  options: VerifyTotpSetupOptions = {},
): ResultAsync<SignInStep, ChallengeError> {
  const digits = typeof code === 'string' ? code.replace(/\s+/g, '') : '';
  if (!/^\d{6}$/.test(digits))
    return errAsync(makeError('InvalidParameter', 'The TOTP code must be 6 digits'));
  const checked = validateStep(context, step, ['MFA_SETUP']);
  if (checked.isErr()) return errAsync(checked.error);
  const valid = checked.value;
  return context
    .transport(
      'VerifySoftwareToken',
      {
        Session: valid.session,
        UserCode: digits,
        ...(options.friendlyDeviceName ? { FriendlyDeviceName: options.friendlyDeviceName } : {}),
      },
      { secrets: [valid.session, digits] },
    )
    .andThen((output) => {
      if (output.Status !== 'SUCCESS') {
        return errAsync(makeError('CodeMismatch', 'Cognito did not accept the TOTP code'));
      }
      return answerStep(context, valid, {
        expected: ['MFA_SETUP'],
        challengeName: 'MFA_SETUP',
        responses: {},
        ...(output.Session ? { session: output.Session } : {}),
      });
    })
    .mapErr((error) => narrowError(error, CHALLENGE_ERRORS));
}

/**
 * MFA_SETUP by email: answers the challenge with the address to use (`EMAIL`); Cognito sends a code and
 * answers with an EMAIL_OTP step for `submitCode`.
 *
 * @example
 * ```ts
 * setUpEmailMfa(context, step, 'alice@example.com');
 * ```
 */
export function setUpEmailMfa(
  context: AuthContext,
  step: Step<'MFA_SETUP'>,
  email: string,
): ResultAsync<SignInStep, ChallengeError> {
  if (typeof email !== 'string' || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    return errAsync(makeError('InvalidParameter', 'email must be an email address'));
  }
  if (Array.isArray(step?.allowedTypes) && !allows(step, 'EMAIL_OTP')) {
    return errAsync(makeError('InvalidParameter', 'This user pool does not offer email MFA setup here'));
  }
  return answerStep(context, step, {
    expected: ['MFA_SETUP'],
    challengeName: 'MFA_SETUP',
    responses: { EMAIL: email },
  }).mapErr((error) => narrowError(error, CHALLENGE_ERRORS));
}
