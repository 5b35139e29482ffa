/**
 * The story users tell with boto3, in TypeScript, end to end:
 *   1. an administrator creates a user with attributes and a temporary password;
 *   2. the user signs in with USER_PASSWORD_AUTH and Cognito answers NEW_PASSWORD_REQUIRED;
 *   3. the app completes the new password and gets tokens;
 *   4. the app exchanges the ID token for AWS credentials and calls S3 with them.
 *
 * Without configuration it starts moto on loopback and provisions everything there through
 * `cognito-flow/admin` (examples/support/provision.ts).
 * With COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID, COGNITO_IDENTITY_POOL_ID (and optionally
 * COGNITO_CLIENT_SECRET; admin calls use your AWS credentials) it runs against real AWS.
 *
 *   npm run demo
 */
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { CreateBucketCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { AuthClient, decodeIdToken } from 'cognito-flow';
import { AdminClient } from 'cognito-flow/admin';
import { IdentityPool } from 'cognito-flow/identity';
import { type MotoServer, startMoto } from './support/moto-server.js';
import { LOCAL_CREDENTIALS, provisionStack } from './support/provision.js';
import { countRequests } from './support/request-counter.js';

interface Target {
  readonly region: string;
  readonly endpoint?: string;
  readonly userPoolId: string;
  readonly clientId: string;
  readonly clientSecret?: string;
  readonly identityPoolId: string;
  readonly local: boolean;
}

function fromEnvironment(): Target | undefined {
  const { COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID, COGNITO_CLIENT_SECRET, COGNITO_IDENTITY_POOL_ID } =
    process.env;
  if (!COGNITO_USER_POOL_ID) return undefined;
  if (!COGNITO_CLIENT_ID || !COGNITO_IDENTITY_POOL_ID) {
    throw new Error('Set COGNITO_CLIENT_ID and COGNITO_IDENTITY_POOL_ID along with COGNITO_USER_POOL_ID');
  }
  return {
    region: COGNITO_USER_POOL_ID.split('_')[0] ?? 'us-east-1',
    userPoolId: COGNITO_USER_POOL_ID,
    clientId: COGNITO_CLIENT_ID,
    ...(COGNITO_CLIENT_SECRET ? { clientSecret: COGNITO_CLIENT_SECRET } : {}),
    identityPoolId: COGNITO_IDENTITY_POOL_ID,
    local: false,
  };
}

function show(
  title: string,
  requests: { total: number; byOperation: Record<string, number> },
  lines: string[],
) {
  const ops = Object.entries(requests.byOperation)
    .map(([op, n]) => `${op}×${n}`)
    .join(', ');
  console.log(
    `\n${title}  [${requests.total} request${requests.total === 1 ? '' : 's'}${ops ? `: ${ops}` : ''}]`,
  );
  for (const line of lines) console.log(`   ${line}`);
}

async function runStory(target: Target): Promise<void> {
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
  show('1. Administrator created the user', counter.take(), [
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
    show('2. signIn (USER_PASSWORD_AUTH) answered NEW_PASSWORD_REQUIRED', counter.take(), [
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
    show('3. completeNewPassword signed the user in', counter.take(), [
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
    const s3 = new S3Client({
      region: target.region,
      ...endpoint,
      forcePathStyle: true,
      credentials: credentials.value,
    });
    const bucket = `cognito-flow-demo-${Date.now().toString(36)}`;
    if (target.local) await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const buckets = await s3.send(new ListBucketsCommand({}));
    show('4. Identity pool exchanged the ID token for AWS credentials', first4, [
      `identity id: ${credentials.value.identityId}`,
      `access key: ${credentials.value.accessKeyId.slice(0, 4)}…  expires: ${credentials.value.expiration.toISOString()}`,
      `second getCredentials: ${again.isOk() ? 'served from cache' : 'failed'} (${cachedRequests} requests)`,
      `S3 buckets seen with these credentials: ${(buckets.Buckets ?? []).map((b) => b.Name).join(', ') || '(none)'}`,
    ]);
  } finally {
    if (!target.local) {
      const deleted = await admin.deleteUser(username);
      if (deleted.isErr())
        console.error(`deleteUser failed: ${deleted.error.type}: ${deleted.error.message}`);
    }
  }
}

async function main(): Promise<void> {
  // The SDK warns once per process that its 2027 releases need Node 22; the demo's output stays on the story.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const fromEnv = fromEnvironment();
  if (fromEnv) {
    console.log(`Running the story against AWS (${fromEnv.region}).`);
    await runStory(fromEnv);
    return;
  }
  let moto: MotoServer | undefined;
  try {
    moto = await startMoto();
    console.log(
      `Started moto_server on ${moto.url} (pid ${moto.pid}); provisioning a user pool, two app clients and an identity pool…`,
    );
    const stack = await provisionStack(moto.url);
    console.log(
      `   user pool ${stack.userPoolId}, app client ${stack.clientId}, identity pool ${stack.identityPoolId}`,
    );
    await runStory({ ...stack, local: true });
  } finally {
    await moto?.stop();
    if (moto) console.log(`\nStopped moto_server (pid ${moto.pid}).`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
