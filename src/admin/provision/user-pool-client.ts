import type {
  CreateUserPoolClientCommandInput,
  ExplicitAuthFlowsType,
  TimeUnitsType,
} from '@aws-sdk/client-cognito-identity-provider';
import { err, errAsync, ok, okAsync, Result, type ResultAsync } from 'neverthrow';
import { makeError } from '../../errors/make-error.js';
import type { InvalidParameterError } from '../../errors/types.js';
import { adminCall } from '../call.js';
import { type AdminContext, userPoolOf } from '../config.js';
import { type ProvisioningError, SERVICE_ERRORS } from '../errors.js';
import { checkAttributeName } from '../validate-attributes.js';

/**
 * A sign-in flow an app client may use (sent to Cognito with its `ALLOW_` prefix).
 *
 * @example
 * ```ts
 * const flows: AuthFlow[] = ['USER_SRP_AUTH', 'REFRESH_TOKEN_AUTH'];
 * ```
 */
export type AuthFlow =
  | 'USER_SRP_AUTH'
  | 'USER_PASSWORD_AUTH'
  | 'ADMIN_USER_PASSWORD_AUTH'
  | 'CUSTOM_AUTH'
  | 'REFRESH_TOKEN_AUTH'
  | 'USER_AUTH';

/**
 * A token lifetime in one unit.
 *
 * @example
 * ```ts
 * const oneHour: TokenDuration = { hours: 1 };
 * ```
 */
export type TokenDuration =
  | { readonly minutes: number }
  | { readonly hours: number }
  | { readonly days: number };

/**
 * Hosted UI / OAuth 2.0 settings of an app client.
 *
 * @example
 * ```ts
 * const oauth: OAuthSettings = { flows: ['code'], scopes: ['openid', 'email'], callbackUrls: ['https://app.example.com/cb'] };
 * ```
 */
export interface OAuthSettings {
  readonly flows: readonly ('code' | 'implicit' | 'client_credentials')[];
  readonly scopes: readonly string[];
  readonly callbackUrls?: readonly string[];
  readonly logoutUrls?: readonly string[];
  readonly defaultRedirectUri?: string;
  /** `COGNITO` and/or identity provider names (default `['COGNITO']`). */
  readonly identityProviders?: readonly string[];
}

/**
 * Input of {@link AdminClient.createUserPoolClient}.
 *
 * @example
 * ```ts
 * const web: CreateUserPoolClientInput = { name: 'web', authFlows: ['USER_SRP_AUTH', 'REFRESH_TOKEN_AUTH'] };
 * const service: CreateUserPoolClientInput = {
 *   name: 'service',
 *   generateSecret: true,
 *   authFlows: ['ADMIN_USER_PASSWORD_AUTH', 'REFRESH_TOKEN_AUTH'],
 *   tokenValidity: { accessToken: { minutes: 30 }, refreshToken: { days: 7 } },
 * };
 * ```
 */
export interface CreateUserPoolClientInput {
  /** Default: the AdminClient's user pool. */
  readonly userPoolId?: string;
  readonly name: string;
  /** Default (Cognito's): SRP, custom auth and refresh. */
  readonly authFlows?: readonly AuthFlow[];
  /** A confidential client (for servers): Cognito generates a secret. */
  readonly generateSecret?: boolean;
  readonly tokenValidity?: {
    /** 5 minutes to 1 day. */
    readonly accessToken?: TokenDuration;
    /** 5 minutes to 1 day. */
    readonly idToken?: TokenDuration;
    /** 1 hour to 10 years. */
    readonly refreshToken?: TokenDuration;
  };
  readonly readAttributes?: readonly string[];
  readonly writeAttributes?: readonly string[];
  /** Answer "incorrect user name or password" instead of "user not found" (recommended). */
  readonly preventUserExistenceErrors?: boolean;
  readonly enableTokenRevocation?: boolean;
  /** Minutes a sign-in session (between challenges) lasts, 3–15. */
  readonly authSessionValidityMinutes?: number;
  readonly oauth?: OAuthSettings;
}

/**
 * What {@link AdminClient.createUserPoolClient} created: the `clientId` (and `clientSecret` for a
 * confidential client) that an `AuthClient` needs.
 *
 * @example
 * ```ts
 * const auth = AuthClient.create({ userPoolId, clientId: created.clientId, clientSecret: created.clientSecret });
 * ```
 */
