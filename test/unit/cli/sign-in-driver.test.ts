import { PassThrough } from 'node:stream';
import {
  AssociateSoftwareTokenCommand,
  type ChallengeNameType,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { CliError } from '../../../src/cli/cli-error.js';
import type { CliIo } from '../../../src/cli/io.js';
import { Prompter } from '../../../src/cli/prompts/prompter.js';
import { type PresetAnswers, SignInDriver } from '../../../src/cli/sign-in/drive-sign-in.js';
import type { SignInFlags } from '../../../src/cli/sign-in/options.js';
import { AuthClient } from '../../../src/index.js';
import { fakeAccessToken, fakeIdToken } from '../../support/jwt.js';

// aws-sdk-client-mock stands in for Cognito here: moto cannot send SELECT_MFA_TYPE, email MFA setup,
// USER_AUTH choices or custom challenges. The built binary runs against moto in test/integration/cli.
const cognito = mockClient(CognitoIdentityProviderClient);
const tokens = {
  IdToken: fakeIdToken('alice'),
  AccessToken: fakeAccessToken('alice'),
  ExpiresIn: 3600,
  TokenType: 'Bearer',
};
const challenge = (name: ChallengeNameType, parameters: Record<string, string> = {}) => ({
  ChallengeName: name,
  Session: `${name}-session`,
  ChallengeParameters: { USER_ID_FOR_SRP: 'alice', ...parameters },
});

/** A driver with no terminal (stdin is a pipe): every answer must come from the presets. */
function driver(flags: Partial<SignInFlags>, presets: Partial<PresetAnswers> = {}) {
  const stderr = new PassThrough() as unknown as NodeJS.WriteStream;
  let shown = '';
  (stderr as unknown as PassThrough).on('data', (chunk: Buffer) => {
    shown += chunk.toString();
  });
  const io: CliIo = {
    stdin: new PassThrough() as unknown as NodeJS.ReadStream,
    stdout: new PassThrough(),
    stderr,
    env: {},
  };
  const auth = AuthClient.create({ userPoolId: 'eu-west-1_AbC123', clientId: 'client1' })._unsafeUnwrap();
  const allFlags: SignInFlags = { flow: 'password', attribute: [], username: 'alice', ...flags };
  const run = new SignInDriver(
    auth,
    new Prompter(io),
    { flags: allFlags, attributes: {}, password: 'Passw0rd!', newPassword: undefined, ...presets },
    stderr,
  );
  return { run: () => run.run(), shown: () => shown };
}

function responses(index: number) {
  return cognito.commandCalls(RespondToAuthChallengeCommand)[index]?.args[0].input;
}

async function failure(promise: Promise<unknown>): Promise<CliError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof CliError)) throw new Error(`expected a CliError, got ${String(error)}`);
  return error;
}

