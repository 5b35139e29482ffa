import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import { afterEach, describe, expect, it } from 'vitest';
import { addSignInOptions } from '../../../src/cli/sign-in/options.js';

function parse(argv: string[]): string {
  const stderr = new PassThrough();
  let text = '';
  stderr.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  const command = addSignInOptions(new Command('sign-in').exitOverride(), stderr).action(() => undefined);
  command.parse(argv, { from: 'user' });
  return text;
}

afterEach(() => {
  delete process.env.COGNITO_CODE;
});

describe('a secret given as a command-line flag', () => {
  it('--code and --answer on the command line get a warning naming the safer ways, without the secret', () => {
    const warning = parse(['--code', '123456', '--answer', 'forty-two']);
    expect(warning).toContain('--code is visible to other users (ps); prefer COGNITO_CODE or --code-stdin');
    expect(warning).toContain(
      '--answer is visible to other users (ps); prefer COGNITO_CHALLENGE_ANSWER or --answer-stdin',
    );
    expect(warning).not.toContain('123456');
    expect(warning).not.toContain('forty-two');
  });

  it('the same code from COGNITO_CODE gets no warning', () => {
    process.env.COGNITO_CODE = '123456';
    expect(parse([])).toBe('');
  });
});
