import { CognitoIdentityClient, CreateIdentityPoolCommand } from '@aws-sdk/client-cognito-identity';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';

/** What {@link provisionStack} created. */
export interface Stack {
  readonly region: string;
  readonly endpoint: string;
  readonly userPoolId: string;
  /** An app client without a secret. */
  readonly clientId: string;
  /** An app client with a secret. */
  readonly secretClientId: string;
  readonly clientSecret: string;
  readonly identityPoolId: string;
}

/** Fake credentials for signed admin calls against a local server. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' } as const;

/**
 * Provisions, against a local moto server, what the story needs: a user pool with the attributes
 * it uses, an app client without and one with a secret, and an identity pool trusting both.
 *
 * @example
 * ```ts
 * const stack = await provisionStack(moto.url);
 * ```
 */
export async function provisionStack(endpoint: string, region = 'us-east-1'): Promise<Stack> {
  const idp = new CognitoIdentityProviderClient({
    region,
    endpoint,
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
  });
  const identity = new CognitoIdentityClient({
    region,
    endpoint,
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
  });
  const pool = await idp.send(
    new CreateUserPoolCommand({
      PoolName: 'cognito-flow-story',
      Policies: {
        PasswordPolicy: {
          MinimumLength: 8,
          RequireUppercase: true,
          RequireLowercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
      AutoVerifiedAttributes: ['email'],
      Schema: [
        { Name: 'email', AttributeDataType: 'String', Mutable: true, Required: true },
        { Name: 'nickname', AttributeDataType: 'String', Mutable: true },
      ],
    }),
  );
  const userPoolId = pool.UserPool?.Id;
  if (!userPoolId) throw new Error('CreateUserPool returned no id');
  const flows = ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] as const;
  const plain = await idp.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: 'story-web',
      ExplicitAuthFlows: [...flows],
    }),
  );
  const secret = await idp.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: 'story-service',
      GenerateSecret: true,
      ExplicitAuthFlows: [...flows],
    }),
  );
  const clientId = plain.UserPoolClient?.ClientId;
  const secretClientId = secret.UserPoolClient?.ClientId;
  const clientSecret = secret.UserPoolClient?.ClientSecret;
  if (!clientId || !secretClientId || !clientSecret) throw new Error('CreateUserPoolClient returned no ids');
  const providerName = `cognito-idp.${region}.amazonaws.com/${userPoolId}`;
  const identityPool = await identity.send(
    new CreateIdentityPoolCommand({
      IdentityPoolName: 'cognito_flow_story',
      AllowUnauthenticatedIdentities: true,
      CognitoIdentityProviders: [
        { ProviderName: providerName, ClientId: clientId },
        { ProviderName: providerName, ClientId: secretClientId },
      ],
    }),
  );
  const identityPoolId = identityPool.IdentityPoolId;
  if (!identityPoolId) throw new Error('CreateIdentityPool returned no id');
  // moto 5.2.1 has no SetIdentityPoolRoles (it answers HTTP 500) and needs no roles: GetCredentialsForIdentity
  // works without them. Against AWS, attach roles to the identity pool when you create it.
  return { region, endpoint, userPoolId, clientId, secretClientId, clientSecret, identityPoolId };
}
