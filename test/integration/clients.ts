import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import {
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  SetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { S3Client } from '@aws-sdk/client-s3';
import { inject } from 'vitest';
import { LOCAL_CREDENTIALS, type Stack } from '../../examples/support/provision.js';
import { countRequests } from '../../examples/support/request-counter.js';
import { AdminClient } from '../../src/admin/index.js';
import { authContext } from '../../src/auth/context.js';
import { userPoolSdkTransport } from '../../src/auth/user-pool-transport.js';
import { parseAuthConfig } from '../../src/config/auth-config.js';
import { IdentityPool } from '../../src/identity/index.js';
import { AuthClient } from '../../src/index.js';

/** The provisioned stack, or null when moto is absent outside CI (the suite is then skipped). */
export const stack: Stack | null = inject('stack');

/** Real SDK clients against moto, wrapped by cognito-flow, with a request counter. */
export function clientsFor(s: Stack, options: { secret?: boolean; now?: () => number } = {}) {
  const idp = new CognitoIdentityProviderClient({
    region: s.region,
    endpoint: s.endpoint,
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
  });
  const identity = new CognitoIdentityClient({ region: s.region, endpoint: s.endpoint, maxAttempts: 1 });
  const counter = countRequests(idp, identity);
  const authConfig = {
    userPoolId: s.userPoolId,
    clientId: options.secret ? s.secretClientId : s.clientId,
    ...(options.secret ? { clientSecret: s.clientSecret } : {}),
    client: idp,
    ...(options.now ? { now: options.now } : {}),
  };
  const auth = AuthClient.create(authConfig)._unsafeUnwrap();
  /** The same client's internals, for tests of the functions behind AuthClient's methods. */
  const context = authContext(parseAuthConfig(authConfig)._unsafeUnwrap(), userPoolSdkTransport(idp));
  const admin = AdminClient.create({ userPoolId: s.userPoolId, client: idp })._unsafeUnwrap();
  const pool = IdentityPool.create({ identityPoolId: s.identityPoolId, client: identity })._unsafeUnwrap();
  return { idp, identity, counter, auth, admin, pool, context };
}

/** An S3 client on moto with the given credentials. */
export function s3With(
  s: Stack,
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string },
) {
  return new S3Client({
    region: s.region,
    endpoint: s.endpoint,
    forcePathStyle: true,
    credentials,
    maxAttempts: 1,
  });
}

let counter = 0;
/** A user name no other test uses. */
export function uniqueUsername(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

export const TEMPORARY_PASSWORD = 'Temp-Passw0rd!';
export const NEW_PASSWORD = 'N3w-Passw0rd!x';

/**
 * A new administrator-created user (FORCE_CHANGE_PASSWORD with TEMPORARY_PASSWORD, no message sent); with
 * `email`, the attribute `<username>@example.com`.
 */
export async function adminCreatedUser(
  s: Stack,
  prefix: string,
  options: { email?: boolean } = {},
): Promise<string> {
  const username = uniqueUsername(prefix);
  const created = await clientsFor(s).admin.createUser({
    username,
    ...(options.email ? { attributes: { email: `${username}@example.com` } } : {}),
    temporaryPassword: TEMPORARY_PASSWORD,
    messageAction: 'SUPPRESS',
  });
  if (created.isErr()) throw new Error(`createUser: ${created.error.message}`);
  return username;
}

/**
 * An administrator-created user who has set a permanent password (NEW_PASSWORD_REQUIRED answered) and
 * is signed in, with the clients used; the request counter starts from zero.
 */
export async function signedInUser(
  s: Stack,
  prefix: string,
  options: { secret?: boolean; now?: () => number } = {},
) {
  const clients = clientsFor(s, options);
  const username = await adminCreatedUser(s, prefix);
  const first = await clients.auth.signIn({
    username,
    password: TEMPORARY_PASSWORD,
    flow: 'USER_PASSWORD_AUTH',
  });
  if (first.isErr() || first.value.step !== 'NEW_PASSWORD_REQUIRED')
    throw new Error('expected NEW_PASSWORD_REQUIRED');
  const done = await clients.auth.completeNewPassword(first.value, NEW_PASSWORD);
  if (done.isErr() || done.value.step !== 'SIGNED_IN') throw new Error('expected SIGNED_IN');
  clients.counter.take();
  return { ...clients, username, tokens: done.value.tokens };
}

/**
 * A new user pool on moto that requires MFA by authenticator app (TOTP), with one app client allowed
 * USER_PASSWORD_AUTH (moto fakes SRP) and refresh; with `secret`, the client has a secret.
 */
export async function totpRequiredPool(s: Stack, name: string, options: { secret?: boolean } = {}) {
  const { idp } = clientsFor(s);
  const pool = await idp.send(new CreateUserPoolCommand({ PoolName: name, MfaConfiguration: 'ON' }));
  const userPoolId = pool.UserPool?.Id ?? '';
  await idp.send(
    new SetUserPoolMfaConfigCommand({
      UserPoolId: userPoolId,
      MfaConfiguration: 'ON',
      SoftwareTokenMfaConfiguration: { Enabled: true },
    }),
  );
  const client = await idp.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: name,
      GenerateSecret: options.secret ?? false,
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }),
  );
  return {
    userPoolId,
    clientId: client.UserPoolClient?.ClientId ?? '',
    clientSecret: client.UserPoolClient?.ClientSecret ?? '',
  };
}
