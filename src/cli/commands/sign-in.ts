import { type Command, Option } from 'commander';
import type { CliIo } from '../io.js';
import { formatTokens, TOKEN_OUTPUTS, type TokenOutput } from '../output/tokens-output.js';
import { addSignInOptions, type SignInFlags } from '../sign-in/options.js';
import { signInWithFlags } from '../sign-in/sign-in-with-flags.js';

interface SignInCommandFlags extends SignInFlags {
  readonly output: TokenOutput;
  readonly claims?: boolean;
}

/** `cognito-flow sign-in`: signs a user in, answering every challenge, and prints the tokens or claims. */
export function registerSignIn(program: Command, io: CliIo): void {
  const command = program
    .command('sign-in')
    .description('sign a user in (answering every challenge) and print the tokens as JSON');
  addSignInOptions(command, io.stderr)
    .addOption(new Option('--output <format>', 'what to print').choices(TOKEN_OUTPUTS).default('json'))
    .option('--claims', 'print the decoded token claims (same as --output claims)')
    .action(async (flags: SignInCommandFlags) => {
      const tokens = await signInWithFlags(flags, io);
      io.stdout.write(formatTokens(tokens, flags.claims ? 'claims' : flags.output));
    });
}
