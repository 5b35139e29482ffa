import type { AuthClientConfig, FirstFactor, MfaType, SignInInput } from 'cognito-flow';
import { type Command, Option } from 'commander';
import { usageError } from '../cli-error.js';

/** The `--flow` names and the Cognito auth flows they start. */
export const FLOWS = {
  srp: 'USER_SRP_AUTH',
  password: 'USER_PASSWORD_AUTH',
  custom: 'CUSTOM_AUTH',
  'user-auth': 'USER_AUTH',
} as const satisfies Record<string, NonNullable<SignInInput['flow']>>;

/** The `--mfa-type` names and Cognito's MFA types. */
export const MFA_TYPES = {
  sms: 'SMS_MFA',
  totp: 'SOFTWARE_TOKEN_MFA',
  email: 'EMAIL_OTP',
} as const satisfies Record<string, MfaType>;

/** The `--challenge` names and the USER_AUTH first factors (passkeys need a browser). */
export const FIRST_FACTORS = {
  password: 'PASSWORD',
  'password-srp': 'PASSWORD_SRP',
  'email-otp': 'EMAIL_OTP',
  'sms-otp': 'SMS_OTP',
} as const satisfies Record<string, FirstFactor>;

/** Environment variables the sign-in reads answers from. */
export const ENV = {
  password: 'COGNITO_PASSWORD',
  newPassword: 'COGNITO_NEW_PASSWORD',
  clientSecret: 'COGNITO_CLIENT_SECRET',
} as const;

/** What commander parsed for the sign-in flags. */
export interface SignInFlags {
  readonly userPoolId?: string;
  readonly clientId?: string;
  readonly clientSecretEnv?: string;
  readonly flow: keyof typeof FLOWS;
  readonly username?: string;
  readonly passwordStdin?: boolean;
  readonly newPasswordStdin?: boolean;
  readonly codeStdin?: boolean;
  readonly answerStdin?: boolean;
  readonly attribute: readonly string[];
  readonly code?: string;
  readonly mfaType?: keyof typeof MFA_TYPES;
  readonly mfaEmail?: string;
  readonly challenge?: keyof typeof FIRST_FACTORS;
  readonly answer?: string;
  readonly endpoint?: string;
  readonly region?: string;
  readonly nonInteractive?: boolean;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Flags that carry a secret on the command line, and where to put it instead. */
const VISIBLE_SECRETS = [
  ['code', '--code', 'COGNITO_CODE or --code-stdin'],
  ['answer', '--answer', 'COGNITO_CHALLENGE_ANSWER or --answer-stdin'],
] as const;

/**
 * Adds the flags that say how to sign in (shared by `sign-in` and `credentials`). With `stderr`, a secret
 * given as a command-line flag (not through its environment variable) gets a warning there: every local
 * user can read it in `ps`.
 */
export function addSignInOptions(command: Command, stderr?: NodeJS.WritableStream): Command {
  if (stderr) {
    command.hook('preAction', (_program, action) => {
      for (const [name, flag, instead] of VISIBLE_SECRETS) {
        if (action.getOptionValueSource(name) === 'cli') {
          stderr.write(`cognito-flow: warning: ${flag} is visible to other users (ps); prefer ${instead}\n`);
        }
      }
    });
  }
  return command
    .addOption(
      new Option('--user-pool-id <id>', 'user pool id, e.g. eu-west-1_AbC123').env('COGNITO_USER_POOL_ID'),
    )
    .addOption(new Option('--client-id <id>', 'app client id').env('COGNITO_CLIENT_ID'))
    .option(
      '--client-secret-env <var>',
      `name of the environment variable holding the app client secret (default: ${ENV.clientSecret} when set)`,
    )
    .addOption(new Option('--flow <flow>', 'how to sign in').choices(Object.keys(FLOWS)).default('srp'))
    .addOption(
      new Option('--username <name>', 'user name or alias (prompted when absent)').env('COGNITO_USERNAME'),
    )
    .option(
      '--password-stdin',
      `read the password from the first line of stdin (else ${ENV.password}, else a prompt)`,
    )
    .option(
      '--new-password-stdin',
      `read the new password (NEW_PASSWORD_REQUIRED) from stdin (else ${ENV.newPassword}, else a prompt)`,
    )
    .option('--code-stdin', 'read the one-time code from stdin (safer than --code, which ps shows)')
    .option('--answer-stdin', 'read the custom-challenge answer from stdin (safer than --answer)')
    .addOption(
      new Option('--attribute <name=value>', 'a required attribute for NEW_PASSWORD_REQUIRED (repeatable)')
        .argParser(collect)
        .default([], 'none'),
    )
    .addOption(
      new Option(
        '--code <code>',
        'the one-time code for an MFA or OTP step (visible in ps: prefer COGNITO_CODE or --code-stdin)',
      ).env('COGNITO_CODE'),
    )
    .addOption(
      new Option('--mfa-type <type>', 'MFA method to choose or set up').choices(Object.keys(MFA_TYPES)),
    )
    .option('--mfa-email <address>', 'email address for setting up email MFA')
    .addOption(
      new Option('--challenge <factor>', 'first factor for --flow user-auth').choices(
        Object.keys(FIRST_FACTORS),
      ),
    )
    .addOption(
      new Option(
        '--answer <text>',
        'answer to a custom challenge (visible in ps: prefer COGNITO_CHALLENGE_ANSWER or --answer-stdin)',
      ).env('COGNITO_CHALLENGE_ANSWER'),
    )
    .addOption(
      new Option('--endpoint <url>', 'custom Cognito endpoint, e.g. a local moto server').env(
        'COGNITO_ENDPOINT',
      ),
    )
    .option('--region <region>', 'AWS region (default: from the pool id)')
    .option(
      '--non-interactive',
      'never prompt: a missing answer is an error (the default when stdin is not a TTY)',
    );
}

/** `--attribute name=value` flags as an attribute map. */
export function parseAttributeFlags(values: readonly string[]): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const value of values) {
    const at = value.indexOf('=');
    if (at <= 0) throw usageError(`--attribute wants name=value, got "${value.slice(0, 64)}"`);
    attributes[value.slice(0, at)] = value.slice(at + 1);
  }
  return attributes;
}

/**
 * The AuthClient configuration the flags describe. The client secret comes from an environment variable,
 * never from the command line (where `ps` would show it).
 */
export function authConfigFromFlags(flags: SignInFlags, env: NodeJS.ProcessEnv): AuthClientConfig {
  if (!flags.userPoolId) throw usageError('--user-pool-id (or COGNITO_USER_POOL_ID) is required');
  if (!flags.clientId) throw usageError('--client-id (or COGNITO_CLIENT_ID) is required');
  const secretVariable = flags.clientSecretEnv ?? ENV.clientSecret;
  const clientSecret = env[secretVariable];
  if (flags.clientSecretEnv !== undefined && !clientSecret) {
    throw usageError(`--client-secret-env ${flags.clientSecretEnv}: that environment variable is not set`);
  }
  return {
    userPoolId: flags.userPoolId,
    clientId: flags.clientId,
    ...(clientSecret ? { clientSecret } : {}),
    ...(flags.region ? { region: flags.region } : {}),
    ...(flags.endpoint ? { endpoint: flags.endpoint } : {}),
  };
}
