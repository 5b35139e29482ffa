/**
 * A signed-in user lists and uploads files in S3 with their own temporary AWS credentials: the identity
 * pool's provider (`pool.provider(session)` from `cognito-flow/identity`) plugged into an ordinary
 * `S3Client`, refreshing the ID token and the credentials as they age.
 *
 * Without configuration it starts moto on loopback, provisions a pool there (examples/support/) and creates
 * the bucket. Against AWS: COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID, COGNITO_IDENTITY_POOL_ID, S3_BUCKET (a
 * bucket the pool's authenticated role may use under `private/${cognito-identity.amazonaws.com:sub}/`), and
 * AWS credentials allowed to create and delete a user in the pool.
 *
 *   npx tsx --conditions=cognito-flow-source examples/s3-with-user-credentials/main.ts
 */
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { AuthClient, decodeIdToken, type SignInFlowError, type SignInStep } from 'cognito-flow';
import { IdentityPool } from 'cognito-flow/identity';
import type { Result } from 'neverthrow';
import { createWalkthroughUser, runMain, withExampleTarget } from '../support/example-target.js';
import { userFiles } from './user-files.js';

const NEW_PASSWORD = 'N3w-Passw0rd!-files';

async function main(): Promise<void> {
  await withExampleTarget({ secretClient: false }, async (target) => {
    const endpoint = target.endpoint ? { endpoint: target.endpoint } : {};
    const bucket = target.local ? `user-files-${Date.now().toString(36)}` : process.env.S3_BUCKET;
    if (!bucket) throw new Error('Set S3_BUCKET to a bucket the identity pool’s authenticated role may use');

    const auth = AuthClient.create({
      userPoolId: target.userPoolId,
      clientId: target.clientId,
      region: target.region,
      ...endpoint,
    });
    if (auth.isErr()) throw new Error(auth.error.message);
    if (!target.identityPoolId) throw new Error('Set COGNITO_IDENTITY_POOL_ID');
    const pool = IdentityPool.create({ identityPoolId: target.identityPoolId, ...endpoint });
    if (pool.isErr()) throw new Error(pool.error.message);

    const { user, remove } = await createWalkthroughUser(target, 'files-user');
    try {
      // 1. Sign in (the first time, the temporary password must be replaced).
      let step: Result<SignInStep, SignInFlowError> = await auth.value.signIn({
        username: user.username,
        password: user.temporaryPassword,
      });
      if (step.isOk() && step.value.step === 'NEW_PASSWORD_REQUIRED') {
        step = await auth.value.completeNewPassword(step.value, NEW_PASSWORD);
      }
      if (step.isErr()) throw new Error(`sign-in failed: ${step.error.type}: ${step.error.message}`);
      if (step.value.step !== 'SIGNED_IN') throw new Error(`Cognito wants ${step.value.step} first`);
      const session = auth.value.session(step.value.tokens);
      const decoded = decodeIdToken(step.value.tokens.idToken);
      if (decoded.isErr()) throw new Error(`unreadable ID token: ${decoded.error.message}`);
      const claims = decoded.value;
      console.log(`\n1. ${claims['cognito:username']} signed in (NEW_PASSWORD_REQUIRED answered).`);

      // 2. An S3 client whose credentials come from the identity pool, for this session.
      const credentials = pool.value.provider(session);
      const s3 = new S3Client({ region: target.region, ...endpoint, forcePathStyle: true, credentials });
      const { identityId, expiration } = await credentials();
      console.log(`2. Identity ${identityId}: temporary AWS credentials until ${expiration.toISOString()}.`);
      if (target.local) await s3.send(new CreateBucketCommand({ Bucket: bucket }));

      // 3. Upload into the user's own folder, then list it.
      const files = userFiles(s3, bucket, identityId);
      for (const [name, body] of [
        ['notes.txt', `Notes of ${claims['cognito:username']}\n`],
        ['settings.json', JSON.stringify({ theme: 'dark' })],
      ] as const) {
        const uploaded = await files.upload(
          name,
          body,
          name.endsWith('.json') ? 'application/json' : 'text/plain',
        );
        if (uploaded.isErr())
          throw new Error(`upload failed: ${uploaded.error.reason}: ${uploaded.error.message}`);
        console.log(`3. Uploaded s3://${bucket}/${files.folder}${name} (${Buffer.byteLength(body)} bytes).`);
      }
      const listed = await files.list();
      if (listed.isErr()) throw new Error(`list failed: ${listed.error.reason}: ${listed.error.message}`);
      console.log(`4. s3://${bucket}/${files.folder} holds ${listed.value.length} files:`);
      for (const file of listed.value) console.log(`   ${file.name}  ${file.size} bytes`);

      // 5. Sign out everywhere: the refresh tokens stop working, so no new credentials come from this session.
      const out = await session.signOut({ global: true });
      console.log(`5. Signed out${out.isErr() ? ` (remotely failed: ${out.error.type})` : ''}.`);
    } finally {
      await remove();
    }
  });
}

runMain(main);
