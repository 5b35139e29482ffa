import { AuthClient, type TokenSet } from 'cognito-flow';
import { fromCognitoError } from '../cli-error.js';
import type { CliIo } from '../io.js';
import { Prompter } from '../prompts/prompter.js';
import { SignInDriver } from './drive-sign-in.js';
import { authConfigFromFlags, ENV, parseAttributeFlags, type SignInFlags } from './options.js';
import { readStdinSecrets } from './stdin-secrets.js';

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
  const piped = await readStdinSecrets(flags, io.stdin);
  const password = piped.password ?? fromEnv(io.env, ENV.password);
  const usesStdin = Object.keys(piped).length > 0;
  const prompter = new Prompter(io, { nonInteractive: Boolean(flags.nonInteractive || usesStdin) });
  const presetFlags: SignInFlags = {
    ...flags,
    ...(piped.code !== undefined ? { code: piped.code } : {}),
    ...(piped.answer !== undefined ? { answer: piped.answer } : {}),
  };
  const driver = new SignInDriver(
    auth.value,
    prompter,
    {
      flags: presetFlags,
      attributes,
      password,
      newPassword: piped.newPassword ?? fromEnv(io.env, ENV.newPassword),
    },
    io.stderr,
  );
  return driver.run();
}
