import type {
  CreateIdentityPoolCommandInput,
  RoleMapping as SdkRoleMapping,
} from '@aws-sdk/client-cognito-identity';
import { errAsync, okAsync, type ResultAsync } from 'neverthrow';
import { parseUserPoolId } from '../../config/auth-config.js';
import { makeError } from '../../errors/make-error.js';
import { adminCall } from '../call.js';
import type { AdminContext } from '../config.js';
import { type ProvisioningError, SERVICE_ERRORS } from '../errors.js';

/**
 * A user-pool app client an identity pool trusts.
 *
 * @example
 * ```ts
 * const web: UserPoolClientProvider = { userPoolId: 'eu-west-1_AbC123', clientId: '1example23456789' };
 * ```
 */
export interface UserPoolClientProvider {
  readonly userPoolId: string;
  readonly clientId: string;
  /** Have Cognito check that the user's tokens were not revoked (global sign-out). */
  readonly serverSideTokenCheck?: boolean;
}

/**
 * Input of {@link AdminClient.createIdentityPool}.
 *
 * @example
 * ```ts
 * const input: CreateIdentityPoolInput = {
 *   name: 'my_app',
 *   allowGuests: true,
 *   userPoolClients: [{ userPoolId, clientId }],
 *   supportedLoginProviders: { google: '…apps.googleusercontent.com' },
 * };
 * ```
 */
