import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { userFiles } from '../../examples/s3-with-user-credentials/user-files.js';
import type { CognitoCredentialProvider } from '../../src/identity/index.js';
import { signedInUser, stack } from './clients.js';

const run = promisify(execFile);

describe.skipIf(!stack)('examples/s3-with-user-credentials against moto', () => {
  const s = stack as NonNullable<typeof stack>;
  const bucket = `user-files-test-${Date.now().toString(36)}`;

  const s3With = (credentials: CognitoCredentialProvider) =>
    new S3Client({
      region: s.region,
      endpoint: s.endpoint,
      forcePathStyle: true,
      maxAttempts: 1,
      credentials,
    });

  /** A signed-in user with an S3 client on `pool.provider(session)`, their identity id and their folder. */
  async function userWithFiles(prefix: string) {
    const user = await signedInUser(s, prefix);
    const session = user.auth.session(user.tokens);
    const provider = user.pool.provider(session);
    const s3 = s3With(provider);
    const { identityId } = await provider();
    return { ...user, session, provider, s3, identityId, files: userFiles(s3, bucket, identityId) };
  }

  beforeAll(async () => {
    const { s3 } = await userWithFiles('s3-bucket-owner');
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  });

  it('an upload through pool.provider(session) then a list shows the object, with no further identity-pool request', async () => {
    const { files, identityId, counter } = await userWithFiles('s3-upload');
    expect(files.folder).toBe(`private/${identityId}/`);
    counter.take(); // the provider's first credentials (GetId + GetCredentialsForIdentity) were fetched above

    (await files.upload('hello.txt', 'hello', 'text/plain'))._unsafeUnwrap();
    (await files.upload('data.bin', new Uint8Array([1, 2, 3])))._unsafeUnwrap();
    const listed = (await files.list())._unsafeUnwrap();
    expect(listed.map(({ name, size }) => ({ name, size }))).toEqual([
      { name: 'data.bin', size: 3 },
      { name: 'hello.txt', size: 5 },
    ]);
    expect(listed[0]?.lastModified).toBeInstanceOf(Date);
    // Three S3 calls on cached credentials: no further identity-pool request.
    expect(counter.take().total).toBe(0);
  });

  it("each user sees only their own folder (their identity id's prefix)", async () => {
    const alice = await userWithFiles('s3-alice');
    const bob = await userWithFiles('s3-bob');
    expect(alice.identityId).not.toBe(bob.identityId);
    (await alice.files.upload('alice.txt', 'from alice'))._unsafeUnwrap();
    (await bob.files.upload('bob.txt', 'from bob'))._unsafeUnwrap();
    expect((await alice.files.list())._unsafeUnwrap().map((f) => f.name)).toEqual(['alice.txt']);
    expect((await bob.files.list())._unsafeUnwrap().map((f) => f.name)).toEqual(['bob.txt']);
  });

  it('list follows continuation tokens across pages', async () => {
    const { files } = await userWithFiles('s3-pages');
    const names = ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt'];
    for (const name of names) (await files.upload(name, name))._unsafeUnwrap();
    expect((await files.list(2))._unsafeUnwrap().map((f) => f.name)).toEqual(names);
  });

  it('after a global sign-out no new credentials come: Err Credentials/SessionEnded, not a throw', async () => {
    const user = await signedInUser(s, 's3-signed-out');
    const session = user.auth.session(user.tokens);
    (await session.signOut({ global: true }))._unsafeUnwrap();
    const { identityId } = await user.pool.provider(async () => user.tokens.idToken)();
    const files = userFiles(s3With(user.pool.provider(session)), bucket, identityId);
    const listed = await files.list();
    expect(listed._unsafeUnwrapErr()).toMatchObject({
      type: 'Credentials',
      reason: 'SessionEnded',
      retryable: false,
    });
    expect(listed._unsafeUnwrapErr().message).not.toContain(user.tokens.idToken);
  });

  it('an S3 refusal is Err S3 with the S3 error name', async () => {
    const { s3, identityId } = await userWithFiles('s3-no-bucket');
    const missing = userFiles(s3, `no-such-bucket-${Date.now().toString(36)}`, identityId);
    expect((await missing.list())._unsafeUnwrapErr()).toMatchObject({ type: 'S3', reason: 'NoSuchBucket' });
    expect((await missing.upload('x.txt', 'x'))._unsafeUnwrapErr()).toMatchObject({
      type: 'S3',
      reason: 'NoSuchBucket',
    });
  });

  // Not a duplicate of the tests above: they call user-files.ts; this runs main.ts as users do (moto started
  // and provisioned by the script, sign-in through NEW_PASSWORD_REQUIRED, bucket creation, sign-out).
  it('main.ts starts its own moto, uploads two files, lists them and exits 0', async () => {
    const { stdout } = await run(
      'npx',
      ['tsx', '--conditions=cognito-flow-source', 'examples/s3-with-user-credentials/main.ts'],
      { timeout: 90_000, env: { ...process.env, COGNITO_USER_POOL_ID: '' } },
    );
    expect(stdout).toMatch(/1\. files-user-\w+ signed in \(NEW_PASSWORD_REQUIRED answered\)\./);
    expect(stdout).toMatch(/2\. Identity us-east-1:[0-9a-f-]+: temporary AWS credentials until /);
    expect(stdout).toMatch(/4\. s3:\/\/user-files-\w+\/private\/us-east-1:[0-9a-f-]+\/ holds 2 files:/);
    expect(stdout).toMatch(/ {3}notes\.txt {2}\d+ bytes/);
    expect(stdout).toMatch(/ {3}settings\.json {2}16 bytes/);
    expect(stdout).toContain('5. Signed out.');
    expect(stdout).toMatch(/Stopped moto_server \(pid \d+\)/);
  }, 120_000);
});
