import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { SignInFlags } from '../../../src/cli/sign-in/options.js';
import { readStdinSecrets } from '../../../src/cli/sign-in/stdin-secrets.js';

const stdin = (text: string) => Readable.from([text]) as unknown as NodeJS.ReadStream;
const flags = (extra: Partial<SignInFlags>): SignInFlags => ({ flow: 'srp', attribute: [], ...extra });

describe('secrets from stdin (never on the command line, where ps shows them)', () => {
  it('reads one line per --…-stdin flag, in the order password, new password, code, answer', async () => {
    const all = flags({ passwordStdin: true, newPasswordStdin: true, codeStdin: true, answerStdin: true });
    expect(await readStdinSecrets(all, stdin('Old-Pw1!\nN3w-Pw1!\n123456\n42\n'))).toEqual({
      password: 'Old-Pw1!',
      newPassword: 'N3w-Pw1!',
      code: '123456',
      answer: '42',
    });
  });

  it('only the lines asked for: --code-stdin alone takes the first line; --password-stdin --answer-stdin two', async () => {
    expect(await readStdinSecrets(flags({ codeStdin: true }), stdin('654321\nignored\n'))).toEqual({
      code: '654321',
    });
    expect(
      await readStdinSecrets(flags({ passwordStdin: true, answerStdin: true }), stdin('pw\r\nanswer\r\n')),
    ).toEqual({ password: 'pw', answer: 'answer' });
  });

  it('reads nothing without a stdin flag', async () => {
    expect(await readStdinSecrets(flags({ code: 'x' }), stdin('unused'))).toEqual({});
  });

  it('a missing or empty line is a usage error (exit 2) naming the flag and the expected order, not the secrets', async () => {
    const wanted = flags({ passwordStdin: true, codeStdin: true });
    await expect(readStdinSecrets(wanted, stdin('only-the-password\n'))).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringMatching(
        /--code-stdin: line 2 of stdin is empty \(stdin lines, in order: --password-stdin, --code-stdin\)/,
      ),
    });
    await expect(readStdinSecrets(wanted, stdin('only-the-password\n'))).rejects.not.toMatchObject({
      message: expect.stringContaining('only-the-password'),
    });
  });
});
