import type { AttributeMap } from '../../attributes/types.js';

/**
 * A user's attributes as read back from Cognito, with the value types a TypeScript user expects:
 * `email_verified` and `phone_number_verified` as booleans, `updated_at` as epoch seconds, everything
 * else (including `custom:*`) as strings. Values that do not parse are left out here; the raw strings
 * are always in `rawAttributes`.
 *
 * @example
 * ```ts
 * const user = (await auth.getUser({ accessToken }))._unsafeUnwrap();
 * if (user.attributes.email_verified === false) await auth.sendAttributeVerificationCode({ accessToken, attributeName: 'email' });
 * ```
 */
export interface UserAttributeValues {
  readonly sub?: string;
  readonly address?: string;
  /** `YYYY-MM-DD` as stored. */
  readonly birthdate?: string;
  readonly email?: string;
  readonly email_verified?: boolean;
  readonly family_name?: string;
  readonly gender?: string;
  readonly given_name?: string;
  /** Federated users' linked identities, as the JSON string Cognito stores. */
  readonly identities?: string;
  readonly locale?: string;
  readonly middle_name?: string;
  readonly name?: string;
  readonly nickname?: string;
  readonly phone_number?: string;
  readonly phone_number_verified?: boolean;
  readonly picture?: string;
  readonly preferred_username?: string;
  readonly profile?: string;
  /** Epoch seconds. */
  readonly updated_at?: number;
  readonly website?: string;
  readonly zoneinfo?: string;
  readonly [custom: `custom:${string}`]: string | undefined;
}

const BOOLEAN_ATTRIBUTES: ReadonlySet<string> = new Set(['email_verified', 'phone_number_verified']);
const STRING_ATTRIBUTES: ReadonlySet<string> = new Set([
  'sub',
  'address',
  'birthdate',
  'email',
  'family_name',
  'gender',
  'given_name',
  'identities',
  'locale',
  'middle_name',
  'name',
  'nickname',
  'phone_number',
  'picture',
  'preferred_username',
  'profile',
  'website',
  'zoneinfo',
]);

function typedValue(name: string, value: string): string | number | boolean | undefined {
  if (BOOLEAN_ATTRIBUTES.has(name)) return value === 'true' ? true : value === 'false' ? false : undefined;
  if (name === 'updated_at') return /^\d{1,15}$/.test(value) ? Number(value) : undefined;
  if (STRING_ATTRIBUTES.has(name) || name.startsWith('custom:')) return value;
  return undefined;
}

/**
 * Converts Cognito's string attributes to {@link UserAttributeValues}. Pure.
 *
 * @example
 * ```ts
 * userAttributeValues({ email_verified: 'true', updated_at: '1700000000' });
 * // { email_verified: true, updated_at: 1700000000 }
 * ```
 */
export function userAttributeValues(attributes: AttributeMap): UserAttributeValues {
  const out: Record<string, string | number | boolean> = {};
  for (const [name, value] of Object.entries(attributes)) {
    const typed = typedValue(name, value);
    if (typed !== undefined) out[name] = typed;
  }
  return out as UserAttributeValues;
}
