import { returnedStringList } from './event-checks.js';
import { TriggerError } from './trigger-error.js';

/**
 * The user's groups and the IAM roles that come with them, as the Pre token generation trigger sees them
 * in `request.groupConfiguration` (and writes them in `groupOverrideDetails`).
 *
 * @example
 * ```ts
 * const config: GroupConfiguration = { groupsToOverride: ['admins'], iamRolesToOverride: [], preferredRole: undefined };
 * ```
 */
export interface GroupConfiguration {
  groupsToOverride?: string[] | undefined;
  iamRolesToOverride?: string[] | undefined;
  preferredRole?: string | undefined;
}

/**
 * Group changes a customization asks for; any left out keep their current value.
 *
 * @example
 * ```ts
 * const change: GroupChanges = { groups: ['admins', 'beta-testers'] };
 * ```
 */
export interface GroupChanges {
  /** Replaces the `cognito:groups` claim of both tokens. */
  readonly groups?: readonly string[];
  /** Replaces `cognito:roles` (identity pools pick a role from these). */
  readonly iamRoles?: readonly string[];
  /** Replaces `cognito:preferred_role`. */
  readonly preferredRole?: string;
}

const list = (value: unknown): string[] | undefined =>
  Array.isArray(value) && value.every((v) => typeof v === 'string') ? [...(value as string[])] : undefined;

/**
 * Reads `request.groupConfiguration` leniently (Cognito sends `null` for absent parts).
 *
 * @example
 * ```ts
 * const current = groupConfigurationOf(event.request.groupConfiguration);
 * ```
 */
export function groupConfigurationOf(value: unknown): GroupConfiguration {
  const g = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  return {
    groupsToOverride: list(g.groupsToOverride) ?? [],
    iamRolesToOverride: list(g.iamRolesToOverride) ?? [],
    ...(typeof g.preferredRole === 'string' ? { preferredRole: g.preferredRole } : {}),
  };
}

/**
 * The `groupOverrideDetails` to answer with, or `undefined` to leave the groups alone. Cognito *replaces*
 * the whole group configuration with `groupOverrideDetails` (an empty one removes every group and role),
 * so the parts not asked to change are copied from the request.
 *
 * @example
 * ```ts
 * groupOverride(current, { groups: ['admins'] }, 'preTokenGeneration'); // roles and preferred role kept
 * ```
 */
export function groupOverride(
  current: GroupConfiguration,
  changes: Record<string, unknown>,
  helper: string,
): GroupConfiguration | undefined {
  const groups = returnedStringList(changes.groups, 'groups', helper);
  const iamRoles = returnedStringList(changes.iamRoles, 'iamRoles', helper);
  if (changes.preferredRole !== undefined && typeof changes.preferredRole !== 'string') {
    throw new TriggerError(helper, 'response', 'preferredRole must be a string (an IAM role ARN)');
  }
  const preferredRole = changes.preferredRole as string | undefined;
  if (groups === undefined && iamRoles === undefined && preferredRole === undefined) return undefined;
  const override: GroupConfiguration = {
    groupsToOverride: groups ?? current.groupsToOverride ?? [],
    iamRolesToOverride: iamRoles ?? current.iamRolesToOverride ?? [],
  };
  const role = preferredRole ?? current.preferredRole;
  return role === undefined ? override : { ...override, preferredRole: role };
}
