import { IdentityPool } from 'cognito-flow/identity';
import { type Command, Option } from 'commander';
import { fromCognitoError, usageError } from '../cli-error.js';
import type { CliIo } from '../io.js';
import {
  CREDENTIALS_FORMATS,
  type CredentialsFormat,
  formatCredentials,
} from '../output/credentials-output.js';
import { idTokenFromStdin } from '../output/id-token-input.js';
import { readStdin } from '../prompts/read-stdin.js';
import { addSignInOptions, type SignInFlags } from '../sign-in/options.js';
import { signInWithFlags } from '../sign-in/sign-in-with-flags.js';
import { withSpinner } from '../spinner.js';

interface CredentialsCommandFlags extends SignInFlags {
  readonly identityPoolId?: string;
  readonly idTokenStdin?: boolean;
  readonly format: CredentialsFormat;
}

async function idTokenFor(flags: CredentialsCommandFlags, io: CliIo): Promise<string> {
  if (!flags.idTokenStdin) return (await signInWithFlags(flags, io)).idToken;
  if (flags.passwordStdin)
    throw usageError('--id-token-stdin and --password-stdin both want stdin; pick one');
  return idTokenFromStdin(await readStdin(io.stdin, '--id-token-stdin', 'all'));
}

/**
 * `cognito-flow credentials`: signs in (or reads tokens from stdin) and prints temporary AWS credentials
 * from an identity pool, as shell exports, JSON or the AWS CLI `credential_process` format.
 */
export function registerCredentials(program: Command, io: CliIo): void {
  const command = program
    .command('credentials')
    .description('sign in (or read an ID token from stdin) and print temporary AWS credentials');
  command.addOption(
    new Option('--identity-pool-id <id>', 'identity pool id, e.g. eu-west-1:1a2b…').env(
      'COGNITO_IDENTITY_POOL_ID',
    ),
  );
  addSignInOptions(command, io.stderr)
    .option(
      '--id-token-stdin',
      'read the ID token (or the JSON `sign-in` prints) from stdin instead of signing in',
    )
    .addOption(
      new Option('--format <format>', 'env: export lines; json; process: AWS credential_process')
        .choices(CREDENTIALS_FORMATS)
        .default('env'),
    )
    .action(async (flags: CredentialsCommandFlags) => {
      if (!flags.identityPoolId)
        throw usageError('--identity-pool-id (or COGNITO_IDENTITY_POOL_ID) is required');
      const pool = IdentityPool.create({
        identityPoolId: flags.identityPoolId,
        ...(flags.endpoint ? { endpoint: flags.endpoint } : {}),
      });
      if (pool.isErr()) throw fromCognitoError(pool.error, 'Configuration');
      const idToken = await idTokenFor(flags, io);
      const credentials = await withSpinner(
        io.stderr,
        'Getting AWS credentials…',
        pool.value.getCredentials({ idToken }),
      );
      if (credentials.isErr()) throw fromCognitoError(credentials.error, 'Getting AWS credentials');
      io.stdout.write(formatCredentials(credentials.value, flags.format));
    });
}