export interface CreatedUserPoolClient {
  readonly userPoolId: string;
  readonly clientId: string;
  readonly name: string;
  readonly clientSecret?: string;
}

const FLOWS = new Set<string>([
  'USER_SRP_AUTH',
  'USER_PASSWORD_AUTH',
  'ADMIN_USER_PASSWORD_AUTH',
  'CUSTOM_AUTH',
  'REFRESH_TOKEN_AUTH',
  'USER_AUTH',
]);
const CLIENT_NAME = /^[\w\s+=,.@-]{1,128}$/;
const MINUTES: Record<string, number> = { minutes: 1, hours: 60, days: 24 * 60 };

const invalid = (message: string): Result<never, InvalidParameterError> =>
  err(makeError('InvalidParameter', message));

function duration(
  value: TokenDuration | undefined,
  name: string,
  minMinutes: number,
  maxMinutes: number,
): Result<{ amount: number; unit: TimeUnitsType } | undefined, InvalidParameterError> {
  if (value === undefined) return ok(undefined);
  const entries = typeof value === 'object' && value !== null ? Object.entries(value) : [];
  const [unit, amount] = entries[0] ?? [];
  if (entries.length !== 1 || unit === undefined || !(unit in MINUTES) || !Number.isInteger(amount)) {
    return invalid(
      `tokenValidity.${name} must be one of { minutes }, { hours } or { days } with a whole number`,
    );
  }
  const minutes = (amount as number) * (MINUTES[unit] ?? 1);
  if (minutes < minMinutes || minutes > maxMinutes) {
    return invalid(
      `tokenValidity.${name} is out of range (${minMinutes} minutes to ${maxMinutes / 60 / 24} days)`,
    );
  }
  return ok({ amount: amount as number, unit: unit as TimeUnitsType });
}

function attributeNames(
  names: readonly string[] | undefined,
  what: string,
): Result<string[] | undefined, InvalidParameterError> {
  if (names === undefined) return ok(undefined);
  if (!Array.isArray(names)) return invalid(`${what} must be a list of attribute names`);
  for (const name of names) {
    // `email_verified` and the like are readable; `sub` too.
    if (name === 'sub') continue;
    const checked = checkAttributeName(name);
    if (checked.isErr()) return invalid(`${what}: ${checked.error.message}`);
  }
  return ok([...names]);
}

function isUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.hostname === 'localhost' || !url.protocol.startsWith('http');
  } catch {
    return false;
  }
}

function oauthFields(
  oauth: OAuthSettings | undefined,
): Result<Partial<CreateUserPoolClientCommandInput>, InvalidParameterError> {
  if (oauth === undefined) return ok({});
  if (
    typeof oauth !== 'object' ||
    oauth === null ||
    !Array.isArray(oauth.flows) ||
    oauth.flows.length === 0
  ) {
    return invalid('oauth.flows must name at least one of code, implicit, client_credentials');
  }
  if (!oauth.flows.every((flow) => ['code', 'implicit', 'client_credentials'].includes(flow))) {
    return invalid('oauth.flows must be code, implicit or client_credentials');
  }
  if (!Array.isArray(oauth.scopes) || oauth.scopes.length === 0)
    return invalid('oauth.scopes must not be empty');
  const urls = [...(oauth.callbackUrls ?? []), ...(oauth.logoutUrls ?? [])];
  if (!urls.every(isUrl))
    return invalid('oauth callback and logout URLs must be https (or http://localhost) URLs');
  if (!oauth.flows.includes('client_credentials') && !oauth.callbackUrls?.length) {
    return invalid('oauth.callbackUrls must not be empty for the code and implicit flows');
  }
  return ok({
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: [...oauth.flows],
    AllowedOAuthScopes: [...oauth.scopes],
    ...(oauth.callbackUrls ? { CallbackURLs: [...oauth.callbackUrls] } : {}),
    ...(oauth.logoutUrls ? { LogoutURLs: [...oauth.logoutUrls] } : {}),
    ...(oauth.defaultRedirectUri ? { DefaultRedirectURI: oauth.defaultRedirectUri } : {}),
    SupportedIdentityProviders: [...(oauth.identityProviders ?? ['COGNITO'])],
  });
}

