import { usageError } from '../cli-error.js';
import { readStdin } from '../prompts/read-stdin.js';
import type { SignInFlags } from './options.js';

/** The secrets stdin can carry, in the order their lines come. */
const STDIN_SECRETS = [
  ['password', 'passwordStdin', '--password-stdin'],
  ['newPassword', 'newPasswordStdin', '--new-password-stdin'],
  ['code', 'codeStdin', '--code-stdin'],
  ['answer', 'answerStdin', '--answer-stdin'],
] as const;

/** The secrets read from stdin, by name. */
export type StdinSecrets = Partial<Record<(typeof STDIN_SECRETS)[number][0], string>>;

/**
 * Reads the secrets the `--…-stdin` flags ask for, one line each, in the order password, new password,
 * code, answer (only those asked for): the way to pass them without putting them in `ps` output or the
 * shell history. An empty or missing line is a usage error naming its flag.
 */
export async function readStdinSecrets(flags: SignInFlags, stdin: NodeJS.ReadStream): Promise<StdinSecrets> {
  const wanted = STDIN_SECRETS.filter(([, flag]) => flags[flag] === true);
  const first = wanted[0];
  if (!first) return {};
  const names = wanted.map(([, , option]) => option).join(', ');
  const text = await readStdin(stdin, names, wanted.length === 1 ? 'firstLine' : 'all');
  const lines = text.split(/\r?\n/);
  const secrets: StdinSecrets = {};
  wanted.forEach(([name, , option], index) => {
    const line = lines[index] ?? '';
    if (line === '') {
      throw usageError(`${option}: line ${index + 1} of stdin is empty (stdin lines, in order: ${names})`);
    }
    secrets[name] = line;
  });
  return secrets;
}
