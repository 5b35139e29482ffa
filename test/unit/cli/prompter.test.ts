import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../../src/cli/cli-error.js';
import type { CliIo } from '../../../src/cli/io.js';
import { Prompter } from '../../../src/cli/prompts/prompter.js';

/** A terminal-like stdin the test types into, and the stderr the prompts are drawn on. */
function terminal() {
  const stdin = Object.assign(new PassThrough(), { isTTY: true }) as unknown as NodeJS.ReadStream;
  const stderr = new PassThrough() as unknown as NodeJS.WriteStream;
  let shown = '';
  (stderr as unknown as PassThrough).on('data', (chunk: Buffer) => {
    shown += chunk.toString();
  });
  const io: CliIo = { stdin, stdout: new PassThrough(), stderr, env: {} };
  const type = (keys: string) => setTimeout(() => (stdin as unknown as PassThrough).write(keys), 20);
  return { io, type, shown: () => shown };
}

describe('Prompter', () => {
  it('on a terminal, a menu picks with the arrow keys', async () => {
    const t = terminal();
    const chosen = new Prompter(t.io).choose(
      'Which MFA method?',
      [
        { value: 'SMS_MFA', name: 'SMS code' },
        { value: 'SOFTWARE_TOKEN_MFA', name: 'Authenticator app (TOTP)' },
      ],
      undefined,
      'pass --mfa-type',
    );
    t.type('\u001b[B');
    setTimeout(() => (t.io.stdin as unknown as PassThrough).write('\r'), 80);
    await expect(chosen).resolves.toBe('SOFTWARE_TOKEN_MFA');
    expect(t.shown()).toContain('Which MFA method?');
    expect(t.shown()).toContain('Authenticator app (TOTP)');
  });

  it('on a terminal, a secret is read without being drawn', async () => {
    const t = terminal();
    const answer = new Prompter(t.io).secret('Password', undefined, 'set COGNITO_PASSWORD');
    t.type('S3cret-Typed!\r');
    await expect(answer).resolves.toBe('S3cret-Typed!');
    expect(t.shown()).toContain('Password');
    expect(t.shown()).not.toContain('S3cret-Typed!');
  });

  it('a preset answers without prompting; a single choice is taken as is', async () => {
    const t = terminal();
    const prompter = new Prompter(t.io);
    await expect(prompter.text('Username', 'alice', 'pass --username')).resolves.toBe('alice');
    await expect(
      prompter.choose('Which?', [{ value: 'EMAIL_OTP', name: 'Email code' }], undefined, 'pass --mfa-type'),
    ).resolves.toBe('EMAIL_OTP');
    expect(t.shown()).toBe('');
  });

  it('--non-interactive on a terminal, or no terminal at all: a missing answer is a usage error', async () => {
    const t = terminal();
    const refusing = new Prompter(t.io, { nonInteractive: true });
    expect(refusing.interactive).toBe(false);
    const error = await refusing
      .secret('Password', undefined, 'set COGNITO_PASSWORD')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect(error).toMatchObject({
      exitCode: 2,
      message: 'Password is needed but there is no terminal to ask on: set COGNITO_PASSWORD',
    });
    const piped: CliIo = { ...t.io, stdin: new PassThrough() as unknown as NodeJS.ReadStream };
    expect(new Prompter(piped).interactive).toBe(false);
  });
});
