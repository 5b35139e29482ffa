import type { StringMap, TriggerEventBase, TriggerHandler } from './common-types.js';
import { checkEvent, returnedStringList, returnedStringMap, stringMapAt } from './event-checks.js';
import {
  type GroupChanges,
  type GroupConfiguration,
  groupConfigurationOf,
  groupOverride,
} from './group-override.js';
import { checkClaimNames } from './token-claims.js';
import { TriggerError } from './trigger-error.js';

/**
 * When Cognito issues tokens: managed login, an API sign-in, a new password after an admin-created
 * user, a device sign-in, a refresh.
 *
 * @example
 * ```ts
 * const onRefresh = (source: TokenGenerationSource) => source === 'TokenGeneration_RefreshTokens';
 * ```
 */
export type TokenGenerationSource =
  | 'TokenGeneration_HostedAuth'
  | 'TokenGeneration_Authentication'
  | 'TokenGeneration_NewPasswordChallenge'
  | 'TokenGeneration_AuthenticateDevice'
  | 'TokenGeneration_RefreshTokens';

/**
 * The event of the Pre token generation trigger, version 1 (`V1_0`: ID token only; same shape as
 * `@types/aws-lambda`'s `PreTokenGenerationTriggerEvent`).
 *
 * @example
 * ```ts
 * const groups = (event: PreTokenGenerationEvent) => event.request.groupConfiguration.groupsToOverride ?? [];
 * ```
 */
export interface PreTokenGenerationEvent extends TriggerEventBase<TokenGenerationSource> {
  request: {
    userAttributes: StringMap;
    groupConfiguration: GroupConfiguration;
    clientMetadata?: StringMap | undefined;
  };
  response: {
    claimsOverrideDetails: {
      claimsToAddOrOverride?: StringMap | undefined;
      claimsToSuppress?: string[] | undefined;
      groupOverrideDetails?: GroupConfiguration | undefined;
    };
  };
}

/**
 * What a Pre token generation callback gets: the user, and their current groups and roles.
 *
 * @example
 * ```ts
 * const isAdmin = ({ groups }: PreTokenGenerationInput) => groups.includes('admins');
 * ```
 */
export interface PreTokenGenerationInput {
  readonly event: PreTokenGenerationEvent;
  readonly triggerSource: TokenGenerationSource;
  readonly userName: string;
  readonly userAttributes: StringMap;
  readonly clientMetadata: StringMap;
  readonly groups: readonly string[];
  readonly iamRoles: readonly string[];
  readonly preferredRole: string | undefined;
}

/**
 * How to change the ID token (V1 changes the ID token only; claim values are strings). Group changes
 * apply to both tokens' `cognito:groups`. Leave everything out to issue the tokens unchanged.
 *
 * @example
 * ```ts
 * const change: IdTokenCustomization = { addClaims: { tenant_id: 't-42' }, suppressClaims: ['phone_number'] };
 * ```
 */
export interface IdTokenCustomization extends GroupChanges {
  readonly addClaims?: Readonly<Record<string, string>>;
  readonly suppressClaims?: readonly string[];
}

const HELPER = 'preTokenGeneration';

/**
 * The trigger sources of tokens issued to users (every version of the trigger).
 *
 * @example
 * ```ts
 * USER_TOKEN_SOURCES.includes('TokenGeneration_RefreshTokens'); // true
 * ```
 */
export const USER_TOKEN_SOURCES: readonly TokenGenerationSource[] = [
  'TokenGeneration_HostedAuth',
  'TokenGeneration_Authentication',
  'TokenGeneration_NewPasswordChallenge',
  'TokenGeneration_AuthenticateDevice',
  'TokenGeneration_RefreshTokens',
];

/**
 * Builds a Pre token generation handler for trigger version 1 (`V1_0`). It refuses a V2/V3 event (the
 * answer would be ignored: configure `V1_0`, or use `preTokenGenerationV2`), reserved claims such as `sub`,
 * and non-string values, each with a `TriggerError` naming the problem. Group changes keep what they do
 * not mention (Cognito replaces the whole group configuration otherwise).
 *
 * @example
 * ```ts
 * export const handler = preTokenGeneration(async ({ userAttributes, groups }) => ({
 *   addClaims: { tenant_id: userAttributes['custom:tenant'] ?? 'none' },
 *   suppressClaims: ['phone_number'],
 *   groups: [...groups, 'signed-in'],
 * }));
 * ```
 */
export function preTokenGeneration(
  customize: (input: PreTokenGenerationInput) => IdTokenCustomization | Promise<IdTokenCustomization>,
): TriggerHandler<PreTokenGenerationEvent> {
  return async (raw) => {
    const { event, request, triggerSource } = checkEvent(
      raw,
      HELPER,
      'Pre token generation',
      USER_TOKEN_SOURCES,
    );
    if (event.version !== '1') {
      throw new TriggerError(
        HELPER,
        'event',
        `event version is ${JSON.stringify(event.version)}, not "1": the trigger is configured as V2_0/V3_0, whose answer this handler does not give; use preTokenGenerationV2 or configure LambdaVersion V1_0`,
      );
    }
    const current = groupConfigurationOf(request.groupConfiguration);
    const customization: unknown = await customize({
      event: raw,
      triggerSource: triggerSource as TokenGenerationSource,
      userName: typeof event.userName === 'string' ? event.userName : '',
      userAttributes: stringMapAt(request.userAttributes, 'request.userAttributes', HELPER),
      clientMetadata: stringMapAt(request.clientMetadata, 'request.clientMetadata', HELPER, true) ?? {},
      groups: current.groupsToOverride ?? [],
      iamRoles: current.iamRolesToOverride ?? [],
      preferredRole: current.preferredRole,
    });
    if (typeof customization !== 'object' || customization === null) {
      throw new TriggerError(HELPER, 'response', 'the callback must return an object ({} to change nothing)');
    }
    const c = customization as Record<string, unknown>;
    const addClaims = returnedStringMap(c.addClaims, 'addClaims', HELPER);
    const suppressClaims = returnedStringList(c.suppressClaims, 'suppressClaims', HELPER);
    checkClaimNames(Object.keys(addClaims), 'addClaims', HELPER);
    checkClaimNames(suppressClaims ?? [], 'suppressClaims', HELPER);
    const groups = groupOverride(current, c, HELPER);
    return {
      ...raw,
      response: {
        claimsOverrideDetails: {
          ...(Object.keys(addClaims).length > 0 ? { claimsToAddOrOverride: addClaims } : {}),
          ...(suppressClaims && suppressClaims.length > 0 ? { claimsToSuppress: suppressClaims } : {}),
          ...(groups ? { groupOverrideDetails: groups } : {}),
        },
      },
    };
  };
}
