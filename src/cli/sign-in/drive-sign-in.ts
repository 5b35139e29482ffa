import type {
  AuthClient,
  FirstFactor,
  MfaType,
  SignInError,
  SignInInput,
  SignInStep,
  Step,
  TokenSet,
  UserAttributes,
} from 'cognito-flow';
import type { ResultAsync } from 'neverthrow';
import { authError, fromCognitoError } from '../cli-error.js';
import type { Choice, Prompter } from '../prompts/prompter.js';
import { withSpinner } from '../spinner.js';
import { ENV, FIRST_FACTORS, FLOWS, MFA_TYPES, type SignInFlags } from './options.js';
import { totpSetupText } from './show-totp-setup.js';

/** The answers the command line already holds (flags, environment, stdin). */
export interface PresetAnswers {
  readonly flags: SignInFlags;
  readonly attributes: Readonly<Record<string, string>>;
  /** The password, once read from stdin or the environment; `undefined` means "ask". */
  readonly password: string | undefined;
  readonly newPassword: string | undefined;
}

const MFA_NAMES: Record<MfaType, string> = {
  SMS_MFA: 'SMS code',
  SOFTWARE_TOKEN_MFA: 'Authenticator app (TOTP)',
  EMAIL_OTP: 'Email code',
};

const FACTOR_NAMES: Record<string, string> = {
  PASSWORD: 'Password',
  PASSWORD_SRP: 'Password (SRP)',
  EMAIL_OTP: 'One-time code by email',
  SMS_OTP: 'One-time code by SMS',
};

const PASSWORD_FACTORS: ReadonlySet<string> = new Set(['PASSWORD', 'PASSWORD_SRP']);

/** At most this many challenges in one sign-in (a custom-auth Lambda that never ends is stopped). */
const MAX_STEPS = 25;

function keyOf<T extends Record<string, string>>(table: T, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  return table[value as keyof T];
}

/**
 * Runs a sign-in to the end on the typed step machine: starts the flow the flags ask for, then answers
 * each step Cognito sends (new password and required attributes, MFA codes, MFA choice, TOTP or email
 * MFA setup, USER_AUTH first factor, custom challenges) from the presets or by prompting, and returns the
 * tokens. Steps the CLI cannot finish (passkeys, unconfirmed users, password resets) are auth errors.
 */
export class SignInDriver {
  readonly #auth: AuthClient;
  readonly #prompter: Prompter;
  readonly #presets: PresetAnswers;
  readonly #stderr: NodeJS.WriteStream;
  #password: string | undefined;
  #code: string | undefined;
  #customAnswer: string | undefined;

  constructor(auth: AuthClient, prompter: Prompter, presets: PresetAnswers, stderr: NodeJS.WriteStream) {
    this.#auth = auth;
    this.#prompter = prompter;
    this.#presets = presets;
    this.#stderr = stderr;
    this.#password = presets.password;
    this.#code = presets.flags.code;
    this.#customAnswer = presets.flags.answer;
  }

