import type { CognitoErrorType } from 'cognito-flow';

/**
 * The `cognito-flow` command's exit codes (documented in docs/cli.md).
 *
 * - `OK` (0): done; the result is on stdout.
 * - `AUTH` (1): Cognito refused the user: wrong password, unknown user, wrong or expired code, a new
 *   password the policy rejects, a sign-in that needs something the CLI cannot do (confirm sign-up, reset
 *   the password, a passkey).
 * - `USAGE` (2): the command line is wrong, or an answer is missing and there is no terminal to ask on.
 * - `SERVICE` (3): Cognito could not be reached or failed: network, throttling, a pool or app client that
 *   does not exist or does not allow the flow, a Lambda trigger error.
 * - `INTERRUPTED` (130): the user pressed Ctrl+C at a prompt.
 */
export const EXIT = {
  OK: 0,
  AUTH: 1,
  USAGE: 2,
  SERVICE: 3,
  INTERRUPTED: 130,
} as const;

/** One of the {@link EXIT} codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

const AUTH_FAILURES: ReadonlySet<CognitoErrorType> = new Set<CognitoErrorType>([
  'NotAuthorized',
  'UserNotFound',
  'UserNotConfirmed',
  'PasswordResetRequired',
  'CodeMismatch',
  'ExpiredCode',
  'InvalidPassword',
  'SessionExpired',
  'SessionEnded',
  'MissingRequiredAttributes',
  'InvalidToken',
  'SrpAborted',
  'InvalidStep',
]);

const USAGE_ERRORS: ReadonlySet<CognitoErrorType> = new Set<CognitoErrorType>(['InvalidConfig']);

/**
 * The exit code for a cognito-flow error `type`: the user was refused (1), the configuration given on
 * the command line is invalid (2), or anything else went wrong on the way to or inside Cognito (3).
 */
export function exitCodeForError(type: string): ExitCode {
  if (AUTH_FAILURES.has(type as CognitoErrorType)) return EXIT.AUTH;
  if (USAGE_ERRORS.has(type as CognitoErrorType)) return EXIT.USAGE;
  return EXIT.SERVICE;
}
