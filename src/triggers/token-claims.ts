import { TriggerError } from './trigger-error.js';

/**
 * Claims a Pre token generation trigger cannot add, override or suppress (Cognito's documented list):
 * returning one makes Cognito fail the sign-in.
 *
 * @example
 * ```ts
 * RESERVED_CLAIMS.has('sub'); // true
 * ```
 */
export const RESERVED_CLAIMS: ReadonlySet<string> = new Set([
  'acr',
  'amr',
  'aud',
  'at_hash',
  'auth_time',
  'azp',
  'cognito:username',
  'exp',
  'iat',
  'identities',
  'iss',
  'jti',
  'nbf',
  'nonce',
  'origin_jti',
  'sub',
  'token_use',
]);

/** Claims with a dedicated field of the response. */
const DEDICATED: Readonly<Record<string, string>> = {
  'cognito:groups': 'groups',
  'cognito:roles': 'iamRoles',
  'cognito:preferred_role': 'preferredRole',
};

/**
 * Checks claim names to add or suppress: none reserved, none that has its own field (`cognito:groups` →
 * `groups`, …, and `scope` → `addScopes`/`suppressScopes` in access tokens). Throws a `TriggerError`.
 *
 * @example
 * ```ts
 * checkClaimNames(['tenant_id'], 'idToken.addClaims', 'preTokenGenerationV2');
 * ```
 */
export function checkClaimNames(
  names: readonly string[],
  field: string,
  helper: string,
  forAccessToken = false,
): void {
  for (const name of names) {
    if (RESERVED_CLAIMS.has(name)) {
      throw new TriggerError(
        helper,
        'response',
        `${field} cannot change the claim "${name}": Cognito reserves it`,
      );
    }
    const dedicated =
      DEDICATED[name] ?? (forAccessToken && name === 'scope' ? 'addScopes / suppressScopes' : undefined);
    if (dedicated) {
      throw new TriggerError(
        helper,
        'response',
        `${field} cannot change "${name}": use ${dedicated} instead`,
      );
    }
  }
}

/**
 * A claim value a V2/V3 event may add: a string, number, boolean, list or object (JSON).
 *
 * @example
 * ```ts
 * const value: ClaimValue = ['orders', 'billing'];
 * ```
 */
export type ClaimValue =
  | string
  | number
  | boolean
  | readonly ClaimValue[]
  | { readonly [key: string]: ClaimValue };

/**
 * Whether `value` can be sent as a claim value (JSON without `null`, finite numbers).
 *
 * @example
 * ```ts
 * isClaimValue({ plan: 'pro', seats: 5 }); // true
 * ```
 */
export function isClaimValue(value: unknown): value is ClaimValue {
  if (typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isClaimValue);
  if (typeof value === 'object' && value !== null) return Object.values(value).every(isClaimValue);
  return false;
}
