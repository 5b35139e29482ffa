import { dirname } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stack } from '../clients.js';
import { cliEnv, ensureBuiltCli, runCli } from './run-cli.js';

describe.skipIf(!stack)('cognito-flow demo (the built binary)', () => {
  beforeAll(() => ensureBuiltCli(), 900_000);

  it('starts its own moto_server, runs the four steps of the story with their request counts and stops it', async () => {
    const run = await runCli(['demo'], { env: cliEnv(), timeoutMs: 90_000 });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Started moto_server on http:\/\/127\.0\.0\.1:\d+ \(pid \d+\)/);
    expect(run.stdout).toContain('1. Administrator created the user  [1 request: AdminCreateUser×1]');
    expect(run.stdout).toContain(
      '2. signIn (USER_PASSWORD_AUTH) answered NEW_PASSWORD_REQUIRED  [1 request: InitiateAuth×1]',
    );
    expect(run.stdout).toContain(
      '3. completeNewPassword signed the user in  [1 request: RespondToAuthChallenge×1]',
    );
    expect(run.stdout).toMatch(
      /4\. Identity pool exchanged the ID token for AWS credentials {2}\[2 requests: GetId×1, GetCredentialsForIdentity×1\]/,
    );
    expect(run.stdout).toContain('second getCredentials: served from cache (0 requests)');
    expect(run.stdout).toMatch(/S3 buckets seen with these credentials: cognito-flow-demo-/);
    expect(run.stdout).toMatch(/Stopped moto_server \(pid \d+\)\.\n$/);
  }, 120_000);

  it('without moto_server on PATH says how to install it (or how to use AWS) and exits 3', async () => {
    const run = await runCli(['demo'], { env: cliEnv({ PATH: dirname(process.execPath) }) });
    expect(run.exitCode).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'cognito-flow: moto_server is not installed: pip install "moto[server]==5.2.1", or set COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID and COGNITO_IDENTITY_POOL_ID to run against AWS\n',
    );
  });

  it('with COGNITO_USER_POOL_ID but no client or identity pool, says what to set and exits 3', async () => {
    const run = await runCli(['demo'], { env: cliEnv({ COGNITO_USER_POOL_ID: 'us-east-1_Abc123' }) });
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toBe(
      'cognito-flow: Set COGNITO_CLIENT_ID and COGNITO_IDENTITY_POOL_ID along with COGNITO_USER_POOL_ID\n',
    );
  });
});
