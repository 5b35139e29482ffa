import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { quickStart } from '../../examples/quick-start.js';
import { clientsFor, s3With, stack, TEMPORARY_PASSWORD, uniqueUsername } from './clients.js';

const run = promisify(execFile);

describe.skipIf(!stack)('the examples run', () => {
  const s = stack as NonNullable<typeof stack>;

  it('quick-start signs an admin-created user in through NEW_PASSWORD_REQUIRED and lists S3 buckets', async () => {
    const { admin, pool } = clientsFor(s);
    const username = uniqueUsername('quick');
    (
      await admin.adminCreateUser({
        username,
        temporaryPassword: TEMPORARY_PASSWORD,
        messageAction: 'SUPPRESS',
      })
    )._unsafeUnwrap();
    const guest = (await pool.getGuestCredentials())._unsafeUnwrap();
    const bucket = `quick-${Date.now().toString(36)}`;
    await s3With(s, guest).send(new CreateBucketCommand({ Bucket: bucket }));

    const outcome = await quickStart({
      userPoolId: s.userPoolId,
      clientId: s.secretClientId,
      clientSecret: s.clientSecret,
      identityPoolId: s.identityPoolId,
      username,
      password: TEMPORARY_PASSWORD,
      newPassword: 'N3w-Passw0rd!q',
      endpoint: s.endpoint,
    });
    expect(outcome.username).toBe(username);
    expect(outcome.identityId).toMatch(/^us-east-1:/);
    expect(outcome.buckets).toContain(bucket);
  });

  it('npm run demo prints the four steps of the story with their request counts and stops moto', async () => {
    const { stdout } = await run('npx', ['tsx', '--conditions=cognito-flow-source', 'examples/demo.ts'], {
      timeout: 90_000,
      env: { ...process.env, COGNITO_USER_POOL_ID: '' },
    });
    expect(stdout).toContain('1. Administrator created the user  [1 request: AdminCreateUser×1]');
    expect(stdout).toContain(
      '2. signIn (USER_PASSWORD_AUTH) answered NEW_PASSWORD_REQUIRED  [1 request: InitiateAuth×1]',
    );
    expect(stdout).toContain(
      '3. completeNewPassword signed the user in  [1 request: RespondToAuthChallenge×1]',
    );
    expect(stdout).toMatch(
      /4\. Identity pool exchanged the ID token for AWS credentials {2}\[2 requests: GetId×1, GetCredentialsForIdentity×1\]/,
    );
    // The user was created with an email in step 1; the ID token shows it (not "email=-").
    expect(stdout).toMatch(/ID token claims: sub=\S+ cognito:username=\S+ email=\S+@example\.com/);
    expect(stdout).toContain('second getCredentials: served from cache (0 requests)');
    expect(stdout).toMatch(/S3 buckets seen with these credentials: cognito-flow-demo-/);
    expect(stdout).toMatch(/Stopped moto_server \(pid \d+\)/);
  }, 120_000);
});
