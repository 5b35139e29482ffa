import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { S3Client } from '@aws-sdk/client-s3';
import { inject } from 'vitest';
import { LOCAL_CREDENTIALS, type Stack } from '../../examples/support/provision.js';
import { countRequests } from '../../examples/support/request-counter.js';
import { AdminClient } from '../../src/admin/index.js';
import { IdentityPool } from '../../src/identity/index.js';
import { AuthClient } from '../../src/index.js';

/** The provisioned stack, or null when moto is absent outside CI (the suite is then skipped). */
export const stack: Stack | null = inject('stack');

/** Real SDK clients against moto, wrapped by cognito-flow, with a request counter. */
export function clientsFor(s: Stack, options: { secret?: boolean } = {}) {
  const idp = new CognitoIdentityProviderClient({
    region: s.region,
    endpoint: s.endpoint,
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
  });
  const identity = new CognitoIdentityClient({ region: s.region, endpoint: s.endpoint, maxAttempts: 1 });
  const counter = countRequests(idp, identity);
  const auth = AuthClient.create({
    userPoolId: s.userPoolId,
    clientId: options.secret ? s.secretClientId : s.clientId,
    ...(options.secret ? { clientSecret: s.clientSecret } : {}),
    client: idp,
  })._unsafeUnwrap();
  const admin = AdminClient.create({ userPoolId: s.userPoolId, client: idp })._unsafeUnwrap();
  const pool = IdentityPool.create({ identityPoolId: s.identityPoolId, client: identity })._unsafeUnwrap();
  return { idp, identity, counter, auth, admin, pool };
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
