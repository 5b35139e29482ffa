import type { StringMap, TriggerEventBase, TriggerHandler } from './common-types.js';
import { checkEvent, returnedStringList, stringMapAt } from './event-checks.js';
import {
  type GroupChanges,
  type GroupConfiguration,
  groupConfigurationOf,
  groupOverride,
} from './group-override.js';
import { type TokenGenerationSource, USER_TOKEN_SOURCES } from './pre-token-generation.js';
import { type ClaimValue, checkClaimNames, isClaimValue } from './token-claims.js';
import { TriggerError } from './trigger-error.js';

/**
 * The trigger sources of a V2/V3 event: those of user sign-ins, plus (V3 only) machine-to-machine
 * client-credentials tokens.
 *
 * @example
 * ```ts
 * const machine = (source: TokenGenerationV2Source) => source === 'TokenGeneration_ClientCredentials';
 * ```
 */
export type TokenGenerationV2Source = TokenGenerationSource | 'TokenGeneration_ClientCredentials';

/**
 * The claims and scopes a V2/V3 answer changes in one token.
 *
 * @example
 * ```ts
 * const id: TokenGenerationChanges = { claimsToAddOrOverride: { tenant: 't-1' }, claimsToSuppress: ['email'] };
 * ```
 */
export interface TokenGenerationChanges {
  claimsToAddOrOverride?: Readonly<Record<string, ClaimValue>> | undefined;
  claimsToSuppress?: string[] | undefined;
  scopesToAdd?: string[] | undefined;
  scopesToSuppress?: string[] | undefined;
}

/**
 * The event of the Pre token generation trigger, versions 2 and 3 (`V2_0`, `V3_0`: ID and access tokens;
 * same shape as `@types/aws-lambda`'s `PreTokenGenerationV2TriggerEvent`).
 *
 * @example
 * ```ts
 * const scopes = (event: PreTokenGenerationV2Event) => event.request.scopes ?? [];
 * ```
 */
export interface PreTokenGenerationV2Event extends TriggerEventBase<TokenGenerationV2Source> {
  request: {
    userAttributes: StringMap;
    groupConfiguration: GroupConfiguration;
    scopes?: readonly string[] | undefined;
    clientMetadata?: StringMap | undefined;
  };
  response: {
    claimsAndScopeOverrideDetails: {
      idTokenGeneration?: TokenGenerationChanges | undefined;
      accessTokenGeneration?: TokenGenerationChanges | undefined;
      groupOverrideDetails?: GroupConfiguration | undefined;
    };
  };
}

/**
 * What a V2/V3 callback gets: the user, their groups and roles, and the access token's scopes.
 *
 * @example
 * ```ts
 * const wantsOrders = ({ scopes }: PreTokenGenerationV2Input) => scopes.includes('orders/read');
 * ```
 */
export interface PreTokenGenerationV2Input {
  readonly event: PreTokenGenerationV2Event;
  readonly triggerSource: TokenGenerationV2Source;
  /** `'2'` or `'3'` (V3 also runs for client-credentials tokens, which have no user and no ID token). */
  readonly version: '2' | '3';
  readonly userName: string;
  readonly userAttributes: StringMap;
  readonly clientMetadata: StringMap;
  readonly scopes: readonly string[];
  readonly groups: readonly string[];
  readonly iamRoles: readonly string[];
  readonly preferredRole: string | undefined;
}

/**
 * How to change the tokens (V2/V3): claims of the ID token, claims and scopes of the access token, and
 * groups (both tokens). Claim values may be strings, numbers, booleans, lists or objects.
 *
 * @example
 * ```ts
 * const change: TokenCustomization = {
 *   idToken: { addClaims: { tenant: 't-42' } },
 *   accessToken: { addClaims: { plan: 'pro' }, addScopes: ['orders/read'], suppressScopes: ['aws.cognito.signin.user.admin'] },
 * };
 * ```
 */
export interface TokenCustomization extends GroupChanges {
  readonly idToken?: {
    readonly addClaims?: Readonly<Record<string, ClaimValue>>;
    readonly suppressClaims?: readonly string[];
  };
  readonly accessToken?: {
    readonly addClaims?: Readonly<Record<string, ClaimValue>>;
    readonly suppressClaims?: readonly string[];
    readonly addScopes?: readonly string[];
    readonly suppressScopes?: readonly string[];
  };
}

const HELPER = 'preTokenGenerationV2';
const SCOPE = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

function claimsAt(
  value: unknown,
  field: string,
  forAccessToken: boolean,
): Record<string, ClaimValue> | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TriggerError(HELPER, 'response', `${field} must be an object of claim values`);
  }
  for (const [name, claim] of Object.entries(value)) {
    if (!isClaimValue(claim)) {
      throw new TriggerError(
        HELPER,
        'response',
        `${field}.${name} must be a string, number, boolean, list or object (not null or undefined)`,
      );
    }
  }
  checkClaimNames(Object.keys(value), field, HELPER, forAccessToken);
  return value as Record<string, ClaimValue>;
}