/**
 * Builds the CreateUserPoolClient input, checking it locally.
 *
 * @example
 * ```ts
 * const request = createUserPoolClientRequest('eu-west-1_AbC123', { name: 'web' });
 * ```
 */
export function createUserPoolClientRequest(
  userPoolId: string,
  input: CreateUserPoolClientInput,
): Result<CreateUserPoolClientCommandInput, InvalidParameterError> {
  if (typeof input.name !== 'string' || !CLIENT_NAME.test(input.name)) {
    return invalid('name must be 1-128 characters of letters, digits, spaces and +=,.@-_');
  }
  if (
    input.authFlows !== undefined &&
    (!Array.isArray(input.authFlows) || !input.authFlows.every((f) => FLOWS.has(f)))
  ) {
    return invalid(`authFlows must be among ${[...FLOWS].join(', ')}`);
  }
  const session = input.authSessionValidityMinutes;
  if (session !== undefined && (!Number.isInteger(session) || session < 3 || session > 15)) {
    return invalid('authSessionValidityMinutes must be a whole number from 3 to 15');
  }
  const validity = input.tokenValidity ?? {};
  return Result.combine([
    duration(validity.accessToken, 'accessToken', 5, 24 * 60),
    duration(validity.idToken, 'idToken', 5, 24 * 60),
    duration(validity.refreshToken, 'refreshToken', 60, 3650 * 24 * 60),
    attributeNames(input.readAttributes, 'readAttributes'),
    attributeNames(input.writeAttributes, 'writeAttributes'),
    oauthFields(input.oauth),
  ]).map(([a, i, r, read, write, oauth]) => {
    const units = {
      ...(a ? { AccessToken: a.unit } : {}),
      ...(i ? { IdToken: i.unit } : {}),
      ...(r ? { RefreshToken: r.unit } : {}),
    };
    return {
      UserPoolId: userPoolId,
      ClientName: input.name,
      ...(input.authFlows
        ? { ExplicitAuthFlows: input.authFlows.map((f) => `ALLOW_${f}` as ExplicitAuthFlowsType) }
        : {}),
      ...(input.generateSecret !== undefined ? { GenerateSecret: input.generateSecret } : {}),
      ...(a ? { AccessTokenValidity: a.amount } : {}),
      ...(i ? { IdTokenValidity: i.amount } : {}),
      ...(r ? { RefreshTokenValidity: r.amount } : {}),
      ...(Object.keys(units).length > 0 ? { TokenValidityUnits: units } : {}),
      ...(read ? { ReadAttributes: read } : {}),
      ...(write ? { WriteAttributes: write } : {}),
      ...(input.preventUserExistenceErrors !== undefined
        ? {
            PreventUserExistenceErrors: input.preventUserExistenceErrors
              ? ('ENABLED' as const)
              : ('LEGACY' as const),
          }
        : {}),
      ...(input.enableTokenRevocation !== undefined
        ? { EnableTokenRevocation: input.enableTokenRevocation }
        : {}),
      ...(session !== undefined ? { AuthSessionValidity: session } : {}),
      ...oauth,
    };
  });
}

/**
 * CreateUserPoolClient.
 *
 * @example
 * ```ts
 * const client = await createUserPoolClient(context, { name: 'web', authFlows: ['USER_SRP_AUTH'] });
 * ```
 */
export function createUserPoolClient(
  context: AdminContext,
  input: CreateUserPoolClientInput,
): ResultAsync<CreatedUserPoolClient, ProvisioningError> {
  if (typeof input !== 'object' || input === null) {
    return errAsync(makeError('InvalidParameter', 'input must be an object'));
  }
  const request = userPoolOf(context, input.userPoolId).andThen((pool) =>
    createUserPoolClientRequest(pool, input),
  );
  if (request.isErr()) return errAsync(request.error);
  return adminCall(context.transport, 'CreateUserPoolClient', request.value, SERVICE_ERRORS).andThen(
    (answer) => {
      const client = answer.UserPoolClient;
      if (!client?.ClientId) {
        return errAsync(makeError('Unexpected', 'Cognito answered CreateUserPoolClient without a client id'));
      }
      return okAsync({
        userPoolId: request.value.UserPoolId as string,
        clientId: client.ClientId,
        name: client.ClientName ?? input.name,
        ...(client.ClientSecret ? { clientSecret: client.ClientSecret } : {}),
      });
    },
  );
}
