import { err, ok, type Result } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import type { InvalidParameterError } from '../errors/types.js';

/**
 * The attributes ListUsers can filter on.
 *
 * @example
 * ```ts
 * const attribute: FilterAttribute = 'email';
 * ```
 */
export type FilterAttribute =
  | 'username'
  | 'email'
  | 'phone_number'
  | 'name'
  | 'given_name'
  | 'family_name'
  | 'preferred_username'
  | 'sub'
  | 'cognito:user_status'
  | 'status';

/**
 * A user's account status, as `cognito:user_status` filters on it.
 *
 * @example
 * ```ts
 * const status: UserStatus = 'FORCE_CHANGE_PASSWORD';
 * ```
 */
export type UserStatus =
  | 'UNCONFIRMED'
  | 'CONFIRMED'
  | 'EXTERNAL_PROVIDER'
  | 'RESET_REQUIRED'
  | 'FORCE_CHANGE_PASSWORD'
  | 'ARCHIVED'
  | 'COMPROMISED'
  | 'UNKNOWN';

/**
 * A ListUsers filter: `attribute = "value"` or `attribute ^= "value"` (starts with). Build it with
 * {@link where}.
 *
 * @example
 * ```ts
 * const filter: UserFilter = where('email').startsWith('alice');
 * ```
 */
export interface UserFilter {
  readonly attribute: FilterAttribute;
  readonly operator: '=' | '^=';
  readonly value: string;
}

/**
 * What {@link where} offers for an attribute: `status` takes `Enabled`/`Disabled`,
 * `cognito:user_status` a {@link UserStatus}, and the others any text, exactly or as a prefix.
 *
 * @example
 * ```ts
 * const byEmail: FilterBuilder<'email'> = where('email');
 * ```
 */
export type FilterBuilder<A extends FilterAttribute> = A extends 'status'
  ? { equals(value: 'Enabled' | 'Disabled'): UserFilter }
  : A extends 'cognito:user_status'
    ? { equals(value: UserStatus): UserFilter }
    : { equals(value: string): UserFilter; startsWith(prefix: string): UserFilter };

/**
 * Starts a typed ListUsers filter.
 *
 * @example
 * ```ts
 * admin.listUsers({ filter: where('email').startsWith('alice') });
 * admin.listUsers({ filter: where('cognito:user_status').equals('FORCE_CHANGE_PASSWORD') });
 * admin.listUsers({ filter: where('status').equals('Disabled') });
 * ```
 */
export function where<A extends FilterAttribute>(attribute: A): FilterBuilder<A> {
  const make = (operator: '=' | '^=') => (value: string) => Object.freeze({ attribute, operator, value });
  return { equals: make('='), startsWith: make('^=') } as unknown as FilterBuilder<A>;
}

const ATTRIBUTES = new Set<string>([
  'username',
  'email',
  'phone_number',
  'name',
  'given_name',
  'family_name',
  'preferred_username',
  'sub',
  'cognito:user_status',
  'status',
]);

/**
 * Writes a {@link UserFilter} in Cognito's syntax (`email ^= "alice"`), checking it first: a known
 * attribute, a known operator, and a value without `"` or `\` (Cognito's filter cannot carry them).
 * The whole filter is at most 256 characters.
 *
 * @example
 * ```ts
 * formatUserFilter(where('email').equals('a@example.com')); // Ok('email = "a@example.com"')
 * ```
 */
export function formatUserFilter(filter: UserFilter): Result<string, InvalidParameterError> {
  const invalid = (why: string) => err(makeError('InvalidParameter', `filter: ${why}`));
  if (typeof filter !== 'object' || filter === null) return invalid('build it with where(attribute)');
  if (!ATTRIBUTES.has(filter.attribute)) {
    return invalid(`cannot filter on ${JSON.stringify(String(filter.attribute))}`);
  }
  if (filter.operator !== '=' && filter.operator !== '^=') return invalid('the operator must be = or ^=');
  if (
    filter.operator === '^=' &&
    (filter.attribute === 'status' || filter.attribute === 'cognito:user_status')
  ) {
    return invalid(`${filter.attribute} can only be matched exactly`);
  }
  if (typeof filter.value !== 'string') return invalid('the value must be a string');
  if (/["\\]/.test(filter.value)) return invalid('the value cannot contain " or \\');
  const text = `${filter.attribute} ${filter.operator} "${filter.value}"`;
  return text.length <= 256 ? ok(text) : invalid('it is longer than 256 characters');
}