function changesFor(value: unknown, token: 'idToken' | 'accessToken'): TokenGenerationChanges | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null) {
    throw new TriggerError(HELPER, 'response', `${token} must be an object`);
  }
  const v = value as Record<string, unknown>;
  const forAccessToken = token === 'accessToken';
  if (!forAccessToken && (v.addScopes !== undefined || v.suppressScopes !== undefined)) {
    throw new TriggerError(
      HELPER,
      'response',
      'scopes belong to the access token: use accessToken.addScopes / suppressScopes',
    );
  }
  const add = claimsAt(v.addClaims, `${token}.addClaims`, forAccessToken);
  const suppress = returnedStringList(v.suppressClaims, `${token}.suppressClaims`, HELPER);
  checkClaimNames(suppress ?? [], `${token}.suppressClaims`, HELPER, forAccessToken);
  const addScopes = returnedStringList(v.addScopes, `${token}.addScopes`, HELPER);
  const suppressScopes = returnedStringList(v.suppressScopes, `${token}.suppressScopes`, HELPER);
  const badScope = [...(addScopes ?? []), ...(suppressScopes ?? [])].find((s) => !SCOPE.test(s));
  if (badScope !== undefined) {
    throw new TriggerError(
      HELPER,
      'response',
      `${JSON.stringify(badScope)} is not a single scope (no spaces or quotes)`,
    );
  }
  const changes: TokenGenerationChanges = {
    ...(add && Object.keys(add).length > 0 ? { claimsToAddOrOverride: add } : {}),
    ...(suppress && suppress.length > 0 ? { claimsToSuppress: suppress } : {}),
    ...(addScopes && addScopes.length > 0 ? { scopesToAdd: addScopes } : {}),
    ...(suppressScopes && suppressScopes.length > 0 ? { scopesToSuppress: suppressScopes } : {}),
  };
  return Object.keys(changes).length > 0 ? changes : undefined;
}

/**
 * Builds a Pre token generation handler for trigger versions 2 and 3 (`V2_0`/`V3_0`, needs the Essentials
 * or Plus feature plan): add, change or remove claims of the ID and access tokens, add or remove access
 * token scopes, and change groups. It refuses a V1 event (the answer would be ignored: configure
 * `V2_0`, or use `preTokenGeneration`), reserved claims, `null` values, `scope` as a claim and ID-token
 * scopes, each with a `TriggerError`. Group changes keep what they do not mention.
 *
 * @example
 * ```ts
 * export const handler = preTokenGenerationV2(({ userAttributes, groups, scopes }) => ({
 *   idToken: { addClaims: { tenant: userAttributes['custom:tenant'] ?? 'none' } },
 *   accessToken: {
 *     addClaims: { roles: groups },
 *     addScopes: groups.includes('admins') ? ['orders/admin'] : [],
 *   },
 * }));
 * ```
 */
export function preTokenGenerationV2(
  customize: (input: PreTokenGenerationV2Input) => TokenCustomization | Promise<TokenCustomization>,
): TriggerHandler<PreTokenGenerationV2Event> {
  return async (raw) => {
    const { event, request, triggerSource } = checkEvent(raw, HELPER, 'Pre token generation', [
      ...USER_TOKEN_SOURCES,
      'TokenGeneration_ClientCredentials',
    ]);
    const version = event.version;
    if (version !== '2' && version !== '3') {
      throw new TriggerError(
        HELPER,
        'event',
        `event version is ${JSON.stringify(version)}, not "2" or "3": the trigger is configured as V1_0, which ignores this handler's answer; configure LambdaVersion V2_0 (or V3_0), or use preTokenGeneration`,
      );
    }
    const machine = triggerSource === 'TokenGeneration_ClientCredentials';
    const scopes = request.scopes;
    if (
      scopes !== undefined &&
      scopes !== null &&
      !(Array.isArray(scopes) && scopes.every((s) => typeof s === 'string'))
    ) {
      throw new TriggerError(HELPER, 'event', 'request.scopes is not a list of strings');
    }
    const current = groupConfigurationOf(request.groupConfiguration);
    const customization: unknown = await customize({
      event: raw,
      triggerSource: triggerSource as TokenGenerationV2Source,
      version,
      userName: typeof event.userName === 'string' ? event.userName : '',
      userAttributes: machine
        ? (stringMapAt(request.userAttributes, 'request.userAttributes', HELPER, true) ?? {})
        : stringMapAt(request.userAttributes, 'request.userAttributes', HELPER),
      clientMetadata: stringMapAt(request.clientMetadata, 'request.clientMetadata', HELPER, true) ?? {},
      scopes: (scopes as string[] | undefined | null) ?? [],
      groups: current.groupsToOverride ?? [],
      iamRoles: current.iamRolesToOverride ?? [],
      preferredRole: current.preferredRole,
    });
    if (typeof customization !== 'object' || customization === null) {
      throw new TriggerError(HELPER, 'response', 'the callback must return an object ({} to change nothing)');
    }
    const c = customization as Record<string, unknown>;
    const idTokenGeneration = changesFor(c.idToken, 'idToken');
    if (machine && idTokenGeneration) {
      throw new TriggerError(
        HELPER,
        'response',
        'a client-credentials grant issues no ID token: change accessToken only',
      );
    }
    const accessTokenGeneration = changesFor(c.accessToken, 'accessToken');
    const groups = groupOverride(current, c, HELPER);
    return {
      ...raw,
      response: {
        claimsAndScopeOverrideDetails: {
          ...(idTokenGeneration ? { idTokenGeneration } : {}),
          ...(accessTokenGeneration ? { accessTokenGeneration } : {}),
          ...(groups ? { groupOverrideDetails: groups } : {}),
        },
      },
    };
  };
}
