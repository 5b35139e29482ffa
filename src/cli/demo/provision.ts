import { AdminClient } from 'cognito-flow/admin';
import type { Result } from 'neverthrow';

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

/** The value of a provisioning step, or a thrown error naming the step (the example stops there). */
function must<T>(result: Result<T, { readonly type: string; readonly message: string }>, what: string): T {
  if (result.isErr()) throw new Error(`${what} failed: ${result.error.type}: ${result.error.message}`);
  return result.value;
}

/**
 * Provisions, against a local moto server and through `cognito-flow/admin`, what the story needs: a
 * user pool with the attributes it uses, an app client without and one with a secret, and an identity
 * pool trusting both.
 *
 * @example
 * ```ts
 * const stack = await provisionStack(moto.url);
 * ```
 */
export async function provisionStack(endpoint: string, region = 'us-east-1'): Promise<Stack> {
  const admin = must(
    AdminClient.create({ region, endpoint, credentials: LOCAL_CREDENTIALS }),
    'AdminClient.create',
  );
  const pool = must(
    await admin.createUserPool({
      name: 'cognito-flow-story',
      passwordPolicy: {
        minimumLength: 8,
        requireUppercase: true,
        requireLowercase: true,
        requireNumbers: true,
        requireSymbols: true,
      },
      autoVerifiedAttributes: ['email'],
      standardAttributes: { email: { required: true, mutable: true }, nickname: { mutable: true } },
    }),
    'createUserPool',
  );
  const authFlows = ['USER_PASSWORD_AUTH', 'USER_SRP_AUTH', 'REFRESH_TOKEN_AUTH'] as const;
  // The attributes the story shows from the ID token (moto puts only a client's read attributes in it).
  const readAttributes = ['email', 'email_verified', 'nickname'];
  const plain = must(
    await admin.createUserPoolClient({
      userPoolId: pool.userPoolId,
      name: 'story-web',
      authFlows,
      readAttributes,
    }),
    'createUserPoolClient (web)',
  );
  const secret = must(
    await admin.createUserPoolClient({
      userPoolId: pool.userPoolId,
      name: 'story-service',
      generateSecret: true,
      authFlows,
      readAttributes,
    }),
    'createUserPoolClient (service)',
  );
  if (!secret.clientSecret) throw new Error('createUserPoolClient returned no secret');
  const identityPool = must(
    await admin.createIdentityPool({
      name: 'cognito_flow_story',
      allowGuests: true,
      userPoolClients: [
        { userPoolId: pool.userPoolId, clientId: plain.clientId },
        { userPoolId: pool.userPoolId, clientId: secret.clientId },
      ],
    }),
    'createIdentityPool',
  );
  // moto 5.2.1 has no SetIdentityPoolRoles (it answers HTTP 500) and needs no roles: GetCredentialsForIdentity
  // works without them. Against AWS, call admin.setIdentityPoolRoles({ identityPoolId, authenticatedRoleArn, … }).
  return {
    region,
    endpoint,
    userPoolId: pool.userPoolId,
    clientId: plain.clientId,
    secretClientId: secret.clientId,
    clientSecret: secret.clientSecret,
    identityPoolId: identityPool.identityPoolId,
  };
}
