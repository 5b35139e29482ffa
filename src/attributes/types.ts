/**
 * Cognito's standard user attributes (OpenID Connect profile claims), with the value types a
 * TypeScript user would reach for. Cognito stores every value as a string; cognito-flow converts.
 *
 * @example
 * ```ts
 * const profile: StandardAttributes = { email: 'a@example.com', birthdate: '1990-04-01', updated_at: 1700000000 };
 * ```
 */
export interface StandardAttributes {
  readonly address?: string;
  /** `YYYY-MM-DD` (or `0000-MM-DD` when the year is withheld), or a `Date` (its UTC day is used). */
  readonly birthdate?: string | Date;
  readonly email?: string;
  readonly email_verified?: boolean;
  readonly family_name?: string;
  readonly gender?: string;
  readonly given_name?: string;
  readonly locale?: string;
  readonly middle_name?: string;
  readonly name?: string;
  readonly nickname?: string;
  /** E.164, e.g. `+14325551212`. */
  readonly phone_number?: string;
  readonly phone_number_verified?: boolean;
  readonly picture?: string;
  readonly preferred_username?: string;
  readonly profile?: string;
  /** Epoch seconds, or a `Date`. */
  readonly updated_at?: number | Date;
  readonly website?: string;
  readonly zoneinfo?: string;
}

/**
 * A value of a custom attribute (`custom:<name>`). Numbers, booleans and dates are converted to strings.
 *
 * @example
 * ```ts
 * const plan: CustomAttributeValue = 3; // stored as '3' in custom:plan
 * ```
 */
export type CustomAttributeValue = string | number | boolean | Date;

/**
 * Attributes to write to a user: standard ones typed, custom ones under `custom:<name>`.
 *
 * @example
 * ```ts
 * const attributes: UserAttributes = {
 *   email: 'alice@example.com',
 *   birthdate: '1990-04-01',
 *   updated_at: new Date(),
 *   'custom:plan': 'pro',
 * };
 * ```
 */
export type UserAttributes = StandardAttributes & {
  readonly [custom: `custom:${string}`]: CustomAttributeValue | undefined;
};

/**
 * Attributes as Cognito returns them: every value a string.
 *
 * @example
 * ```ts
 * const attrs: AttributeMap = step.userAttributes; console.log(attrs.email);
 * ```
 */
export type AttributeMap = Readonly<Record<string, string>>;
