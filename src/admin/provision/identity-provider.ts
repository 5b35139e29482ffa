import type {
  CreateIdentityProviderCommandInput,
  IdentityProviderTypeType,
} from '@aws-sdk/client-cognito-identity-provider';
import { err, errAsync, ok, okAsync, type Result, type ResultAsync } from 'neverthrow';
import { makeError } from '../../errors/make-error.js';
import type { InvalidParameterError } from '../../errors/types.js';
import { adminCall } from '../call.js';
import { type AdminContext, userPoolOf } from '../config.js';
import { type ProvisioningError, SERVICE_ERRORS } from '../errors.js';
import { checkAttributeName, type StandardAttributeName } from '../validate-attributes.js';

/**
 * Which provider attribute fills each user-pool attribute (`username` included).
 *
 * @example
 * ```ts
 * const mapping: AttributeMapping = { email: 'email', given_name: 'given_name', username: 'sub' };
 * ```
 */
export type AttributeMapping = Readonly<
  Partial<Record<StandardAttributeName | 'username' | `custom:${string}`, string>>
>;

interface ProviderCommon {
  /** Default: the AdminClient's user pool. */
  readonly userPoolId?: string;
  readonly attributeMapping?: AttributeMapping;
  /** Other names users can type to pick this provider (e.g. their email domain). */
  readonly idpIdentifiers?: readonly string[];
  /** Scopes to ask the provider for (defaults per provider). */
  readonly scopes?: readonly string[];
}

/**
 * Input of {@link AdminClient.createIdentityProvider}, typed per provider (Cognito's `ProviderDetails`
 * are built from it). Social providers are named after their type; OIDC and SAML ones get a `name`.
 *
 * @example
 * ```ts
 * const google: CreateIdentityProviderInput = { type: 'Google', clientId: '…apps.googleusercontent.com', clientSecret };
 * const oidc: CreateIdentityProviderInput = {
 *   type: 'OIDC',
 *   name: 'Corp',
 *   issuer: 'https://login.corp.example',
 *   clientId: 'cognito',
 *   clientSecret,
 *   attributeMapping: { email: 'email', username: 'sub' },
 * };
 * ```
 */
export type CreateIdentityProviderInput = ProviderCommon &
  (
    | { readonly type: 'Google'; readonly clientId: string; readonly clientSecret: string }
    | {
        readonly type: 'Facebook';
        readonly appId: string;
        readonly appSecret: string;
        /** Graph API version, e.g. `v17.0`. */
        readonly apiVersion?: string;
      }
    | { readonly type: 'LoginWithAmazon'; readonly clientId: string; readonly clientSecret: string }
    | {
        readonly type: 'SignInWithApple';
        /** The Services ID. */
        readonly servicesId: string;
        readonly teamId: string;
        readonly keyId: string;
        /** The private key (PEM) for the key id. */
        readonly privateKey: string;
      }
    | {
        readonly type: 'OIDC';
        readonly name: string;
        /** The issuer URL; Cognito discovers the endpoints from it unless `endpoints` are given. */
        readonly issuer: string;
        readonly clientId: string;
        readonly clientSecret?: string;
        readonly attributesRequestMethod?: 'GET' | 'POST';
        readonly endpoints?: {
          readonly authorize: string;
          readonly token: string;
          readonly userInfo: string;
          readonly jwks: string;
        };
      }
    | ({
        readonly type: 'SAML';
        readonly name: string;
        /** Sign users out of the IdP too. */
        readonly signOut?: boolean;
        /** Accept IdP-initiated sign-in. */
        readonly idpInitiated?: boolean;
        readonly encryptedResponses?: boolean;
        readonly requestSigningAlgorithm?: 'rsa-sha256';
      } & ({ readonly metadataUrl: string } | { readonly metadataFile: string }))
  );

/**
 * What {@link AdminClient.createIdentityProvider} created: the name to list in an app client's
 * `oauth.identityProviders`.
 *
 * @example
 * ```ts
 * await admin.createUserPoolClient({ name: 'web', oauth: { ..., identityProviders: ['COGNITO', created.providerName] } });
 * ```
 */
export interface CreatedIdentityProvider {
  readonly userPoolId: string;
  readonly providerName: string;
  readonly providerType: IdentityProviderTypeType;
}

