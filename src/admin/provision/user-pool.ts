import type { CreateUserPoolCommandInput } from '@aws-sdk/client-cognito-identity-provider';
import { err, errAsync, ok, okAsync, type Result, type ResultAsync } from 'neverthrow';
import { makeError } from '../../errors/make-error.js';
import type { InvalidParameterError } from '../../errors/types.js';
import { adminCall } from '../call.js';
import type { AdminContext } from '../config.js';
import { type ProvisioningError, SERVICE_ERRORS } from '../errors.js';
import type { StandardAttributeName } from '../validate-attributes.js';
import { mfaConfig, type SmsSettings, smsConfiguration, type UserPoolMfa } from './user-pool-mfa.js';
import {
  type CustomAttributeSchema,
  inRange,
  type StandardAttributeSchema,
  userPoolSchema,
} from './user-pool-schema.js';

/**
 * A pool's password policy.
 *
 * @example
 * ```ts
 * const policy: PasswordPolicy = { minimumLength: 12, requireSymbols: true, temporaryPasswordValidityDays: 3 };
 * ```
 */
export interface PasswordPolicy {
  /** 6–99 (Cognito's default 8). */
  readonly minimumLength?: number;
  readonly requireUppercase?: boolean;
  readonly requireLowercase?: boolean;
  readonly requireNumbers?: boolean;
  readonly requireSymbols?: boolean;
  /** 0–365 days a temporary password stays valid (default 7). */
  readonly temporaryPasswordValidityDays?: number;
  /** 0–24 previous passwords a user cannot reuse (Essentials tier and above). */
  readonly passwordHistorySize?: number;
}

/**
 * Input of {@link AdminClient.createUserPool}.
 *
 * @example
 * ```ts
 * const input: CreateUserPoolInput = {
 *   name: 'my-app',
 *   standardAttributes: { email: { required: true } },
 *   customAttributes: { plan: { type: 'String', maxLength: 16 } },
 *   passwordPolicy: { minimumLength: 12 },
 *   autoVerifiedAttributes: ['email'],
 *   usernameAttributes: ['email'],
 *   mfa: { mode: 'OPTIONAL', totp: true },
 * };
 * ```
 */
