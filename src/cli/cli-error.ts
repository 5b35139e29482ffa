import { EXIT, type ExitCode, exitCodeForError } from './exit-codes.js';

/**
 * An error the CLI reports as one line on stderr, with its exit code. Messages never hold a secret:
 * they are built from cognito-flow error messages (which are redacted) and the CLI's own words.
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
  }
}

/** A usage error (exit code 2): a wrong flag, a missing value, no terminal to ask on. */
export function usageError(message: string): CliError {
  return new CliError(message, EXIT.USAGE);
}

/** A sign-in that Cognito refused or that the CLI cannot finish (exit code 1). */
export function authError(message: string): CliError {
  return new CliError(message, EXIT.AUTH);
}

/** A cognito-flow error (`{ type, message }`) as a CLI error, with the exit code its type maps to. */
export function fromCognitoError(
  error: { readonly type: string; readonly message: string },
  doing: string,
): CliError {
  return new CliError(
    `${doing} failed (${error.type}): ${oneLine(error.message)}`,
    exitCodeForError(error.type),
  );
}

/** Collapses a message onto one line (stack traces and multi-line causes never reach the terminal). */
export function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim();
}

/** Whether the error is @inquirer's "the user pressed Ctrl+C" (ExitPromptError) or an aborted prompt. */
function isPromptExit(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

/**
 * Any thrown value as a {@link CliError}. Unknown errors keep only their first line, never a stack.
 */
export function toCliError(error: unknown): CliError {
  if (error instanceof CliError) return error;
  if (isPromptExit(error)) return new CliError('Cancelled', EXIT.INTERRUPTED);
  const message = error instanceof Error ? error.message : String(error);
  const first = message.split('\n')[0]?.trim() || 'Unexpected error';
  return new CliError(first, EXIT.SERVICE);
}
