import type { AdminGetUserCommandOutput, UserType } from '@aws-sdk/client-cognito-identity-provider';
import { err, ok, type Result } from 'neverthrow';
import { fromAttributeList } from '../attributes/format.js';
import type { AttributeMap } from '../attributes/types.js';
import { makeError } from '../errors/make-error.js';
import type { UnexpectedError } from '../errors/types.js';

/**
 * A user as an administrator sees it.
 *
 * @example
 * ```ts
 * if (user.isOk()) console.log(user.value.username, user.value.status, user.value.attributes.email);
 * ```
 */
export interface AdminUser {
  readonly username: string;
  /** The user's immutable id (`sub` attribute), when Cognito returned it. */
  readonly sub?: string;
  /** `FORCE_CHANGE_PASSWORD`, `CONFIRMED`, `UNCONFIRMED`, `RESET_REQUIRED`, … */
  readonly status: string;
  readonly enabled: boolean;
  readonly attributes: AttributeMap;
  readonly createdAt?: Date;
}

/**
 * Maps Cognito's `UserType` to {@link AdminUser}.
 *
 * @example
 * ```ts
 * const user = adminUserFromSdk(response.User);
 * ```
 */
export function adminUserFromSdk(user: UserType | undefined): Result<AdminUser, UnexpectedError> {
  if (!user?.Username) return err(makeError('Unexpected', 'Cognito answered without a user'));
  const attributes = fromAttributeList(user.Attributes);
  return ok({
    username: user.Username,
    ...(attributes.sub ? { sub: attributes.sub } : {}),
    status: user.UserStatus ?? 'UNKNOWN',
    enabled: user.Enabled ?? true,
    attributes,
    ...(user.UserCreateDate ? { createdAt: user.UserCreateDate } : {}),
  });
}

/**
 * A user with the details AdminGetUser adds: MFA settings and the last change.
 *
 * @example
 * ```ts
 * const user = await admin.getUser('alice');
 * if (user.isOk()) console.log(user.value.mfa.preferred, user.value.mfa.enabled);
 * ```
 */
export interface AdminUserDetails extends AdminUser {
  readonly mfa: {
    /** `SOFTWARE_TOKEN_MFA`, `SMS_MFA` or `EMAIL_OTP`, when the user prefers one. */
    readonly preferred?: string;
    /** The MFA methods the user has enabled. */
    readonly enabled: readonly string[];
  };
  readonly lastModifiedAt?: Date;
}

/**
 * Maps an AdminGetUser answer to {@link AdminUserDetails}.
 *
 * @example
 * ```ts
 * const user = adminUserDetailsFromSdk(await client.send(new AdminGetUserCommand(input)));
 * ```
 */
export function adminUserDetailsFromSdk(
  answer:
    | Pick<
        AdminGetUserCommandOutput,
        | 'Username'
        | 'UserAttributes'
        | 'UserStatus'
        | 'Enabled'
        | 'UserCreateDate'
        | 'UserLastModifiedDate'
        | 'PreferredMfaSetting'
        | 'UserMFASettingList'
      >
    | undefined,
): Result<AdminUserDetails, UnexpectedError> {
  if (!answer?.Username) return err(makeError('Unexpected', 'Cognito answered without a user'));
  return adminUserFromSdk({
    Username: answer.Username,
    Attributes: answer.UserAttributes,
    UserStatus: answer.UserStatus,
    Enabled: answer.Enabled,
    UserCreateDate: answer.UserCreateDate,
  }).map((user) => ({
    ...user,
    mfa: {
      ...(answer.PreferredMfaSetting ? { preferred: answer.PreferredMfaSetting } : {}),
      enabled: [...(answer.UserMFASettingList ?? [])],
    },
    ...(answer.UserLastModifiedDate ? { lastModifiedAt: answer.UserLastModifiedDate } : {}),
  }));
}
