import type { StringMap, TriggerEventBase, TriggerHandler } from './common-types.js';
import { checkEvent, returnedStringMap, stringMapAt } from './event-checks.js';
import { TriggerError } from './trigger-error.js';

/**
 * When Cognito asks to migrate a user it does not know: at sign-in with a password, or in the
 * forgot-password flow.
 *
 * @example
 * ```ts
 * const atSignIn = (source: UserMigrationSource) => source === 'UserMigration_Authentication';
 * ```
 */
export type UserMigrationSource = 'UserMigration_Authentication' | 'UserMigration_ForgotPassword';

/**
 * The event of the Migrate user trigger (same shape as `@types/aws-lambda`'s `UserMigrationTriggerEvent`).
 * `request.password` is the user's password at sign-in: never log the event.
 *
 * @example
 * ```ts
 * const typed = (event: UserMigrationEvent) => event.userName;
 * ```
 */
export interface UserMigrationEvent extends TriggerEventBase<UserMigrationSource> {
  request: {
    password: string;
    validationData?: StringMap | undefined;
    clientMetadata?: StringMap | undefined;
  };
  response: {
    userAttributes: StringMap;
    finalUserStatus?: string | undefined;
    messageAction?: 'RESEND' | 'SUPPRESS' | undefined;
    desiredDeliveryMediums?: ('SMS' | 'EMAIL')[] | undefined;
    forceAliasCreation?: boolean | undefined;
  };
}

/**
 * A user found in the legacy store, as it should be created in the pool.
 *
 * @example
 * ```ts
 * const user: MigratedUser = { attributes: { email: 'alice@example.com', email_verified: 'true', name: 'Alice' } };
 * ```
 */
export interface MigratedUser {
  /** The user's attributes (`custom:` prefix for custom ones); not `sub`, which Cognito assigns. */
  readonly attributes: Readonly<Record<string, string>>;
  /** At sign-in: `CONFIRMED` (default) signs the user in with the legacy password; `RESET_REQUIRED` makes them choose a new one. */
  readonly finalUserStatus?: 'CONFIRMED' | 'RESET_REQUIRED';
  /** Move an email/phone alias held by another user to this one (default false: the migration fails instead). */
  readonly forceAliasCreation?: boolean;
}

/**
 * What `authenticate` gets: the user name and password typed at sign-in.
 *
 * @example
 * ```ts
 * const authenticate = async ({ userName, password }: LegacySignIn) => legacy.check(userName, password);
 * ```
 */
export interface LegacySignIn {
  readonly userName: string;
  readonly password: string;
  readonly clientMetadata: StringMap;
  readonly validationData: StringMap;
  readonly event: UserMigrationEvent;
}

/**
 * What `findUser` gets in the forgot-password flow (there is no password).
 *
 * @example
 * ```ts
 * const findUser = async ({ userName }: LegacyLookup) => legacy.find(userName);
 * ```
 */
export interface LegacyLookup {
  readonly userName: string;
  readonly clientMetadata: StringMap;
  readonly event: UserMigrationEvent;
}

/**
 * Options of {@link userMigration}.
 *
 * @example
 * ```ts
 * const options: UserMigrationOptions = {
 *   authenticate: async ({ userName, password }) => (await legacy.verify(userName, password)) ? toMigrated(await legacy.get(userName)) : undefined,
 *   findUser: async ({ userName }) => toMigrated(await legacy.get(userName)),
 * };
 * ```
 */
export interface UserMigrationOptions {
  /** Checks the password against the legacy store; the user to create, or `undefined` when unknown or wrong. */
  readonly authenticate: (
    input: LegacySignIn,
  ) => MigratedUser | undefined | Promise<MigratedUser | undefined>;
  /** Looks the user up for a password reset; leave out to migrate at sign-in only. */
  readonly findUser?: (input: LegacyLookup) => MigratedUser | undefined | Promise<MigratedUser | undefined>;
  /** Suppress Cognito's welcome message to migrated users (default true). */
  readonly suppressWelcomeMessage?: boolean;
}

const HELPER = 'userMigration';
const ATTRIBUTE_NAME = /^(?:custom:)?[\w.:-]{1,32}$/;