describe('SignInDriver answers every challenge from flags (Cognito mocked with aws-sdk-client-mock)', () => {
  beforeEach(() => cognito.reset());

  it('SELECT_MFA_TYPE with --mfa-type totp, then SOFTWARE_TOKEN_MFA with --code', async () => {
    cognito
      .on(InitiateAuthCommand)
      .resolves(challenge('SELECT_MFA_TYPE', { MFAS_CAN_CHOOSE: '["SMS_MFA","SOFTWARE_TOKEN_MFA"]' }));
    cognito
      .on(RespondToAuthChallengeCommand)
      .resolvesOnce(challenge('SOFTWARE_TOKEN_MFA'))
      .resolvesOnce({ AuthenticationResult: tokens });
    const result = await driver({ mfaType: 'totp', code: '123456' }).run();
    expect(result.idToken).toBe(tokens.IdToken);
    expect(responses(0)?.ChallengeResponses?.ANSWER).toBe('SOFTWARE_TOKEN_MFA');
    expect(responses(1)?.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
    expect(responses(1)?.ChallengeResponses?.SOFTWARE_TOKEN_MFA_CODE).toBe('123456');
  });

  it('a second code step does not reuse --code: without a terminal it is a usage error', async () => {
    cognito.on(InitiateAuthCommand).resolves(challenge('SMS_MFA', { CODE_DELIVERY_DESTINATION: '+***1234' }));
    cognito.on(RespondToAuthChallengeCommand).resolves(challenge('SOFTWARE_TOKEN_MFA'));
    const error = await failure(driver({ code: '111111' }).run());
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(
      'Code from your authenticator app is needed but there is no terminal to ask on: set COGNITO_CODE (or pass --code-stdin)',
    );
    expect(responses(0)?.ChallengeResponses?.SMS_MFA_CODE).toBe('111111');
  });

  it('MFA_SETUP with TOTP shows the QR code, the secret and the otpauth URI on stderr, then verifies --code', async () => {
    cognito
      .on(InitiateAuthCommand)
      .resolves(challenge('MFA_SETUP', { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' }));
    cognito
      .on(AssociateSoftwareTokenCommand)
      .resolves({ SecretCode: 'JBSWY3DPEHPK3PXP', Session: 'assoc-session' });
    cognito.on(VerifySoftwareTokenCommand).resolves({ Status: 'SUCCESS', Session: 'verified-session' });
    cognito.on(RespondToAuthChallengeCommand).resolves({ AuthenticationResult: tokens });
    const d = driver({ code: '654321' });
    await d.run();
    expect(d.shown()).toContain('Scan this QR code with your authenticator app:');
    expect(d.shown()).toMatch(/[▀▄█]/);
    expect(d.shown()).toContain('Or enter the secret by hand: JBSWY3DPEHPK3PXP');
    expect(d.shown()).toMatch(/otpauth URI: otpauth:\/\/totp\/[^\n]*secret=JBSWY3DPEHPK3PXP/);
    expect(cognito.commandCalls(VerifySoftwareTokenCommand)[0]?.args[0].input.UserCode).toBe('654321');
    expect(responses(0)?.ChallengeName).toBe('MFA_SETUP');
    expect(responses(0)?.Session).toBe('verified-session');
  });

  it('MFA_SETUP by email with --mfa-type email and --mfa-email, then the EMAIL_OTP code', async () => {
    cognito
      .on(InitiateAuthCommand)
      .resolves(challenge('MFA_SETUP', { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA","EMAIL_OTP"]' }));
    cognito
      .on(RespondToAuthChallengeCommand)
      .resolvesOnce(challenge('EMAIL_OTP', { CODE_DELIVERY_DESTINATION: 'a***@e***' }))
      .resolvesOnce({ AuthenticationResult: tokens });
    await driver({ mfaType: 'email', mfaEmail: 'alice@example.com', code: '24680135' }).run();
    expect(responses(0)?.ChallengeResponses?.EMAIL).toBe('alice@example.com');
    expect(responses(1)?.ChallengeResponses?.EMAIL_OTP_CODE).toBe('24680135');
  });

  it('MFA_SETUP offering only SMS is an auth error (exit 1)', async () => {
    cognito.on(InitiateAuthCommand).resolves(challenge('MFA_SETUP', { MFAS_CAN_SETUP: '["SMS_MFA"]' }));
    const error = await failure(driver({}).run());
    expect(error.exitCode).toBe(1);
    expect(error.message).toContain('only SMS is offered');
  });

  it('a --mfa-type the step does not offer is a usage error naming the choices', async () => {
    cognito
      .on(InitiateAuthCommand)
      .resolves(challenge('SELECT_MFA_TYPE', { MFAS_CAN_CHOOSE: '["SMS_MFA","EMAIL_OTP"]' }));
    const error = await failure(driver({ mfaType: 'totp' }).run());
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(
      'Which MFA method?: "SOFTWARE_TOKEN_MFA" is not offered here (choose SMS_MFA, EMAIL_OTP)',
    );
  });

  it('NEW_PASSWORD_REQUIRED sends the new password and the required attributes from --attribute', async () => {
    cognito.on(InitiateAuthCommand).resolves(
      challenge('NEW_PASSWORD_REQUIRED', {
        requiredAttributes: '["userAttributes.email"]',
        userAttributes: '{}',
      }),
    );
    cognito.on(RespondToAuthChallengeCommand).resolves({ AuthenticationResult: tokens });
    await driver({}, { newPassword: 'N3w-Passw0rd!', attributes: { email: 'alice@example.com' } }).run();
    expect(responses(0)?.ChallengeResponses).toMatchObject({
      NEW_PASSWORD: 'N3w-Passw0rd!',
      'userAttributes.email': 'alice@example.com',
    });
  });

  it('a required attribute with no value and no terminal names the --attribute flag', async () => {
    cognito.on(InitiateAuthCommand).resolves(
      challenge('NEW_PASSWORD_REQUIRED', {
        requiredAttributes: '["userAttributes.birthdate"]',
        userAttributes: '{}',
      }),
    );
    const error = await failure(driver({}, { newPassword: 'N3w-Passw0rd!' }).run());
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('pass --attribute birthdate=value');
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)).toHaveLength(0);
  });

  it('USER_AUTH: --challenge email-otp answers SELECT_CHALLENGE, then the emailed code', async () => {
    cognito.on(InitiateAuthCommand).resolves({
      ...challenge('SELECT_CHALLENGE'),
      AvailableChallenges: ['PASSWORD', 'EMAIL_OTP', 'WEB_AUTHN'],
    });
    cognito
      .on(RespondToAuthChallengeCommand)
      .resolvesOnce(challenge('EMAIL_OTP', { CODE_DELIVERY_DESTINATION: 'a***@e***' }))
      .resolvesOnce({ AuthenticationResult: tokens });
    await driver(
      { flow: 'user-auth', challenge: 'email-otp', code: '13579246' },
      { password: undefined },
    ).run();
    const started = cognito.commandCalls(InitiateAuthCommand)[0]?.args[0].input;
    expect(started?.AuthFlow).toBe('USER_AUTH');
    expect(started?.AuthParameters?.PREFERRED_CHALLENGE).toBe('EMAIL_OTP');
    expect(responses(0)?.ChallengeResponses?.ANSWER).toBe('EMAIL_OTP');
    expect(responses(1)?.ChallengeResponses?.EMAIL_OTP_CODE).toBe('13579246');
  });

  it('USER_AUTH offering only a passkey is an auth error: passkeys need a browser', async () => {
    cognito
      .on(InitiateAuthCommand)
      .resolves({ ...challenge('SELECT_CHALLENGE'), AvailableChallenges: ['WEB_AUTHN'] });
    const error = await failure(driver({ flow: 'user-auth' }, { password: undefined }).run());
    expect(error.exitCode).toBe(1);
    expect(error.message).toBe('Cognito offered only WEB_AUTHN, which this command cannot answer');
  });

  it('CUSTOM_CHALLENGE shows the parameters, answers with --answer once, and asks again for the next round', async () => {
    cognito
      .on(InitiateAuthCommand)
      .resolves(challenge('CUSTOM_CHALLENGE', { question: 'Capital of France?' }));
    cognito
      .on(RespondToAuthChallengeCommand)
      .resolves(challenge('CUSTOM_CHALLENGE', { question: 'And of Spain?' }));
    const d = driver({ flow: 'custom', answer: 'Paris' }, { password: undefined });
    const error = await failure(d.run());
    expect(responses(0)?.ChallengeResponses?.ANSWER).toBe('Paris');
    expect(d.shown()).toContain('  question: Capital of France?');
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe(
      'And of Spain? is needed but there is no terminal to ask on: set COGNITO_CHALLENGE_ANSWER (or pass --answer-stdin)',
    );
  });

  it('a wrong MFA code maps to exit 1 with the step named', async () => {
    cognito.on(InitiateAuthCommand).resolves(challenge('SOFTWARE_TOKEN_MFA'));
    cognito.on(RespondToAuthChallengeCommand).rejects(
      Object.assign(new Error('Invalid code received for user'), {
        name: 'CodeMismatchException',
        $metadata: { httpStatusCode: 400 },
      }),
    );
    const error = await failure(driver({ code: '000000' }).run());
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(/^Checking the code failed \(CodeMismatch\): /);
    expect(error.message).not.toContain('000000');
  });
});
