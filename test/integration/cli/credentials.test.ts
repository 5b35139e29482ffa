import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { fromProcess } from '@aws-sdk/credential-providers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientsFor, NEW_PASSWORD, s3With, stack, TEMPORARY_PASSWORD, uniqueUsername } from '../clients.js';
import { CLI, cliEnv, ensureBuiltCli, poolFlags, runCli } from './run-cli.js';

describe.skipIf(!stack)('cognito-flow credentials (the built binary against moto)', () => {
  const s = stack as NonNullable<typeof stack>;
  const dir = mkdtempSync(join(tmpdir(), 'cognito-flow-cli-'));
  let username = '';
  let bucket = '';
  const signInFlags = () => [
    ...poolFlags(s.userPoolId, s.clientId, s.endpoint),
    '--identity-pool-id',
    s.identityPoolId,
    '--username',
    username,
  ];
  const withPassword = () => cliEnv({ COGNITO_PASSWORD: NEW_PASSWORD });

  beforeAll(async () => {
    ensureBuiltCli();
    const { admin, auth, pool } = clientsFor(s);
    username = uniqueUsername('cli-creds');
    (
      await admin.adminCreateUser({
        username,
        temporaryPassword: TEMPORARY_PASSWORD,
        messageAction: 'SUPPRESS',
      })
    )._unsafeUnwrap();
    const first = (
      await auth.signIn({ username, password: TEMPORARY_PASSWORD, flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrap();
    if (first.step !== 'NEW_PASSWORD_REQUIRED')
      throw new Error(`expected NEW_PASSWORD_REQUIRED, got ${first.step}`);
    (await auth.completeNewPassword(first, NEW_PASSWORD))._unsafeUnwrap();
    bucket = `cli-creds-${Date.now().toString(36)}`;
    await s3With(s, (await pool.getGuestCredentials())._unsafeUnwrap()).send(
      new CreateBucketCommand({ Bucket: bucket }),
    );
  }, 900_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--format process prints the credential_process JSON that the AWS SDK runs from ~/.aws/config to call S3', async () => {
    const direct = await runCli(['credentials', ...signInFlags(), '--format', 'process'], {
      env: withPassword(),
    });
    expect(direct.exitCode, direct.stderr).toBe(0);
    const printed = JSON.parse(direct.stdout) as Record<string, unknown>;
    expect(Object.keys(printed)).toEqual([
      'Version',
      'AccessKeyId',
      'SecretAccessKey',
      'SessionToken',
      'Expiration',
    ]);
    expect(printed.Version).toBe(1);
    expect(new Date(printed.Expiration as string).getTime()).toBeGreaterThan(Date.now());

    // The real thing: an AWS config profile whose credential_process is the CLI, read by the SDK's fromProcess.
    const command = [process.execPath, CLI, 'credentials', ...signInFlags(), '--format', 'process'].join(' ');
    const config = join(dir, 'config');
    writeFileSync(config, `[profile cognito]\ncredential_process = ${command}\n`);
    writeFileSync(join(dir, 'credentials'), '');
    const saved = process.env.COGNITO_PASSWORD;
    process.env.COGNITO_PASSWORD = NEW_PASSWORD;
    try {
      const provider = fromProcess({
        profile: 'cognito',
        configFilepath: config,
        filepath: join(dir, 'credentials'),
      });
      const credentials = await provider();
      expect(credentials.sessionToken).toBeTruthy();
      const s3 = new S3Client({
        region: s.region,
        endpoint: s.endpoint,
        forcePathStyle: true,
        credentials: provider,
        maxAttempts: 1,
      });
      const listed = await s3.send(new ListBucketsCommand({}));
      expect((listed.Buckets ?? []).map((b) => b.Name)).toContain(bucket);
    } finally {
      if (saved === undefined) delete process.env.COGNITO_PASSWORD;
      else process.env.COGNITO_PASSWORD = saved;
    }
  });

  it('--format env prints export lines whose credentials list S3 buckets', async () => {
    const run = await runCli(['credentials', ...signInFlags()], { env: withPassword() });
    expect(run.exitCode, run.stderr).toBe(0);
    const exported = Object.fromEntries(
      run.stdout
        .trimEnd()
        .split('\n')
        .map((line) => {
          const match = /^export (AWS_[A-Z_]+)='([^']*)'$/.exec(line);
          if (!match) throw new Error(`not an export line: ${line}`);
          return [match[1], match[2]];
        }),
    ) as Record<string, string>;
    expect(Object.keys(exported)).toEqual([
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_SESSION_TOKEN',
      'AWS_CREDENTIAL_EXPIRATION',
    ]);
    const s3 = s3With(s, {
      accessKeyId: exported.AWS_ACCESS_KEY_ID ?? '',
      secretAccessKey: exported.AWS_SECRET_ACCESS_KEY ?? '',
      sessionToken: exported.AWS_SESSION_TOKEN ?? '',
    });
    const listed = await s3.send(new ListBucketsCommand({}));
    expect((listed.Buckets ?? []).map((b) => b.Name)).toContain(bucket);
  });

  it('--id-token-stdin takes what sign-in printed and --format json names the identity', async () => {
    const signedIn = await runCli(
      ['sign-in', ...poolFlags(s.userPoolId, s.clientId, s.endpoint), '--username', username],
      { env: withPassword() },
    );
    expect(signedIn.exitCode, signedIn.stderr).toBe(0);
    const run = await runCli(
      [
        'credentials',
        '--identity-pool-id',
        s.identityPoolId,
        '--endpoint',
        s.endpoint,
        '--id-token-stdin',
        '--format',
        'json',
      ],
      { stdin: signedIn.stdout },
    );
    expect(run.exitCode, run.stderr).toBe(0);
    const printed = JSON.parse(run.stdout) as Record<string, string>;
    expect(Object.keys(printed)).toEqual([
      'accessKeyId',
      'secretAccessKey',
      'sessionToken',
      'expiration',
      'identityId',
    ]);
    expect(printed.identityId).toMatch(/^us-east-1:/);

    // A bare ID token works too.
    const bare = await runCli(
      ['credentials', '--identity-pool-id', s.identityPoolId, '--endpoint', s.endpoint, '--id-token-stdin'],
      { stdin: `${JSON.parse(signedIn.stdout).idToken}\n` },
    );
    expect(bare.exitCode, bare.stderr).toBe(0);
    expect(bare.stdout).toMatch(/^export AWS_ACCESS_KEY_ID=/);
  });

  it('refuses stdin that holds no ID token, an access token, and a missing identity pool id (exit 2)', async () => {
    const args = [
      'credentials',
      '--identity-pool-id',
      s.identityPoolId,
      '--endpoint',
      s.endpoint,
      '--id-token-stdin',
    ];
    const garbage = await runCli(args, { stdin: 'not a token' });
    expect(garbage.exitCode).toBe(2);
    expect(garbage.stderr).toBe('cognito-flow: --id-token-stdin: stdin holds no JWT\n');

    const signedIn = await runCli(
      ['sign-in', ...poolFlags(s.userPoolId, s.clientId, s.endpoint), '--username', username],
      { env: withPassword() },
    );
    const accessToken = JSON.parse(signedIn.stdout).accessToken as string;
    const wrongToken = await runCli(args, { stdin: accessToken });
    expect(wrongToken.exitCode).toBe(2);
    expect(wrongToken.stderr).toContain('is not an ID token');
    expect(wrongToken.stderr).not.toContain(accessToken);

    const noPool = await runCli(['credentials', '--id-token-stdin'], { stdin: accessToken });
    expect(noPool.exitCode).toBe(2);
    expect(noPool.stderr).toBe(
      'cognito-flow: --identity-pool-id (or COGNITO_IDENTITY_POOL_ID) is required\n',
    );

    const badFormat = await runCli([...args, '--format', 'yaml'], { stdin: accessToken });
    expect(badFormat.exitCode).toBe(2);
    expect(badFormat.stderr).toContain("argument 'yaml' is invalid");
  });

  it('a wrong password exits 1 before any credentials are asked for', async () => {
    const run = await runCli(['credentials', ...signInFlags(), '--flow', 'password', '--format', 'process'], {
      env: cliEnv({ COGNITO_PASSWORD: 'Wr0ng-Passw0rd!c' }),
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^cognito-flow: Sign-in failed \(NotAuthorized\): [^\n]*\n$/);
  });
});
