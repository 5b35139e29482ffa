import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { decodeJwt } from 'cognito-flow';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminCreatedUser, NEW_PASSWORD, stack, TEMPORARY_PASSWORD, uniqueUsername } from '../clients.js';
import { CLI, cliEnv, ensureBuiltCli, poolFlags, runCli, runCliInPty } from './run-cli.js';

const execFileAsync = promisify(execFile);

describe.skipIf(!stack)('cognito-flow sign-in (the built binary against moto)', () => {
  const s = stack as NonNullable<typeof stack>;
  const flags = () => poolFlags(s.userPoolId, s.clientId, s.endpoint);

  const newUser = (prefix: string) => adminCreatedUser(s, prefix);

  /** A user who has already set NEW_PASSWORD (through the CLI, non-interactively). */
  async function confirmedUser(prefix: string): Promise<string> {
    const username = await newUser(prefix);
    const run = await runCli(['sign-in', ...flags(), '--flow', 'password', '--username', username], {
      env: cliEnv({ COGNITO_PASSWORD: TEMPORARY_PASSWORD, COGNITO_NEW_PASSWORD: NEW_PASSWORD }),
    });
    if (run.exitCode !== 0) throw new Error(`setting up ${username}: ${run.stderr}`);
    return username;
  }

  beforeAll(() => ensureBuiltCli(), 900_000);

  it('signs an AdminCreateUser user in through NEW_PASSWORD_REQUIRED typed into a terminal, never echoing a password', async () => {
    const username = await newUser('cli-pty');
    const run = await runCliInPty(
      ['sign-in', ...flags(), '--flow', 'password'],
      [
        { expect: 'Username', send: `${username}\r` },
        { expect: 'Password', send: `${TEMPORARY_PASSWORD}\r` },
        { expect: 'New password', send: `${NEW_PASSWORD}\r` },
        { expect: 'Repeat it', send: `${NEW_PASSWORD}\r` },
      ],
    );
    expect(run.timedOut, run.terminal).toBe(false);
    expect(run.pendingStep).toBeNull();
    expect(run.exitCode, run.terminal).toBe(0);
    expect(run.terminal).toContain('Cognito requires a new password for this user.');
    expect(run.terminal).toContain('Sign-in…'); // the spinner, on the terminal's stderr only
    expect(run.terminal).toContain(username); // the user name is echoed as typed
    expect(run.terminal).not.toContain(TEMPORARY_PASSWORD);
    expect(run.terminal).not.toContain(NEW_PASSWORD);
    expect(run.stdout).not.toContain(TEMPORARY_PASSWORD);
    const tokens = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(tokens).sort()).toEqual([
      'accessToken',
      'expiresAt',
      'idToken',
      'refreshToken',
      'tokenType',
    ]);
    const claims = decodeJwt(tokens.idToken)._unsafeUnwrap().payload;
    expect(claims['cognito:username']).toBe(username);
    expect(claims.token_use).toBe('id');

    // The new password typed at the prompt is now the user's password.
    const again = await runCli(['sign-in', ...flags(), '--username', username], {
      env: cliEnv({ COGNITO_PASSWORD: NEW_PASSWORD }),
    });
    expect(again.exitCode, again.stderr).toBe(0);
  });

  it('re-asks a new password typed differently twice, in the terminal', async () => {
    const username = await newUser('cli-pty-retype');
    const run = await runCliInPty(
      ['sign-in', ...flags(), '--username', username],
      [
        { expect: 'Password', send: `${TEMPORARY_PASSWORD}\r` },
        { expect: 'New password', send: 'Mismatch-1!aA\r' },
        { expect: 'Repeat it', send: 'Mismatch-2!aA\r' },
        { expect: 'The two entries differ', send: '' },
        { expect: 'New password', send: `${NEW_PASSWORD}\r` },
        { expect: 'Repeat it', send: `${NEW_PASSWORD}\r` },
      ],
    );
    expect(run.exitCode, run.terminal).toBe(0);
    expect(JSON.parse(run.stdout).idToken).toMatch(/^ey/);
  });

  it('runs without a terminal from environment variables (USER_SRP_AUTH by default) and prints claims with --claims', async () => {
    const username = await confirmedUser('cli-env');
    const run = await runCli(['sign-in', ...flags(), '--claims'], {
      env: cliEnv({ COGNITO_USERNAME: username, COGNITO_PASSWORD: NEW_PASSWORD }),
    });
    expect(run.exitCode, run.stderr).toBe(0);
    const claims = JSON.parse(run.stdout) as {
      idToken: Record<string, unknown>;
      accessToken: Record<string, unknown>;
    };
    expect(claims.idToken['cognito:username']).toBe(username);
    expect(claims.accessToken.token_use).toBe('access');
    expect(claims.accessToken.client_id).toBe(s.clientId);
    expect(run.stderr).toBe('');
  });

  it('reads the password from stdin with --password-stdin', async () => {
    const username = await confirmedUser('cli-stdin');
    const run = await runCli(['sign-in', ...flags(), '--username', username, '--password-stdin'], {
      stdin: `${NEW_PASSWORD}\n`,
    });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).accessToken).toMatch(/^ey/);
  });

  it('--password-stdin --new-password-stdin: both secrets on stdin, one line each, none in the arguments', async () => {
    const username = await newUser('cli-stdin-new');
    const args = [
      'sign-in',
      ...flags(),
      '--flow',
      'password',
      '--username',
      username,
      '--password-stdin',
      '--new-password-stdin',
    ];
    const run = await runCli(args, { stdin: `${TEMPORARY_PASSWORD}\n${NEW_PASSWORD}\n` });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).accessToken).toMatch(/^ey/);
    expect(args.join(' ')).not.toContain(NEW_PASSWORD);
    const short = await runCli(args, { stdin: `${TEMPORARY_PASSWORD}\n` });
    expect(short.exitCode).toBe(2);
    expect(short.stderr).toContain('--new-password-stdin: line 2 of stdin is empty');
    expect(short.stderr).not.toContain(TEMPORARY_PASSWORD);
  });

  it('signs in with an app client secret named by --client-secret-env', async () => {
    const username = await confirmedUser('cli-secret');
    const args = ['sign-in', ...poolFlags(s.userPoolId, s.secretClientId, s.endpoint)];
    const run = await runCli([...args, '--username', username, '--client-secret-env', 'MY_SECRET'], {
      env: cliEnv({ MY_SECRET: s.clientSecret, COGNITO_PASSWORD: NEW_PASSWORD }),
    });
    expect(run.exitCode, run.stderr).toBe(0);
    expect(decodeJwt(JSON.parse(run.stdout).accessToken)._unsafeUnwrap().payload.client_id).toBe(
      s.secretClientId,
    );

    const unset = await runCli([...args, '--username', username, '--client-secret-env', 'NOT_SET_ANYWHERE'], {
      env: cliEnv({ COGNITO_PASSWORD: NEW_PASSWORD }),
    });
    expect(unset.exitCode).toBe(2);
    expect(unset.stderr).toBe(
      'cognito-flow: --client-secret-env NOT_SET_ANYWHERE: that environment variable is not set\n',
    );
  });

  it('a wrong password exits 1 with one line that holds no password and no stack trace', async () => {
    const username = await confirmedUser('cli-wrong');
    const wrong = 'Wr0ng-Passw0rd!zz';
    const run = await runCli(['sign-in', ...flags(), '--flow', 'password', '--username', username], {
      env: cliEnv({ COGNITO_PASSWORD: wrong }),
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^cognito-flow: Sign-in failed \(NotAuthorized\): /);
    expect(run.stderr).not.toContain(wrong);
    expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('a wrong password typed in the terminal exits 1 after the prompt, without echoing it', async () => {
    const username = await confirmedUser('cli-pty-wrong');
    const wrong = 'Wr0ng-Typed!zz';
    // USER_PASSWORD_AUTH: moto fakes SRP and would accept any password there.
    const run = await runCliInPty(
      ['sign-in', ...flags(), '--flow', 'password', '--username', username],
      [{ expect: 'Password', send: `${wrong}\r` }],
    );
    expect(run.exitCode).toBe(1);
    expect(run.terminal).toMatch(/cognito-flow: Sign-in failed \(NotAuthorized\)/);
    expect(run.terminal).not.toContain(wrong);
  });

  it('Ctrl+C at a prompt exits 130 with one line', async () => {
    const run = await runCliInPty(['sign-in', ...flags()], [{ expect: 'Username', send: '\u0003' }], {
      timeoutMs: 10_000,
    });
    expect(run.timedOut).toBe(false);
    expect(run.exitCode).toBe(130);
    expect(run.terminal).toContain('cognito-flow: Cancelled');
    expect(run.stdout).toBe('');
  });

  it('an unknown user exits 1', async () => {
    const run = await runCli(
      ['sign-in', ...flags(), '--flow', 'password', '--username', uniqueUsername('nobody')],
      {
        env: cliEnv({ COGNITO_PASSWORD: NEW_PASSWORD }),
      },
    );
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/^cognito-flow: Sign-in failed \((UserNotFound|NotAuthorized)\)/);
  });

  it('a missing password with stdin that is not a terminal fails at once with exit 2 instead of waiting', async () => {
    const username = await confirmedUser('cli-nopass');
    const run = await runCli(['sign-in', ...flags(), '--username', username], { timeoutMs: 10_000 });
    expect(run.timedOut).toBe(false);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe(
      'cognito-flow: Password is needed but there is no terminal to ask on: set COGNITO_PASSWORD or pass --password-stdin\n',
    );
  });

  it('a missing user name and a missing new password without a terminal name the flag or variable to set', async () => {
    const noUser = await runCli(['sign-in', ...flags()], { timeoutMs: 10_000 });
    expect(noUser.exitCode).toBe(2);
    expect(noUser.stderr).toContain('Username is needed but there is no terminal to ask on: pass --username');

    const username = await newUser('cli-nonew');
    const noNew = await runCli(['sign-in', ...flags(), '--flow', 'password', '--username', username], {
      env: cliEnv({ COGNITO_PASSWORD: TEMPORARY_PASSWORD }),
      timeoutMs: 10_000,
    });
    expect(noNew.timedOut).toBe(false);
    expect(noNew.exitCode).toBe(2);
    expect(noNew.stderr).toContain(
      'New password is needed but there is no terminal to ask on: set COGNITO_NEW_PASSWORD',
    );
  });

  it('--non-interactive refuses to prompt even on a terminal', async () => {
    const run = await runCliInPty(['sign-in', ...flags(), '--non-interactive'], [], {
      timeoutMs: 10_000,
    });
    expect(run.timedOut).toBe(false);
    expect(run.exitCode).toBe(2);
    expect(run.terminal).toContain('Username is needed but there is no terminal to ask on');
  });

  it('usage errors exit 2 with one line: missing pool, bad flow, unknown option, malformed pool id', async () => {
    const missing = await runCli(['sign-in', '--client-id', 'abc']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toBe('cognito-flow: --user-pool-id (or COGNITO_USER_POOL_ID) is required\n');

    const badFlow = await runCli(['sign-in', ...flags(), '--flow', 'magic']);
    expect(badFlow.exitCode).toBe(2);
    expect(badFlow.stderr).toContain("error: option '--flow <flow>' argument 'magic' is invalid");

    const unknown = await runCli(['sign-in', '--pasword', 'x']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain("error: unknown option '--pasword'");

    const malformed = await runCli(['sign-in', '--user-pool-id', 'not-a-pool', '--client-id', 'abc']);
    expect(malformed.exitCode).toBe(2);
    expect(malformed.stderr).toMatch(
      /^cognito-flow: Configuration failed \(InvalidConfig\): userPoolId must look like/,
    );

    const noCommand = await runCli([]);
    expect(noCommand.exitCode).toBe(2);
  });

  it('a reader that goes away before the tokens are printed (`| true`) ends quietly with exit 0, no stack trace', async () => {
    const username = await confirmedUser('cli-epipe');
    const command = [process.execPath, CLI, 'sign-in', ...flags(), '--username', username]
      .map((part) => `'${part}'`)
      .join(' ');
    // `true` exits at once, so the sign-in's output meets a closed pipe (EPIPE).
    const { stdout, stderr } = await execFileAsync(
      'bash',
      ['-c', `set -o pipefail; ${command} | true; echo "exit=\${PIPESTATUS[0]}"`],
      { env: cliEnv({ COGNITO_PASSWORD: NEW_PASSWORD }) },
    );
    expect(stdout.trim()).toBe('exit=0');
    expect(stderr).toBe('');
  });

  it('an endpoint nobody listens on exits 3 (network)', async () => {
    const run = await runCli(['sign-in', ...poolFlags(s.userPoolId, s.clientId, 'http://127.0.0.1:9')], {
      env: cliEnv({ COGNITO_USERNAME: 'someone', COGNITO_PASSWORD: NEW_PASSWORD }),
      timeoutMs: 30_000,
    });
    expect(run.exitCode).toBe(3);
    expect(run.stderr).toMatch(/^cognito-flow: Sign-in failed \(Network\): /);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
