import { cognitoException } from './cognito-exception.js';
import type { ChallengeStage } from './sign-in-scenario.js';

/**
 * Options of a NEW_PASSWORD_REQUIRED scenario (an admin-created user's first sign-in).
 *
 * @example
 * ```ts
 * cognito.signInRequiresNewPassword('alice', { requiredAttributes: ['email'], userAttributes: { name: 'Alice' } });
 * ```
 */
export interface NewPasswordOptions {
  /** Attributes the user must give with the new password (Cognito lists them as `userAttributes.<name>`). */
  readonly requiredAttributes?: readonly string[];
  /** The user's current attributes, as Cognito sends them with the challenge. */
  readonly userAttributes?: Readonly<Record<string, string>>;
}

/**
 * Options of a code challenge (SMS_MFA, SOFTWARE_TOKEN_MFA).
 *
 * @example
 * ```ts
 * cognito.signInRequiresTotp('bob', { code: '123456' }); // any other code is a CodeMismatch
 * ```
 */
export interface CodeChallengeOptions {
  /** The only code accepted; any well-formed six-digit code is accepted when omitted. */
  readonly code?: string;
}

/**
 * Options of an SMS_MFA scenario.
 *
 * @example
 * ```ts
 * cognito.signInRequiresSmsMfa('dave', { destination: '+*******0042', code: '654321' });
 * ```
 */
export interface SmsMfaOptions extends CodeChallengeOptions {
  /** The masked phone number Cognito reports (default `+*******1234`). */
  readonly destination?: string;
}

/**
 * The NEW_PASSWORD_REQUIRED challenge: Cognito sends `requiredAttributes` and `userAttributes` as JSON
 * strings and refuses an answer without `NEW_PASSWORD` or with a required attribute missing.
 *
 * @example
 * ```ts
 * const stage = newPasswordStage({ requiredAttributes: ['email'] });
 * ```
 */
export function newPasswordStage(options: NewPasswordOptions = {}): ChallengeStage {
  const required = options.requiredAttributes ?? [];
  return {
    challenge: 'NEW_PASSWORD_REQUIRED',
    parameters: (username) => ({
      USER_ID_FOR_SRP: username,
      requiredAttributes: JSON.stringify(required.map((name) => `userAttributes.${name}`)),
      userAttributes: JSON.stringify(options.userAttributes ?? {}),
    }),
    problem: (responses) => {
      if (!responses.NEW_PASSWORD) {
        return cognitoException('InvalidParameterException', {
          message: 'Missing required parameter NEW_PASSWORD',
        });
      }
      const missing = required.find((name) => !responses[`userAttributes.${name}`]);
      return missing === undefined
        ? undefined
        : cognitoException('InvalidParameterException', {
            message: `Invalid attributes given, ${missing} is missing`,
          });
    },
  };
}

/** Checks a one-time code answer: six digits, and `expected` when given. */
function codeProblem(code: string | undefined, expected: string | undefined): Error | undefined {
  if (!code || !/^\d{6}$/.test(code)) {
    return cognitoException('InvalidParameterException', { message: 'Invalid code, it must be six digits' });
  }
  return expected !== undefined && code !== expected ? cognitoException('CodeMismatchException') : undefined;
}

/**
 * The SOFTWARE_TOKEN_MFA challenge (authenticator app), answered with `SOFTWARE_TOKEN_MFA_CODE`.
 *
 * @example
 * ```ts
 * const stage = totpStage({ code: '123456' });
 * ```
 */
export function totpStage(options: CodeChallengeOptions = {}): ChallengeStage {
  return {
    challenge: 'SOFTWARE_TOKEN_MFA',
    parameters: () => ({}),
    problem: (responses) => codeProblem(responses.SOFTWARE_TOKEN_MFA_CODE, options.code),
  };
}

/**
 * The SMS_MFA challenge, with Cognito's code-delivery parameters, answered with `SMS_MFA_CODE`.
 *
 * @example
 * ```ts
 * const stage = smsMfaStage({ destination: '+*******0042' });
 * ```
 */
export function smsMfaStage(options: SmsMfaOptions = {}): ChallengeStage {
  return {
    challenge: 'SMS_MFA',
    parameters: (username) => ({
      CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS',
      CODE_DELIVERY_DESTINATION: options.destination ?? '+*******1234',
      USER_ID_FOR_SRP: username,
    }),
    problem: (responses) => codeProblem(responses.SMS_MFA_CODE, options.code),
  };
}
