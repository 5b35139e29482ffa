import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { AuthClient, decodeIdToken } from 'cognito-flow';
import { AdminClient } from 'cognito-flow/admin';
import { IdentityPool } from 'cognito-flow/identity';
import { listBucketsWith } from './list-buckets.js';
import { LOCAL_CREDENTIALS } from './provision.js';
import { countRequests } from './request-counter.js';
import type { DemoTarget } from './target.js';

/** Where the demo writes its lines. */
export type Print = (line: string) => void;

function show(
  print: Print,
  title: string,
  requests: { total: number; byOperation: Record<string, number> },
  lines: string[],
) {
  const ops = Object.entries(requests.byOperation)
    .map(([op, n]) => `${op}×${n}`)
    .join(', ');
  print(`\n${title}  [${requests.total} request${requests.total === 1 ? '' : 's'}${ops ? `: ${ops}` : ''}]`);
  for (const line of lines) print(`   ${line}`);
}

/**
 * The story users tell with boto3, end to end, printing each step with the requests it made:
 *   1. an administrator creates a user with attributes and a temporary password;
 *   2. the user signs in with USER_PASSWORD_AUTH and Cognito answers NEW_PASSWORD_REQUIRED;
 *   3. the app completes the new password and gets tokens;
 *   4. the app exchanges the ID token for AWS credentials and calls S3 with them.
 * Against real AWS the user is deleted afterwards.
 */
export async function runStory(target: DemoTarget, print: Print): Promise<void> {
  const endpoint = target.endpoint ? { endpoint: target.endpoint } : {};
  const adminCredentials = target.local ? { credentials: LOCAL_CREDENTIALS } : {};
  const idp = new CognitoIdentityProviderClient({ region: target.region, ...endpoint, ...adminCredentials });
  const identityClient = new CognitoIdentityClient({ region: target.region, ...endpoint });
  const counter = countRequests(idp, identityClient);

  const admin = AdminClient.create({ userPoolId: target.userPoolId, client: idp })._unsafeUnwrap();
  const auth = AuthClient.create({
    userPoolId: target.userPoolId,
    clientId: target.clientId,
    ...(target.clientSecret ? { clientSecret: target.clientSecret } : {}),
    client: idp,
  })._unsafeUnwrap();
  const pool = IdentityPool.create({
    identityPoolId: target.identityPoolId,
    client: identityClient,
  })._unsafeUnwrap();

  const username = `alice-${Date.now().toString(36)}`;
  const temporaryPassword = 'Temp-Passw0rd!';
  const newPassword = 'N3w-Passw0rd!-demo';

  // 1. The administrator creates the user.
  const created = await admin.createUser({
    username,
    attributes: {
      email: `${username}@example.com`,
      gender: 'female',
      birthdate: new Date('1990-04-01'),
      nickname: 'ally',
    },
    temporaryPassword,
    desiredDeliveryMediums: ['EMAIL'],
  });
  if (created.isErr()) throw new Error(`createUser failed: ${created.error.type}: ${created.error.message}`);
  show(print, '1. Administrator created the user', counter.take(), [
    `username: ${created.value.username}  status: ${created.value.status}`,
    `attributes: ${JSON.stringify(created.value.attributes)}`,
  ]);

  try {
    // 2. The user signs in with the temporary password.
    const first = await auth.signIn({ username, password: temporaryPassword, flow: 'USER_PASSWORD_AUTH' });
    if (first.isErr()) throw new Error(`signIn failed: ${first.error.type}: ${first.error.message}`);
    const step = first.value;
    if (step.step !== 'NEW_PASSWORD_REQUIRED')
      throw new Error(`expected NEW_PASSWORD_REQUIRED, got ${step.step}`);
    show(print, '2. signIn (USER_PASSWORD_AUTH) answered NEW_PASSWORD_REQUIRED', counter.take(), [
      `requiredAttributes: ${JSON.stringify(step.requiredAttributes)}`,
      `session expires at: ${new Date(step.expiresAt).toISOString()}`,
    ]);

    // 3. The app completes the new password (giving any required attribute) and gets tokens.
    const attributes = Object.fromEntries(
      step.requiredAttributes.map((name) => [name, step.userAttributes[name] ?? 'demo']),
    );
    const done = await auth.completeNewPassword(step, newPassword, { attributes });
    if (done.isErr())
      throw new Error(`completeNewPassword failed: ${done.error.type}: ${done.error.message}`);
    if (done.value.step !== 'SIGNED_IN') throw new Error(`expected SIGNED_IN, got ${done.value.step}`);
    const tokens = done.value.tokens;
    const claims = decodeIdToken(tokens.idToken)._unsafeUnwrap();
    show(print, '3. completeNewPassword signed the user in', counter.take(), [
      `ID token claims: sub=${claims.sub} cognito:username=${claims['cognito:username']} email=${claims.email ?? '-'}`,
      `token type: ${tokens.tokenType}  expires at: ${new Date(tokens.expiresAt).toISOString()}  refresh token: ${tokens.refreshToken ? 'yes' : 'no'}`,
    ]);

    // 4. The ID token becomes temporary AWS credentials, used by an ordinary S3 client.
    const credentials = await pool.getCredentials({ idToken: tokens.idToken });
    if (credentials.isErr())
      throw new Error(`getCredentials failed: ${credentials.error.type}: ${credentials.error.message}`);
    const first4 = counter.take();
    const again = await pool.getCredentials({ idToken: tokens.idToken });
    const cachedRequests = counter.take().total;
    const buckets = await listBucketsWith(target, credentials.value);
    show(print, '4. Identity pool exchanged the ID token for AWS credentials', first4, [
      `identity id: ${credentials.value.identityId}`,
      `access key: ${credentials.value.accessKeyId.slice(0, 4)}…  expires: ${credentials.value.expiration.toISOString()}`,
      `second getCredentials: ${again.isOk() ? 'served from cache' : 'failed'} (${cachedRequests} requests)`,
      buckets.available
        ? `S3 buckets seen with these credentials: ${buckets.names.join(', ') || '(none)'}`
        : `S3 step skipped: ${buckets.reason}`,
    ]);
  } finally {
    if (!target.local) {
      const deleted = await admin.deleteUser(username);
      if (deleted.isErr()) print(`deleteUser failed: ${deleted.error.type}: ${deleted.error.message}`);
    }
  }
}