function checkUser(user: unknown, forgotPassword: boolean): MigratedUser {
  if (typeof user !== 'object' || user === null) {
    throw new TriggerError(HELPER, 'response', 'the callback must return { attributes } or undefined');
  }
  const u = user as Record<string, unknown>;
  const attributes = returnedStringMap(u.attributes, 'attributes', HELPER);
  const names = Object.keys(attributes);
  if (names.length === 0)
    throw new TriggerError(HELPER, 'response', 'attributes must name at least one attribute');
  const bad = names.find((name) => name === 'sub' || !ATTRIBUTE_NAME.test(name));
  if (bad !== undefined) {
    throw new TriggerError(
      HELPER,
      'response',
      bad === 'sub'
        ? 'attributes cannot set sub: Cognito assigns it'
        : `attributes has an invalid name ${JSON.stringify(bad)}`,
    );
  }
  if (
    u.finalUserStatus !== undefined &&
    u.finalUserStatus !== 'CONFIRMED' &&
    u.finalUserStatus !== 'RESET_REQUIRED'
  ) {
    throw new TriggerError(HELPER, 'response', 'finalUserStatus must be CONFIRMED or RESET_REQUIRED');
  }
  if (u.forceAliasCreation !== undefined && typeof u.forceAliasCreation !== 'boolean') {
    throw new TriggerError(HELPER, 'response', 'forceAliasCreation must be true or false');
  }
  const verifiedEmail = Boolean(attributes.email) && attributes.email_verified === 'true';
  const verifiedPhone = Boolean(attributes.phone_number) && attributes.phone_number_verified === 'true';
  if (forgotPassword && !verifiedEmail && !verifiedPhone) {
    throw new TriggerError(
      HELPER,
      'response',
      'in the forgot-password flow the user needs a verified email (email_verified: "true") or phone number, where Cognito sends the reset code',
    );
  }
  return user as MigratedUser;
}

/**
 * Builds a Migrate user handler: at sign-in it checks the password with `authenticate` against your
 * legacy store and returns the user to create (signed in at once, `CONFIRMED`, welcome message
 * suppressed); in the forgot-password flow it looks the user up with `findUser`. An unknown user or a
 * wrong password throws a plain `Error('User not found or wrong password')` — that is how a trigger
 * tells Cognito to fail the sign-in, which the app sees as `NotAuthorized`/`UserNotFound`. The password
 * never appears in a message. Attributes are checked (strings, no `sub`, a verified email or phone for
 * a password reset) and a `TriggerError` names any problem.
 *
 * @example
 * ```ts
 * export const handler = userMigration({
 *   authenticate: async ({ userName, password }) => {
 *     const legacyUser = await legacyDb.verifyPassword(userName, password);
 *     return legacyUser ? { attributes: { email: legacyUser.email, email_verified: 'true', name: legacyUser.name } } : undefined;
 *   },
 *   findUser: async ({ userName }) => {
 *     const legacyUser = await legacyDb.find(userName);
 *     return legacyUser ? { attributes: { email: legacyUser.email, email_verified: 'true' } } : undefined;
 *   },
 * });
 * ```
 */
export function userMigration(options: UserMigrationOptions): TriggerHandler<UserMigrationEvent> {
  if (typeof options?.authenticate !== 'function') {
    throw new TypeError('userMigration: authenticate must be a function');
  }
  if (options.findUser !== undefined && typeof options.findUser !== 'function') {
    throw new TypeError('userMigration: findUser, when given, must be a function');
  }
  const suppress = options.suppressWelcomeMessage !== false;
  return async (raw) => {
    const { event, request, triggerSource } = checkEvent(raw, HELPER, 'Migrate user', [
      'UserMigration_Authentication',
      'UserMigration_ForgotPassword',
    ]);
    const userName = event.userName;
    if (typeof userName !== 'string' || userName === '')
      throw new TriggerError(HELPER, 'event', 'userName is missing');
    const clientMetadata = stringMapAt(request.clientMetadata, 'request.clientMetadata', HELPER, true) ?? {};
    const forgotPassword = triggerSource === 'UserMigration_ForgotPassword';
    let found: unknown;
    if (forgotPassword) {
      found = options.findUser ? await options.findUser({ userName, clientMetadata, event: raw }) : undefined;
    } else {
      if (typeof request.password !== 'string') {
        throw new TriggerError(HELPER, 'event', 'request.password is missing at sign-in');
      }
      found = await options.authenticate({
        userName,
        password: request.password,
        clientMetadata,
        validationData: stringMapAt(request.validationData, 'request.validationData', HELPER, true) ?? {},
        event: raw,
      });
    }
    if (found === undefined || found === null) throw new Error('User not found or wrong password');
    const user = checkUser(found, forgotPassword);
    return {
      ...raw,
      response: {
        userAttributes: { ...user.attributes },
        ...(forgotPassword ? {} : { finalUserStatus: user.finalUserStatus ?? 'CONFIRMED' }),
        ...(suppress ? { messageAction: 'SUPPRESS' as const } : {}),
        ...(user.forceAliasCreation !== undefined ? { forceAliasCreation: user.forceAliasCreation } : {}),
      },
    };
  };
}