export interface CreateUserPoolInput {
  /** 1–128 characters of letters, digits, spaces and `+=,.@-_`. */
  readonly name: string;
  readonly standardAttributes?: Readonly<Partial<Record<StandardAttributeName, StandardAttributeSchema>>>;
  /** Keyed by the name without `custom:` (1–20 characters). */
  readonly customAttributes?: Readonly<Record<string, CustomAttributeSchema>>;
  readonly passwordPolicy?: PasswordPolicy;
  /** Attributes Cognito verifies by sending a code. */
  readonly autoVerifiedAttributes?: readonly ('email' | 'phone_number')[];
  /** Users sign in with these instead of a user name (excludes `aliasAttributes`). */
  readonly usernameAttributes?: readonly ('email' | 'phone_number')[];
  /** Users may also sign in with these besides their user name (excludes `usernameAttributes`). */
  readonly aliasAttributes?: readonly ('email' | 'phone_number' | 'preferred_username')[];
  /** Whether `Alice` and `alice` are different users (Cognito's default: case-insensitive is recommended). */
  readonly usernameCaseSensitive?: boolean;
  readonly mfa?: UserPoolMfa;
  /** SMS settings for verification messages (and SMS MFA when `mfa.sms` is not given). */
  readonly sms?: SmsSettings;
  /** Only administrators create users (no self sign-up). */
  readonly adminCreateUserOnly?: boolean;
  readonly deletionProtection?: boolean;
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * What {@link AdminClient.createUserPool} created.
 *
 * @example
 * ```ts
 * const { userPoolId, loginsKey } = created;
 * ```
 */
export interface CreatedUserPool {
  readonly userPoolId: string;
  readonly name: string;
  readonly arn?: string;
  /** The key an identity pool uses for this pool: `cognito-idp.<region>.amazonaws.com/<userPoolId>`. */
  readonly loginsKey: string;
  /** The issuer of its tokens: `https://cognito-idp.<region>.amazonaws.com/<userPoolId>`. */
  readonly issuer: string;
}

const POOL_NAME = /^[\w\s+=,.@-]{1,128}$/;

type Invalid = Result<never, InvalidParameterError>;
const invalid = (message: string): Invalid => err(makeError('InvalidParameter', message));

function checkPasswordPolicy(policy: PasswordPolicy | undefined): Invalid | undefined {
  if (policy === undefined) return undefined;
  if (typeof policy !== 'object' || policy === null) return invalid('passwordPolicy must be an object');
  if (!inRange(policy.minimumLength, 6, 99)) return invalid('passwordPolicy.minimumLength must be 6-99');
  if (!inRange(policy.temporaryPasswordValidityDays, 0, 365)) {
    return invalid('passwordPolicy.temporaryPasswordValidityDays must be 0-365');
  }
  if (!inRange(policy.passwordHistorySize, 0, 24))
    return invalid('passwordPolicy.passwordHistorySize must be 0-24');
  return undefined;
}

/**
 * Builds the CreateUserPool input, checking everything Cognito would reject that can be known locally.
 *
 * @example
 * ```ts
 * const input = createUserPoolRequest({ name: 'my-app', usernameAttributes: ['email'] });
 * ```
 */
export function createUserPoolRequest(
  input: CreateUserPoolInput,
): Result<CreateUserPoolCommandInput, InvalidParameterError> {
  if (typeof input !== 'object' || input === null) return invalid('input must be an object');
  if (typeof input.name !== 'string' || !POOL_NAME.test(input.name)) {
    return invalid('name must be 1-128 characters of letters, digits, spaces and +=,.@-_');
  }
  if (input.usernameAttributes?.length && input.aliasAttributes?.length) {
    return invalid('usernameAttributes and aliasAttributes cannot both be set');
  }
  const policyProblem = checkPasswordPolicy(input.passwordPolicy);
  if (policyProblem) return policyProblem;
  const schema = userPoolSchema(input.standardAttributes, input.customAttributes);
  if (schema.isErr()) return err(schema.error);
  const checkMfa = mfaConfig('pending', input.mfa);
  if (checkMfa.isErr()) return err(checkMfa.error);
  const sms = smsConfiguration(input.sms ?? (input.mfa?.mode !== 'OFF' ? input.mfa?.sms : undefined), 'sms');
  if (sms.isErr()) return err(sms.error);
  const policy = input.passwordPolicy;
  return ok({
    PoolName: input.name,
    ...(schema.value.length > 0 ? { Schema: schema.value } : {}),
    ...(policy
      ? {
          Policies: {
            PasswordPolicy: {
              ...(policy.minimumLength !== undefined ? { MinimumLength: policy.minimumLength } : {}),
              ...(policy.requireUppercase !== undefined ? { RequireUppercase: policy.requireUppercase } : {}),
              ...(policy.requireLowercase !== undefined ? { RequireLowercase: policy.requireLowercase } : {}),
              ...(policy.requireNumbers !== undefined ? { RequireNumbers: policy.requireNumbers } : {}),
              ...(policy.requireSymbols !== undefined ? { RequireSymbols: policy.requireSymbols } : {}),
              ...(policy.temporaryPasswordValidityDays !== undefined
                ? { TemporaryPasswordValidityDays: policy.temporaryPasswordValidityDays }
                : {}),
              ...(policy.passwordHistorySize !== undefined
                ? { PasswordHistorySize: policy.passwordHistorySize }
                : {}),
            },
          },
        }
      : {}),
    ...(input.autoVerifiedAttributes ? { AutoVerifiedAttributes: [...input.autoVerifiedAttributes] } : {}),
    ...(input.usernameAttributes?.length ? { UsernameAttributes: [...input.usernameAttributes] } : {}),
    ...(input.aliasAttributes?.length ? { AliasAttributes: [...input.aliasAttributes] } : {}),
    ...(input.usernameCaseSensitive !== undefined
      ? { UsernameConfiguration: { CaseSensitive: input.usernameCaseSensitive } }
      : {}),
    // MFA is switched on afterwards with SetUserPoolMfaConfig (the only way to turn on TOTP).
    MfaConfiguration: 'OFF',
    ...(sms.value ? { SmsConfiguration: sms.value } : {}),
    ...(input.adminCreateUserOnly !== undefined
      ? { AdminCreateUserConfig: { AllowAdminCreateUserOnly: input.adminCreateUserOnly } }
      : {}),
    ...(input.deletionProtection !== undefined
      ? { DeletionProtection: input.deletionProtection ? 'ACTIVE' : 'INACTIVE' }
      : {}),
    ...(input.tags ? { UserPoolTags: { ...input.tags } } : {}),
  });
}

/**
 * CreateUserPool, then SetUserPoolMfaConfig when MFA is asked for.
 *
 * @example
 * ```ts
 * const pool = await createUserPool(context, { name: 'my-app', mfa: { mode: 'OPTIONAL', totp: true } });
 * ```
 */
export function createUserPool(
  context: AdminContext,
  input: CreateUserPoolInput,
): ResultAsync<CreatedUserPool, ProvisioningError> {
  const request = createUserPoolRequest(input);
  if (request.isErr()) return errAsync(request.error);
  return adminCall(context.transport, 'CreateUserPool', request.value, SERVICE_ERRORS).andThen((answer) => {
    const pool = answer.UserPool;
    if (!pool?.Id)
      return errAsync(makeError('Unexpected', 'Cognito answered CreateUserPool without a pool id'));
    const userPoolId = pool.Id;
    const region = userPoolId.split('_')[0] ?? '';
    const created: CreatedUserPool = {
      userPoolId,
      name: pool.Name ?? input.name,
      ...(pool.Arn ? { arn: pool.Arn } : {}),
      loginsKey: `cognito-idp.${region}.amazonaws.com/${userPoolId}`,
      issuer: `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`,
    };
    const mfa = mfaConfig(userPoolId, input.mfa);
    if (mfa.isErr() || !mfa.value) return mfa.isErr() ? errAsync(mfa.error) : okAsync(created);
    return adminCall(context.transport, 'SetUserPoolMfaConfig', mfa.value, SERVICE_ERRORS)
      .mapErr((error) =>
        makeError(
          error.type as 'Unexpected',
          `The user pool ${userPoolId} was created, but its MFA was not set: ${error.message}`,
          {
            retryable: error.retryable,
            requestId: error.requestId,
            cause: error.cause,
          },
        ),
      )
      .map(() => created);
  });
}
