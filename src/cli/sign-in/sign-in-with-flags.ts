import { AuthClient, type TokenSet } from 'cognito-flow';
import { fromCognitoError, usageError } from '../cli-error.js';
import type { CliIo } from '../io.js';
import { Prompter } from '../prompts/prompter.js';
import { readStdin } from '../prompts/read-stdin.js';
import { SignInDriver } from './drive-sign-in.js';
import { authConfigFromFlags, ENV, parseAttributeFlags, type SignInFlags } from './options.js';

/** A non-empty environment variable, or undefined. */
function fromEnv(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Signs in as the flags describe, prompting on the terminal for whatever they and the environment leave
 * open, and returns the tokens.
 */
export async function signInWithFlags(flags: SignInFlags, io: CliIo): Promise<TokenSet> {
  const attributes = parseAttributeFlags(flags.attribute);
  const config = authConfigFromFlags(flags, io.env);
  const auth = AuthClient.create(config);
  if (auth.isErr()) throw fromCognitoError(auth.error, 'Configuration');
  const password = flags.passwordStdin
    ? await readStdin(io.stdin, '--password-stdin', 'firstLine')
    : fromEnv(io.env, ENV.password);
  if (flags.passwordStdin && password === '')
    throw usageError('--password-stdin: the first line of stdin is empty');
  const prompter = new Prompter(io, { nonInteractive: Boolean(flags.nonInteractive || flags.passwordStdin) });
  const driver = new SignInDriver(
    auth.value,
    prompter,
    { flags, attributes, password, newPassword: fromEnv(io.env, ENV.newPassword) },
    io.stderr,
  );
  return driver.run();
}