const DEFAULT_SCOPES: Record<IdentityProviderTypeType, readonly string[]> = {
  Google: ['openid', 'email', 'profile'],
  Facebook: ['public_profile', 'email'],
  LoginWithAmazon: ['profile'],
  SignInWithApple: ['email', 'name'],
  OIDC: ['openid'],
  SAML: [],
};
const NAME = /^[^_\p{Z}][\p{L}\p{M}\p{S}\p{N}\p{P}][^_\p{Z}]+$/u;

type Details = Record<string, string>;
const invalid = (message: string): Result<never, InvalidParameterError> =>
  err(makeError('InvalidParameter', message));

function required(values: Record<string, unknown>): InvalidParameterError | undefined {
  for (const [name, value] of Object.entries(values)) {
    if (typeof value !== 'string' || value.length === 0) {
      return makeError('InvalidParameter', `${name} must be a non-empty string`);
    }
  }
  return undefined;
}

function httpsUrl(value: unknown): boolean {
  try {
    return typeof value === 'string' && new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

function details(
  input: CreateIdentityProviderInput,
): Result<{ name: string; details: Details; secrets: string[] }, InvalidParameterError> {
  const scopes = [...(input.scopes ?? DEFAULT_SCOPES[input.type] ?? [])];
  switch (input.type) {
    case 'Google':
    case 'LoginWithAmazon': {
      const missing = required({ clientId: input.clientId, clientSecret: input.clientSecret });
      if (missing) return err(missing);
      return ok({
        name: input.type,
        details: {
          client_id: input.clientId,
          client_secret: input.clientSecret,
          authorize_scopes: scopes.join(' '),
        },
        secrets: [input.clientSecret],
      });
    }
    case 'Facebook': {
      const missing = required({ appId: input.appId, appSecret: input.appSecret });
      if (missing) return err(missing);
      return ok({
        name: 'Facebook',
        details: {
          client_id: input.appId,
          client_secret: input.appSecret,
          authorize_scopes: scopes.join(','),
          ...(input.apiVersion ? { api_version: input.apiVersion } : {}),
        },
        secrets: [input.appSecret],
      });
    }
    case 'SignInWithApple': {
      const missing = required({
        servicesId: input.servicesId,
        teamId: input.teamId,
        keyId: input.keyId,
        privateKey: input.privateKey,
      });
      if (missing) return err(missing);
      return ok({
        name: 'SignInWithApple',
        details: {
          client_id: input.servicesId,
          team_id: input.teamId,
          key_id: input.keyId,
          private_key: input.privateKey,
          authorize_scopes: scopes.join(' '),
        },
        secrets: [input.privateKey],
      });
    }
    case 'OIDC': {
      const missing = required({ name: input.name, clientId: input.clientId });
      if (missing) return err(missing);
      if (!httpsUrl(input.issuer)) return invalid('issuer must be an https URL');
      const endpoints = input.endpoints;
      if (
        endpoints &&
        ![endpoints.authorize, endpoints.token, endpoints.userInfo, endpoints.jwks].every(httpsUrl)
      ) {
        return invalid('endpoints must all be https URLs');
      }
      if (!scopes.includes('openid')) return invalid('OIDC scopes must include openid');
      return ok({
        name: input.name,
        details: {
          client_id: input.clientId,
          ...(input.clientSecret ? { client_secret: input.clientSecret } : {}),
          attributes_request_method: input.attributesRequestMethod ?? 'GET',
          oidc_issuer: input.issuer,
          authorize_scopes: scopes.join(' '),
          ...(endpoints
            ? {
                authorize_url: endpoints.authorize,
                token_url: endpoints.token,
                attributes_url: endpoints.userInfo,
                jwks_uri: endpoints.jwks,
              }
            : {}),
        },
        secrets: input.clientSecret ? [input.clientSecret] : [],
      });
    }
    case 'SAML': {
      const missing = required({ name: input.name });
      if (missing) return err(missing);
      const metadata =
        'metadataUrl' in input && input.metadataUrl !== undefined
          ? httpsUrl(input.metadataUrl)
            ? ok({ MetadataURL: input.metadataUrl })
            : invalid('metadataUrl must be an https URL')
          : 'metadataFile' in input && typeof input.metadataFile === 'string' && input.metadataFile.length > 0
            ? ok({ MetadataFile: input.metadataFile })
            : invalid('SAML providers need metadataUrl or metadataFile');
      return metadata.map((source) => ({
        name: input.name,
        details: {
          ...source,
          ...(input.signOut !== undefined ? { IDPSignout: String(input.signOut) } : {}),
          ...(input.idpInitiated !== undefined ? { IDPInit: String(input.idpInitiated) } : {}),
          ...(input.encryptedResponses !== undefined
            ? { EncryptedResponses: String(input.encryptedResponses) }
            : {}),
          ...(input.requestSigningAlgorithm
            ? { RequestSigningAlgorithm: input.requestSigningAlgorithm }
            : {}),
        },
        secrets: [],
      }));
    }
    default:
      return invalid(
        `type must be Google, Facebook, LoginWithAmazon, SignInWithApple, OIDC or SAML, got ${JSON.stringify(String((input as { type?: unknown }).type))}`,
      );
  }
}

function mapping(
  map: AttributeMapping | undefined,
): Result<Record<string, string> | undefined, InvalidParameterError> {
  if (map === undefined) return ok(undefined);
  if (typeof map !== 'object' || map === null) return invalid('attributeMapping must be an object');
  const out: Record<string, string> = {};
  for (const [name, source] of Object.entries(map)) {
    if (source === undefined) continue;
    if (name !== 'username') {
      const checked = checkAttributeName(name);
      if (checked.isErr()) return invalid(`attributeMapping: ${checked.error.message}`);
    }
    if (typeof source !== 'string' || source.length === 0) {
      return invalid(`attributeMapping.${name} must name a provider attribute`);
    }
    out[name] = source;
  }
  return ok(out);
}

/**
 * Builds the CreateIdentityProvider input (and the secrets to redact), checking it locally.
 *
 * @example
 * ```ts
 * const request = createIdentityProviderRequest('eu-west-1_AbC123', { type: 'Google', clientId, clientSecret });
 * ```
 */
export function createIdentityProviderRequest(
  userPoolId: string,
  input: CreateIdentityProviderInput,
): Result<{ request: CreateIdentityProviderCommandInput; secrets: string[] }, InvalidParameterError> {
  if (
    input.scopes !== undefined &&
    (!Array.isArray(input.scopes) || !input.scopes.every((s) => typeof s === 'string'))
  ) {
    return invalid('scopes must be a list of strings');
  }
  return details(input).andThen(({ name, details: providerDetails, secrets }) => {
    if (name.length > 32 || !NAME.test(name)) {
      return invalid('name must be 3-32 characters, without spaces or underscores');
    }
    return mapping(input.attributeMapping).map((attributeMapping) => ({
      request: {
        UserPoolId: userPoolId,
        ProviderName: name,
        ProviderType: input.type,
        ProviderDetails: providerDetails,
        ...(attributeMapping ? { AttributeMapping: attributeMapping } : {}),
        ...(input.idpIdentifiers ? { IdpIdentifiers: [...input.idpIdentifiers] } : {}),
      },
      secrets,
    }));
  });
}

/**
 * CreateIdentityProvider. A provider name already taken is `InvalidParameter`.
 *
 * @example
 * ```ts
 * await createIdentityProvider(context, { type: 'OIDC', name: 'Corp', issuer, clientId, clientSecret });
 * ```
 */
export function createIdentityProvider(
  context: AdminContext,
  input: CreateIdentityProviderInput,
): ResultAsync<CreatedIdentityProvider, ProvisioningError> {
  if (typeof input !== 'object' || input === null) {
    return errAsync(makeError('InvalidParameter', 'input must be an object'));
  }
  const built = userPoolOf(context, input.userPoolId).andThen((pool) =>
    createIdentityProviderRequest(pool, input),
  );
  if (built.isErr()) return errAsync(built.error);
  const { request, secrets } = built.value;
  return adminCall(context.transport, 'CreateIdentityProvider', request, SERVICE_ERRORS, secrets).andThen(
    (answer) => {
      const provider = answer.IdentityProvider;
      return okAsync({
        userPoolId: request.UserPoolId as string,
        providerName: provider?.ProviderName ?? (request.ProviderName as string),
        providerType: (provider?.ProviderType ?? input.type) as IdentityProviderTypeType,
      });
    },
  );
}
