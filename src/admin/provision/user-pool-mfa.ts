import type {
  SetUserPoolMfaConfigCommandInput,
  SmsConfigurationType,
} from '@aws-sdk/client-cognito-identity-provider';
import { err, ok, type Result } from 'neverthrow';
import { makeError } from '../../errors/make-error.js';
import type { InvalidParameterError } from '../../errors/types.js';

/**
 * SMS settings for MFA and verification messages.
 *
 * @example
 * ```ts
 * const sms: SmsSettings = { snsCallerArn: 'arn:aws:iam::123456789012:role/cognito-sms', externalId: 'pool-1' };
 * ```
 */
export interface SmsSettings {
  /** IAM role Cognito assumes to send SMS through SNS. */
  readonly snsCallerArn: string;
  readonly externalId?: string;
  readonly snsRegion?: string;
  /** The MFA text; must contain `{####}` where the code goes. */
  readonly message?: string;
}

/**
 * A pool's MFA: off, or on/optional with the methods offered. Setting it costs a second request
 * (SetUserPoolMfaConfig), since TOTP can only be turned on that way.
 *
 * @example
 * ```ts
 * const mfa: UserPoolMfa = { mode: 'OPTIONAL', totp: true };
 * ```
 */
export type UserPoolMfa =
  | { readonly mode: 'OFF' }
  | {
      readonly mode: 'ON' | 'OPTIONAL';
      /** Authenticator apps. */
      readonly totp?: boolean;
      readonly sms?: SmsSettings;
      /** Email codes (Essentials tier and an SES email configuration). */
      readonly email?: { readonly message?: string; readonly subject?: string };
    };

const ROLE_ARN = /^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

type Invalid = Result<never, InvalidParameterError>;
const invalid = (message: string): Invalid => err(makeError('InvalidParameter', message));

/**
 * Cognito's `SmsConfiguration` from {@link SmsSettings}, checked locally (`where` names it in errors).
 *
 * @example
 * ```ts
 * smsConfiguration({ snsCallerArn: 'arn:aws:iam::123456789012:role/sms' }, 'sms');
 * ```
 */
export function smsConfiguration(
  sms: SmsSettings | undefined,
  where: string,
): Result<SmsConfigurationType | undefined, InvalidParameterError> {
  if (sms === undefined) return ok(undefined);
  if (typeof sms !== 'object' || sms === null || !ROLE_ARN.test(String(sms.snsCallerArn))) {
    return invalid(`${where}.snsCallerArn must be an IAM role ARN`);
  }
  if (sms.message !== undefined && !String(sms.message).includes('{####}')) {
    return invalid(`${where}.message must contain {####} where the code goes`);
  }
  return ok({
    SnsCallerArn: sms.snsCallerArn,
    ...(sms.externalId !== undefined ? { ExternalId: sms.externalId } : {}),
    ...(sms.snsRegion !== undefined ? { SnsRegion: sms.snsRegion } : {}),
  });
}

/**
 * The SetUserPoolMfaConfig input for {@link UserPoolMfa}, or undefined when MFA stays off.
 *
 * @example
 * ```ts
 * mfaConfig('eu-west-1_AbC123', { mode: 'OPTIONAL', totp: true });
 * ```
 */
export function mfaConfig(
  userPoolId: string,
  mfa: UserPoolMfa | undefined,
): Result<SetUserPoolMfaConfigCommandInput | undefined, InvalidParameterError> {
  if (mfa === undefined || mfa.mode === 'OFF') return ok(undefined);
  if (mfa.mode !== 'ON' && mfa.mode !== 'OPTIONAL') return invalid('mfa.mode must be OFF, ON or OPTIONAL');
  if (!mfa.totp && !mfa.sms && !mfa.email) return invalid(`mfa ${mfa.mode} needs totp, sms or email`);
  const sms = smsConfiguration(mfa.sms, 'mfa.sms');
  if (sms.isErr()) return err(sms.error);
  return ok({
    UserPoolId: userPoolId,
    MfaConfiguration: mfa.mode,
    SoftwareTokenMfaConfiguration: { Enabled: mfa.totp === true },
    ...(sms.value
      ? {
          SmsMfaConfiguration: {
            SmsConfiguration: sms.value,
            ...(mfa.sms?.message ? { SmsAuthenticationMessage: mfa.sms.message } : {}),
          },
        }
      : {}),
    ...(mfa.email
      ? {
          EmailMfaConfiguration: {
            ...(mfa.email.message ? { Message: mfa.email.message } : {}),
            ...(mfa.email.subject ? { Subject: mfa.email.subject } : {}),
          },
        }
      : {}),
  });
}
