import { Command, CommanderError } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { toCliError } from './cli-error.js';
import { registerCredentials } from './commands/credentials.js';
import { registerDemo } from './commands/demo.js';
import { registerSignIn } from './commands/sign-in.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import type { CliIo } from './io.js';

/** The `cognito-flow` program with its commands; errors throw instead of exiting (see {@link runCli}). */
export function createProgram(io: CliIo): Command {
  const program = new Command('cognito-flow')
    .description('Amazon Cognito from the terminal: sign in, get AWS credentials, run the local demo')
    .version(packageJson.version)
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .exitOverride()
    .showSuggestionAfterError();
  registerSignIn(program, io);
  registerCredentials(program, io);
  registerDemo(program, io);
  return program;
}

/**
 * Runs the CLI on `argv` (as in `process.argv`) and returns its exit code. Errors are reported on stderr
 * as one line, `cognito-flow: <message>`, never with a stack trace.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const program = createProgram(io);
  try {
    await program.parseAsync([...argv]);
    return EXIT.OK;
  } catch (error) {
    // Commander has already printed its own one-line message (or the help / version).
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
    const cliError = toCliError(error);
    io.stderr.write(`cognito-flow: ${cliError.message}\n`);
    return cliError.exitCode;
  }
}