export interface CreateIdentityPoolInput {
  /** 1–128 characters of letters, digits, spaces and `+=,.@-_`. */
  readonly name: string;
  /** Allow unauthenticated (guest) identities. */
  readonly allowGuests?: boolean;
  /** Allow the basic (classic) flow. */
  readonly allowClassicFlow?: boolean;
  readonly userPoolClients?: readonly UserPoolClientProvider[];
  /** App / client ids at the public providers. */
  readonly supportedLoginProviders?: {
    readonly google?: string;
    readonly facebook?: string;
    readonly amazon?: string;
    readonly apple?: string;
  };
  readonly openIdConnectProviderArns?: readonly string[];
  readonly samlProviderArns?: readonly string[];
  /** The "domain" of your developer-authenticated identities, e.g. `login.example.app`. */
  readonly developerProviderName?: string;
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * What {@link AdminClient.createIdentityPool} created: the id `IdentityPool.create` needs.
 *
 * @example
 * ```ts
 * const pool = IdentityPool.create({ identityPoolId: created.identityPoolId });
 * ```
 */
export interface CreatedIdentityPool {
  readonly identityPoolId: string;
  readonly name: string;
}

/**
 * How an identity pool picks roles for one provider: from the token (`cognito:preferred_role`,
 * `cognito:roles` — user-pool groups with roles) or by rules on claims.
 *
 * @example
 * ```ts
 * const byGroup: RoleMapping = {
 *   provider: { userPoolId, clientId },
 *   type: 'Token',
 *   ambiguousRoleResolution: 'AuthenticatedRole',
 * };
 * const byRule: RoleMapping = {
 *   provider: { userPoolId, clientId },
 *   type: 'Rules',
 *   rules: [{ claim: 'custom:plan', matchType: 'Equals', value: 'pro', roleArn: 'arn:aws:iam::123456789012:role/pro' }],
 *   ambiguousRoleResolution: 'Deny',
 * };
 * ```
 */
export type RoleMapping = {
  /** A user-pool app client, or another provider's Logins key (e.g. `accounts.google.com`). */
  readonly provider: { readonly userPoolId: string; readonly clientId: string } | string;
  /** What to do when no role (or no single role) comes out: use the authenticated role, or deny. */
  readonly ambiguousRoleResolution: 'AuthenticatedRole' | 'Deny';
} & (
  | { readonly type: 'Token' }
  | {
      readonly type: 'Rules';
      readonly rules: readonly {
        readonly claim: string;
        readonly matchType: 'Equals' | 'Contains' | 'StartsWith' | 'NotEqual';
        readonly value: string;
        readonly roleArn: string;
      }[];
    }
);

/**
 * Input of {@link AdminClient.setIdentityPoolRoles}.
 *
 * @example
 * ```ts
 * const input: SetIdentityPoolRolesInput = {
 *   identityPoolId,
 *   authenticatedRoleArn: 'arn:aws:iam::123456789012:role/app-signed-in',
 *   unauthenticatedRoleArn: 'arn:aws:iam::123456789012:role/app-guest',
 * };
 * ```
 */
export interface SetIdentityPoolRolesInput {
  readonly identityPoolId: string;
  readonly authenticatedRoleArn?: string;
  readonly unauthenticatedRoleArn?: string;
  readonly roleMappings?: readonly RoleMapping[];
}

const NAME = /^[\w\s+=,.@-]{1,128}$/;
const IDENTITY_POOL_ID = /^[a-z]{2}(?:-[a-z]+)+-\d+:[0-9a-f-]+$/;
const ROLE_ARN = /^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
const IAM_PROVIDER_ARN = /^arn:aws[\w-]*:iam::\d{12}:(oidc|saml)-provider\/.+$/;
const CLIENT_ID = /^[\w+]{1,128}$/;
const LOGIN_PROVIDER_KEYS = {
  google: 'accounts.google.com',
  facebook: 'graph.facebook.com',
  amazon: 'www.amazon.com',
  apple: 'appleid.apple.com',
} as const;

function providerName(userPoolId: string): string | undefined {
  const parsed = parseUserPoolId(userPoolId);
  return parsed.isOk() ? `cognito-idp.${parsed.value.region}.amazonaws.com/${userPoolId}` : undefined;
}

/**
 * Builds the CreateIdentityPool input, checking it locally (an error message, or the input).
 *
 * @example
 * ```ts
 * const request = createIdentityPoolRequest({ name: 'my_app', userPoolClients: [{ userPoolId, clientId }] });
 * ```
 */
export function createIdentityPoolRequest(
  input: CreateIdentityPoolInput,
): CreateIdentityPoolCommandInput | string {
  if (typeof input !== 'object' || input === null) return 'input must be an object';
  if (typeof input.name !== 'string' || !NAME.test(input.name)) {
    return 'name must be 1-128 characters of letters, digits, spaces and +=,.@-_';
  }
  const providers = [];
  for (const client of input.userPoolClients ?? []) {
    const name = providerName(client?.userPoolId);
    if (!name) return 'userPoolClients: userPoolId must look like "us-east-1_AbC123"';
    if (typeof client.clientId !== 'string' || !CLIENT_ID.test(client.clientId)) {
      return 'userPoolClients: clientId must be an app client id';
    }
    providers.push({
      ProviderName: name,
      ClientId: client.clientId,
      ...(client.serverSideTokenCheck !== undefined
        ? { ServerSideTokenCheck: client.serverSideTokenCheck }
        : {}),
    });
  }
  const logins: Record<string, string> = {};
  for (const [provider, id] of Object.entries(input.supportedLoginProviders ?? {})) {
    const key = LOGIN_PROVIDER_KEYS[provider as keyof typeof LOGIN_PROVIDER_KEYS];
    if (!key)
      return `supportedLoginProviders: unknown provider ${provider} (google, facebook, amazon, apple)`;
    if (typeof id !== 'string' || id.length === 0)
      return `supportedLoginProviders.${provider} must be an app id`;
    logins[key] = id;
  }
  const arns = [...(input.openIdConnectProviderArns ?? []), ...(input.samlProviderArns ?? [])];
  if (!arns.every((arn) => IAM_PROVIDER_ARN.test(String(arn)))) {
    return 'OIDC and SAML providers must be IAM provider ARNs (arn:aws:iam::<account>:oidc-provider/… or saml-provider/…)';
  }
  const developer = input.developerProviderName;
  if (developer !== undefined && (typeof developer !== 'string' || !/^[\w.-]{1,128}$/.test(developer))) {
    return 'developerProviderName must be 1-128 characters of letters, digits, "." "_" "-"';
  }
  return {
    IdentityPoolName: input.name,
    AllowUnauthenticatedIdentities: input.allowGuests === true,
    ...(input.allowClassicFlow !== undefined ? { AllowClassicFlow: input.allowClassicFlow } : {}),
    ...(providers.length > 0 ? { CognitoIdentityProviders: providers } : {}),
    ...(Object.keys(logins).length > 0 ? { SupportedLoginProviders: logins } : {}),
    ...(input.openIdConnectProviderArns?.length
      ? { OpenIdConnectProviderARNs: [...input.openIdConnectProviderArns] }
      : {}),
    ...(input.samlProviderArns?.length ? { SamlProviderARNs: [...input.samlProviderArns] } : {}),
    ...(developer !== undefined ? { DeveloperProviderName: developer } : {}),
    ...(input.tags ? { IdentityPoolTags: { ...input.tags } } : {}),
  };
}

/**
 * CreateIdentityPool (on the identity-pool client).
 *
 * @example
 * ```ts
 * const pool = await createIdentityPool(context, { name: 'my_app', userPoolClients: [{ userPoolId, clientId }] });
 * ```
 */
export function createIdentityPool(
  context: AdminContext,
  input: CreateIdentityPoolInput,
): ResultAsync<CreatedIdentityPool, ProvisioningError> {
  const request = createIdentityPoolRequest(input);
  if (typeof request === 'string') return errAsync(makeError('InvalidParameter', request));
  return adminCall(context.transport, 'CreateIdentityPool', request, SERVICE_ERRORS).andThen((answer) =>
    answer.IdentityPoolId
      ? okAsync({ identityPoolId: answer.IdentityPoolId, name: answer.IdentityPoolName ?? input.name })
      : errAsync(makeError('Unexpected', 'Cognito answered CreateIdentityPool without an identity pool id')),
  );
}

function roleMappings(mappings: readonly RoleMapping[]): Record<string, SdkRoleMapping> | string {
  const out: Record<string, SdkRoleMapping> = {};
  for (const mapping of mappings) {
    if (typeof mapping !== 'object' || mapping === null) return 'roleMappings entries must be objects';
    const provider = mapping.provider;
    let key: string | undefined;
    if (typeof provider === 'string') key = provider.length > 0 ? provider : undefined;
    else {
      const name = providerName(provider?.userPoolId);
      key = name && CLIENT_ID.test(String(provider.clientId)) ? `${name}:${provider.clientId}` : undefined;
    }
    if (!key) return 'roleMappings: provider must be { userPoolId, clientId } or a Logins key';
    if (
      mapping.ambiguousRoleResolution !== 'AuthenticatedRole' &&
      mapping.ambiguousRoleResolution !== 'Deny'
    ) {
      return 'roleMappings: ambiguousRoleResolution must be AuthenticatedRole or Deny';
    }
    if (mapping.type === 'Token') {
      out[key] = { Type: 'Token', AmbiguousRoleResolution: mapping.ambiguousRoleResolution };
    } else if (mapping.type === 'Rules') {
      if (!Array.isArray(mapping.rules) || mapping.rules.length === 0 || mapping.rules.length > 25) {
        return 'roleMappings: Rules mappings need 1-25 rules';
      }
      for (const rule of mapping.rules) {
        if (!ROLE_ARN.test(String(rule?.roleArn))) return 'roleMappings: every rule needs an IAM role ARN';
        if (typeof rule.claim !== 'string' || rule.claim.length === 0 || typeof rule.value !== 'string') {
          return 'roleMappings: every rule needs a claim and a value';
        }
        if (!['Equals', 'Contains', 'StartsWith', 'NotEqual'].includes(rule.matchType)) {
          return 'roleMappings: matchType must be Equals, Contains, StartsWith or NotEqual';
        }
      }
      out[key] = {
        Type: 'Rules',
        AmbiguousRoleResolution: mapping.ambiguousRoleResolution,
        RulesConfiguration: {
          Rules: mapping.rules.map((rule) => ({
            Claim: rule.claim,
            MatchType: rule.matchType,
            Value: rule.value,
            RoleARN: rule.roleArn,
          })),
        },
      };
    } else {
      return 'roleMappings: type must be Token or Rules';
    }
  }
  return out;
}

/**
 * SetIdentityPoolRoles (on the identity-pool client).
 *
 * @example
 * ```ts
 * await setIdentityPoolRoles(context, { identityPoolId, authenticatedRoleArn, unauthenticatedRoleArn });
 * ```
 */
export function setIdentityPoolRoles(
  context: AdminContext,
  input: SetIdentityPoolRolesInput,
): ResultAsync<{ readonly identityPoolId: string }, ProvisioningError> {
  const invalid = (message: string) => errAsync(makeError('InvalidParameter', message));
  if (typeof input !== 'object' || input === null) return invalid('input must be an object');
  if (typeof input.identityPoolId !== 'string' || !IDENTITY_POOL_ID.test(input.identityPoolId)) {
    return invalid('identityPoolId must look like "us-east-1:<uuid>"');
  }
  const { authenticatedRoleArn: signedIn, unauthenticatedRoleArn: guest } = input;
  if (signedIn === undefined && guest === undefined) {
    return invalid('give authenticatedRoleArn and/or unauthenticatedRoleArn');
  }
  for (const arn of [signedIn, guest]) {
    if (arn !== undefined && !ROLE_ARN.test(String(arn)))
      return invalid('role ARNs must look like arn:aws:iam::<account>:role/<name>');
  }
  const mappings = input.roleMappings ? roleMappings(input.roleMappings) : undefined;
  if (typeof mappings === 'string') return invalid(mappings);
  return adminCall(
    context.transport,
    'SetIdentityPoolRoles',
    {
      IdentityPoolId: input.identityPoolId,
      Roles: {
        ...(signedIn !== undefined ? { authenticated: signedIn } : {}),
        ...(guest !== undefined ? { unauthenticated: guest } : {}),
      },
      ...(mappings ? { RoleMappings: mappings } : {}),
    },
    SERVICE_ERRORS,
  ).map(() => ({ identityPoolId: input.identityPoolId }));
}