  async #call<T, E extends { readonly type: string; readonly message: string }>(
    doing: string,
    work: ResultAsync<T, E>,
  ): Promise<T> {
    const result = await withSpinner(this.#stderr, `${doing}…`, work);
    if (result.isErr()) throw fromCognitoError(result.error, doing);
    return result.value;
  }

  async #passwordAnswer(): Promise<string> {
    this.#password ??= await this.#prompter.secret(
      'Password',
      undefined,
      `set ${ENV.password} or pass --password-stdin`,
    );
    return this.#password;
  }

  /** The `--code` preset is used for the first code Cognito asks for; later ones are prompted. */
  async #codeAnswer(message: string): Promise<string> {
    const preset = this.#code;
    this.#code = undefined;
    return this.#prompter.text(message, preset, 'set COGNITO_CODE (or pass --code-stdin)');
  }

  async #start(): Promise<SignInStep> {
    const flags = this.#presets.flags;
    const username = await this.#prompter.text(
      'Username',
      flags.username,
      'pass --username (or set COGNITO_USERNAME)',
    );
    const flow = FLOWS[flags.flow];
    let input: SignInInput;
    if (flow === 'USER_SRP_AUTH' || flow === 'USER_PASSWORD_AUTH') {
      input = { username, password: await this.#passwordAnswer(), flow };
    } else if (flow === 'CUSTOM_AUTH') {
      // A custom flow starts with SRP when a password is at hand; it is never prompted for here.
      input = { username, flow, ...(this.#password !== undefined ? { password: this.#password } : {}) };
    } else {
      const preferred = keyOf(FIRST_FACTORS, flags.challenge) as FirstFactor | undefined;
      const password =
        preferred && PASSWORD_FACTORS.has(preferred) ? { password: await this.#passwordAnswer() } : {};
      input = { username, flow, ...(preferred ? { preferredChallenge: preferred } : {}), ...password };
    }
    return this.#call<SignInStep, SignInError>('Sign-in', this.#auth.signIn(input));
  }

  /** Signs in and returns the tokens. */
  async run(): Promise<TokenSet> {
    let step = await this.#start();
    for (let round = 0; round < MAX_STEPS; round += 1) {
      if (step.step === 'SIGNED_IN') return step.tokens;
      step = await this.#answer(step);
    }
    throw authError(`Sign-in did not finish after ${MAX_STEPS} challenges`);
  }

  async #answer(step: Exclude<SignInStep, { step: 'SIGNED_IN' }>): Promise<SignInStep> {
    switch (step.step) {
      case 'NEW_PASSWORD_REQUIRED':
        return this.#newPassword(step);
      case 'SMS_MFA':
      case 'SOFTWARE_TOKEN_MFA':
      case 'EMAIL_OTP':
      case 'SMS_OTP':
        return this.#submitCode(step);
      case 'SELECT_MFA_TYPE':
        return this.#selectMfaType(step);
      case 'MFA_SETUP':
        return this.#setUpMfa(step);
      case 'SELECT_CHALLENGE':
        return this.#selectChallenge(step);
      case 'CUSTOM_CHALLENGE':
        return this.#customChallenge(step);
      case 'WEB_AUTHN':
        throw authError(
          'Cognito asked for a passkey (WEB_AUTHN), which needs a browser; choose another factor',
        );
      case 'UNSUPPORTED_CHALLENGE':
        throw authError(`Cognito asked for ${step.challengeName}, which this command cannot answer`);
      case 'CONFIRM_SIGN_UP':
        throw authError('The user has not confirmed the sign-up yet; confirm it with the code Cognito sent');
      case 'RESET_PASSWORD':
        throw authError('The user must reset the password (forgot-password flow) before signing in');
    }
  }

  async #newPassword(step: Step<'NEW_PASSWORD_REQUIRED'>): Promise<SignInStep> {
    this.#prompter.note('Cognito requires a new password for this user.');
    const newPassword = await this.#prompter.newSecret(
      'New password',
      this.#presets.newPassword,
      `set ${ENV.newPassword}`,
    );
    const attributes: Record<string, string> = { ...this.#presets.attributes };
    for (const name of step.requiredAttributes) {
      attributes[name] = await this.#prompter.text(
        `Value for the required attribute ${name}`,
        attributes[name] ?? step.userAttributes[name],
        `pass --attribute ${name}=value`,
      );
    }
    return this.#call(
      'Setting the new password',
      this.#auth.completeNewPassword(step, newPassword, { attributes: attributes as UserAttributes }),
    );
  }

  async #submitCode(
    step: Step<'SMS_MFA' | 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP' | 'SMS_OTP'>,
  ): Promise<SignInStep> {
    const where = step.codeDelivery?.destination ? ` (sent to ${step.codeDelivery.destination})` : '';
    const message =
      step.step === 'SOFTWARE_TOKEN_MFA'
        ? 'Code from your authenticator app'
        : step.step === 'SMS_MFA' || step.step === 'SMS_OTP'
          ? `Code from the SMS${where}`
          : `Code from the email${where}`;
    const code = await this.#codeAnswer(message);
    return this.#call('Checking the code', this.#auth.submitCode(step, code));
  }

  async #selectMfaType(step: Step<'SELECT_MFA_TYPE'>): Promise<SignInStep> {
    const choices: Choice<MfaType>[] = step.allowedTypes.map((type) => ({
      value: type,
      name: MFA_NAMES[type],
    }));
    if (choices.length === 0) throw authError('Cognito offered no MFA method to choose from');
    const type = await this.#prompter.choose(
      'Which MFA method?',
      choices,
      keyOf(MFA_TYPES, this.#presets.flags.mfaType),
      'pass --mfa-type',
    );
    return this.#call('Choosing the MFA method', this.#auth.selectMfaType(step, type));
  }

  async #setUpMfa(step: Step<'MFA_SETUP'>): Promise<SignInStep> {
    const offered: MfaType[] =
      step.allowedTypes.length === 0 ? ['SOFTWARE_TOKEN_MFA'] : [...step.allowedTypes];
    const choices = offered
      .filter((type): type is 'SOFTWARE_TOKEN_MFA' | 'EMAIL_OTP' => type !== 'SMS_MFA')
      .map((type) => ({ value: type, name: MFA_NAMES[type] }));
    if (choices.length === 0) {
      throw authError(
        'MFA must be set up, and only SMS is offered; an administrator has to add a phone number',
      );
    }
    this.#prompter.note('This user must set up MFA before signing in.');
    const type = await this.#prompter.choose(
      'Which MFA method do you want to set up?',
      choices,
      keyOf(MFA_TYPES, this.#presets.flags.mfaType),
      'pass --mfa-type',
    );
    if (type === 'EMAIL_OTP') {
      const email = await this.#prompter.text(
        'Email address for MFA codes',
        this.#presets.flags.mfaEmail,
        'pass --mfa-email',
      );
      return this.#call('Setting up email MFA', this.#auth.setUpEmailMfa(step, email));
    }
    const setup = await this.#call('Setting up the authenticator app', this.#auth.setUpTotp(step));
    this.#prompter.note(totpSetupText(setup));
    const code = await this.#codeAnswer('Code from your authenticator app');
    return this.#call('Verifying the authenticator code', this.#auth.verifyTotpSetup(setup.step, code));
  }

  async #selectChallenge(step: Step<'SELECT_CHALLENGE'>): Promise<SignInStep> {
    const choices = step.availableChallenges
      .filter((name) => name in FACTOR_NAMES)
      .map((name) => ({ value: name as FirstFactor, name: FACTOR_NAMES[name] ?? name }));
    if (choices.length === 0) {
      throw authError(
        `Cognito offered only ${step.availableChallenges.join(', ') || 'nothing'}, which this command cannot answer`,
      );
    }
    const choice = await this.#prompter.choose(
      'How do you want to sign in?',
      choices,
      keyOf(FIRST_FACTORS, this.#presets.flags.challenge),
      'pass --challenge',
    );
    const options = PASSWORD_FACTORS.has(choice) ? { password: await this.#passwordAnswer() } : {};
    return this.#call('Choosing the sign-in method', this.#auth.selectChallenge(step, choice, options));
  }

  async #customChallenge(step: Step<'CUSTOM_CHALLENGE'>): Promise<SignInStep> {
    const entries = Object.entries(step.parameters);
    if (entries.length > 0) {
      this.#prompter.note('Challenge:');
      for (const [name, value] of entries) this.#prompter.note(`  ${name}: ${value}`);
    }
    const preset = this.#customAnswer;
    this.#customAnswer = undefined;
    const answer = await this.#prompter.text(
      step.parameters.question ?? 'Answer',
      preset,
      'set COGNITO_CHALLENGE_ANSWER (or pass --answer-stdin)',
    );
    return this.#call('Answering the challenge', this.#auth.answerCustomChallenge(step, answer));
  }
}
