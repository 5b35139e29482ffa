import { createHmac } from 'node:crypto';
import {
  AssociateSoftwareTokenCommand,
  CodeMismatchException,
  CognitoIdentityProviderClient,
  ExpiredCodeException,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuthClient, type SignInStep, type Step } from '../../../src/index.js';
import { fakeAccessToken, fakeIdToken } from '../../support/jwt.js';

const cognito = mockClient(CognitoIdentityProviderClient);
const userPoolId = 'eu-west-1_AbC123';
const clientId = 'client1';
const clientSecret = 'mfa-client-secret';
const NOW = 1_800_000_000_000;
const meta = { $metadata: { requestId: 'req-mfa', httpStatusCode: 400 } };
const tokens = {
  IdToken: fakeIdToken('alice'),
  AccessToken: fakeAccessToken('alice'),
  ExpiresIn: 3600,
  TokenType: 'Bearer',
};
const hash = (u: string) =>
  createHmac('sha256', clientSecret)
    .update(u + clientId)
    .digest('base64');

function client(options: { secret?: boolean; now?: () => number } = {}) {
  return AuthClient.create({
    userPoolId,
    clientId,
    ...(options.secret ? { clientSecret } : {}),
    now: options.now ?? (() => NOW),
  })._unsafeUnwrap();
}

/** Signs in with USER_PASSWORD_AUTH and returns the step Cognito's (mocked) first answer maps to. */
async function stepAfterPassword(answer: object, auth = client()): Promise<SignInStep> {
  cognito.on(InitiateAuthCommand).resolves(answer);
  return (
    await auth.signIn({ username: 'alice', password: 'Passw0rd!', flow: 'USER_PASSWORD_AUTH' })
  )._unsafeUnwrap();
}

// Challenge answers shaped as the Cognito API reference documents them.
const smsMfa = {
  ChallengeName: 'SMS_MFA',
  Session: 'sms-session',
  ChallengeParameters: {
    CODE_DELIVERY_DELIVERY_MEDIUM: 'SMS',
    CODE_DELIVERY_DESTINATION: '+*******1234',
    USER_ID_FOR_SRP: 'internal-alice',
  },
} as const;
const totpMfa = {
  ChallengeName: 'SOFTWARE_TOKEN_MFA',
  Session: 'totp-session',
  ChallengeParameters: { USER_ID_FOR_SRP: 'internal-alice' },
} as const;
const emailOtp = {
  ChallengeName: 'EMAIL_OTP',
  Session: 'email-session',
  ChallengeParameters: {
    CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL',
    CODE_DELIVERY_DESTINATION: 'a***@e***',
    USER_ID_FOR_SRP: 'internal-alice',
  },
} as const;
const selectMfa = {
  ChallengeName: 'SELECT_MFA_TYPE',
  Session: 'select-session',
  ChallengeParameters: {
    MFAS_CAN_CHOOSE: '["SMS_MFA","SOFTWARE_TOKEN_MFA","EMAIL_OTP"]',
    USER_ID_FOR_SRP: 'internal-alice',
  },
} as const;
const mfaSetup = {
  ChallengeName: 'MFA_SETUP',
  Session: 'setup-session',
  ChallengeParameters: {
    MFAS_CAN_SETUP: '["SMS_MFA","SOFTWARE_TOKEN_MFA","EMAIL_OTP"]',
    USER_ID_FOR_SRP: 'internal-alice',
  },
} as const;

beforeEach(() => {
  cognito.reset();
});

describe('code steps: SMS_MFA, SOFTWARE_TOKEN_MFA, EMAIL_OTP', () => {
  it('SMS_MFA carries where the code went', async () => {
    expect(await stepAfterPassword(smsMfa)).toMatchObject({
      step: 'SMS_MFA',
      session: 'sms-session',
      challengeUsername: 'internal-alice',
      codeDelivery: { destination: '+*******1234', medium: 'SMS' },
    });
  });

  it('SOFTWARE_TOKEN_MFA has no code delivery', async () => {
    const step = await stepAfterPassword(totpMfa);
    expect(step.step).toBe('SOFTWARE_TOKEN_MFA');
    expect('codeDelivery' in step).toBe(false);
  });

  it.each([
    ['SMS_MFA', smsMfa, 'SMS_MFA_CODE'],
    ['SOFTWARE_TOKEN_MFA', totpMfa, 'SOFTWARE_TOKEN_MFA_CODE'],
    ['EMAIL_OTP', emailOtp, 'EMAIL_OTP_CODE'],
  ] as const)(
    'submitCode answers %s with %s, USERNAME and SECRET_HASH, and signs in',
    async (name, answer, key) => {
      const auth = client({ secret: true });
      const step = await stepAfterPassword(answer, auth);
      cognito.on(RespondToAuthChallengeCommand).resolves({ AuthenticationResult: tokens });
      const done = await auth.submitCode(step as Step<typeof name>, ' 123 456 ');
      expect(done._unsafeUnwrap().step).toBe('SIGNED_IN');
      expect(cognito.commandCalls(RespondToAuthChallengeCommand)[0]?.args[0].input).toEqual({
        ChallengeName: name,
        ClientId: clientId,
        Session: answer.Session,
        ChallengeResponses: {
          [key]: '123456',
          USERNAME: 'internal-alice',
          SECRET_HASH: hash('internal-alice'),
        },
      });
    },
  );

  it.each(['', '12', 'abcdef', '12345678901'])(
    'rejects the code %j locally, without a request',
    async (code) => {
      const auth = client();
      const step = await stepAfterPassword(smsMfa, auth);
      expect((await auth.submitCode(step as Step<'SMS_MFA'>, code))._unsafeUnwrapErr().type).toBe(
        'InvalidParameter',
      );
      expect(cognito.commandCalls(RespondToAuthChallengeCommand)).toHaveLength(0);
    },
  );

  it('maps a wrong code to CodeMismatch and keeps the step answerable', async () => {
    const auth = client();
    const step = (await stepAfterPassword(smsMfa, auth)) as Step<'SMS_MFA'>;
    cognito
      .on(RespondToAuthChallengeCommand)
      .rejectsOnce(
        new CodeMismatchException({ message: 'Invalid code or auth state for the user.', ...meta }),
      )
      .resolves({ AuthenticationResult: tokens });
    const wrong = await auth.submitCode(step, '000000');
    expect(wrong._unsafeUnwrapErr().type).toBe('CodeMismatch');
    expect(JSON.stringify(wrong._unsafeUnwrapErr())).not.toContain('000000');
    expect((await auth.submitCode(step, '123456'))._unsafeUnwrap().step).toBe('SIGNED_IN');
  });

  it('maps an expired code to ExpiredCode', async () => {
    const auth = client();
    const step = (await stepAfterPassword(emailOtp, auth)) as Step<'EMAIL_OTP'>;
    cognito
      .on(RespondToAuthChallengeCommand)
      .rejects(new ExpiredCodeException({ message: 'Code expired', ...meta }));
    expect((await auth.submitCode(step, '123456'))._unsafeUnwrapErr().type).toBe('ExpiredCode');
  });

  it('refuses to answer the same step twice once Cognito accepted it, without a request', async () => {
    const auth = client();
    const step = (await stepAfterPassword(smsMfa, auth)) as Step<'SMS_MFA'>;
    cognito.on(RespondToAuthChallengeCommand).resolves({ AuthenticationResult: tokens });
    (await auth.submitCode(step, '123456'))._unsafeUnwrap();
    const again = await auth.submitCode(step, '123456');
    expect(again._unsafeUnwrapErr()).toMatchObject({ type: 'InvalidStep' });
    expect(again._unsafeUnwrapErr().message).toContain('already answered');
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)).toHaveLength(1);
  });

  it("maps Cognito's own answer to a reused session to SessionExpired", async () => {
    const auth = client();
    const step = (await stepAfterPassword(smsMfa, auth)) as Step<'SMS_MFA'>;
    cognito.on(RespondToAuthChallengeCommand).rejects(
      Object.assign(
        new CodeMismatchException({
          message: 'Invalid session for the user, session is expired.',
          ...meta,
        }),
      ),
    );
    expect((await auth.submitCode(step, '123456'))._unsafeUnwrapErr().type).toBe('SessionExpired');
  });

  it('refuses a step of another kind (a CUSTOM_CHALLENGE cast by untyped code) without a request', async () => {
    const auth = client();
    const step = await stepAfterPassword(
      { ChallengeName: 'CUSTOM_CHALLENGE', Session: 's', ChallengeParameters: {} },
      auth,
    );
    expect(
      (await auth.submitCode(step as unknown as Step<'SMS_MFA'>, '123456'))._unsafeUnwrapErr().type,
    ).toBe('InvalidStep');
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)).toHaveLength(0);
  });
});

describe('SELECT_MFA_TYPE', () => {
  it('lists the allowed types and leads to the chosen code step', async () => {
    const auth = client();
    const step = await stepAfterPassword(selectMfa, auth);
    expect(step).toMatchObject({
      step: 'SELECT_MFA_TYPE',
      allowedTypes: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'],
    });
    cognito.on(RespondToAuthChallengeCommand).resolves(totpMfa);
    const next = (
      await auth.selectMfaType(step as Step<'SELECT_MFA_TYPE'>, 'SOFTWARE_TOKEN_MFA')
    )._unsafeUnwrap();
    expect(next.step).toBe('SOFTWARE_TOKEN_MFA');
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)[0]?.args[0].input).toMatchObject({
      ChallengeName: 'SELECT_MFA_TYPE',
      Session: 'select-session',
      ChallengeResponses: { ANSWER: 'SOFTWARE_TOKEN_MFA', USERNAME: 'internal-alice' },
    });
  });

  it('rejects a type the step does not allow, without a request', async () => {
    const auth = client();
    const step = await stepAfterPassword(
      { ...selectMfa, ChallengeParameters: { MFAS_CAN_CHOOSE: '["SMS_MFA"]' } },
      auth,
    );
    const error = (await auth.selectMfaType(step as Step<'SELECT_MFA_TYPE'>, 'EMAIL_OTP'))._unsafeUnwrapErr();
    expect(error.type).toBe('InvalidParameter');
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)).toHaveLength(0);
  });

  it('accepts MFAS_CAN_CHOOSE sent as a JSON array rather than a string, dropping unknown names', async () => {
    const step = await stepAfterPassword({
      ...selectMfa,
      ChallengeParameters: { MFAS_CAN_CHOOSE: ['SMS_MFA', 'PIGEON'] },
    });
    expect(step).toMatchObject({ step: 'SELECT_MFA_TYPE', allowedTypes: ['SMS_MFA'] });
  });

  it('reports malformed MFAS_CAN_CHOOSE as Unexpected', async () => {
    cognito
      .on(InitiateAuthCommand)
      .resolves({ ...selectMfa, ChallengeParameters: { MFAS_CAN_CHOOSE: '["SMS_MFA"' } });
    const error = (
      await client().signIn({ username: 'alice', password: 'Passw0rd!', flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrapErr();
    expect(error.type).toBe('Unexpected');
  });
});

describe('MFA_SETUP during sign-in', () => {
  it('setUpTotp associates a token with the session and returns the secret, an otpauth URI and the next step', async () => {
    let now = NOW;
    const auth = client({ now: () => now });
    const step = (await stepAfterPassword(mfaSetup, auth)) as Step<'MFA_SETUP'>;
    expect(step.allowedTypes).toEqual(['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP']);
    cognito
      .on(AssociateSoftwareTokenCommand)
      .resolves({ SecretCode: 'JBSWY3DPEHPK3PXP', Session: 'associated-session' });
    now += 60_000;
    const setup = (
      await auth.setUpTotp(step, { issuer: 'Acme Corp', accountName: 'alice@example.com' })
    )._unsafeUnwrap();
    expect(setup.secret).toBe('JBSWY3DPEHPK3PXP');
    expect(setup.uri).toBe(
      'otpauth://totp/Acme%20Corp:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Acme%20Corp',
    );
    expect(setup.step).toMatchObject({
      step: 'MFA_SETUP',
      session: 'associated-session',
      expiresAt: now + 180_000,
    });
    expect(cognito.commandCalls(AssociateSoftwareTokenCommand)[0]?.args[0].input).toEqual({
      Session: 'setup-session',
    });
  });

  it('verifyTotpSetup verifies the code, then answers MFA_SETUP with the session VerifySoftwareToken returned', async () => {
    const auth = client({ secret: true });
    const step = (await stepAfterPassword(mfaSetup, auth)) as Step<'MFA_SETUP'>;
    cognito
      .on(AssociateSoftwareTokenCommand)
      .resolves({ SecretCode: 'JBSWY3DPEHPK3PXP', Session: 'associated-session' });
    cognito.on(VerifySoftwareTokenCommand).resolves({ Status: 'SUCCESS', Session: 'verified-session' });
    cognito.on(RespondToAuthChallengeCommand).resolves({ AuthenticationResult: tokens });
    const setup = (await auth.setUpTotp(step))._unsafeUnwrap();
    expect(setup.uri).toContain('otpauth://totp/Amazon%20Cognito:alice?');
    const done = (
      await auth.verifyTotpSetup(setup.step, '123456', { friendlyDeviceName: 'Phone' })
    )._unsafeUnwrap();
    expect(done.step).toBe('SIGNED_IN');
    expect(cognito.commandCalls(VerifySoftwareTokenCommand)[0]?.args[0].input).toEqual({
      Session: 'associated-session',
      UserCode: '123456',
      FriendlyDeviceName: 'Phone',
    });
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)[0]?.args[0].input).toEqual({
      ChallengeName: 'MFA_SETUP',
      ClientId: clientId,
      Session: 'verified-session',
      ChallengeResponses: { USERNAME: 'internal-alice', SECRET_HASH: hash('internal-alice') },
    });
  });

  it('the original MFA_SETUP step is spent once setUpTotp used its session', async () => {
    const auth = client();
    const step = (await stepAfterPassword(mfaSetup, auth)) as Step<'MFA_SETUP'>;
    cognito.on(AssociateSoftwareTokenCommand).resolves({ SecretCode: 'S', Session: 'associated-session' });
    (await auth.setUpTotp(step))._unsafeUnwrap();
    expect((await auth.setUpTotp(step))._unsafeUnwrapErr().type).toBe('InvalidStep');
    expect(cognito.commandCalls(AssociateSoftwareTokenCommand)).toHaveLength(1);
  });

  it('a rejected TOTP code is CodeMismatch and does not answer the challenge', async () => {
    const auth = client();
    const step = (await stepAfterPassword(mfaSetup, auth)) as Step<'MFA_SETUP'>;
    cognito.on(AssociateSoftwareTokenCommand).resolves({ SecretCode: 'S', Session: 'associated-session' });
    cognito
      .on(VerifySoftwareTokenCommand)
      .rejects(new CodeMismatchException({ message: 'Code mismatch', ...meta }));
    const setup = (await auth.setUpTotp(step))._unsafeUnwrap();
    expect((await auth.verifyTotpSetup(setup.step, '000000'))._unsafeUnwrapErr().type).toBe('CodeMismatch');
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)).toHaveLength(0);
  });

  it('a VerifySoftwareToken status other than SUCCESS is CodeMismatch', async () => {
    const auth = client();
    const step = (await stepAfterPassword(mfaSetup, auth)) as Step<'MFA_SETUP'>;
    cognito.on(AssociateSoftwareTokenCommand).resolves({ SecretCode: 'S', Session: 'a' });
    cognito.on(VerifySoftwareTokenCommand).resolves({ Status: 'ERROR' });
    const setup = (await auth.setUpTotp(step))._unsafeUnwrap();
    expect((await auth.verifyTotpSetup(setup.step, '123456'))._unsafeUnwrapErr().type).toBe('CodeMismatch');
  });

  it.each(['12345', '1234567', 'abcdef'])('verifyTotpSetup rejects %j locally', async (code) => {
    const auth = client();
    const step = (await stepAfterPassword(mfaSetup, auth)) as Step<'MFA_SETUP'>;
    expect((await auth.verifyTotpSetup(step, code))._unsafeUnwrapErr().type).toBe('InvalidParameter');
    expect(cognito.calls()).toHaveLength(1);
  });

  it('setUpTotp refuses when the pool offers only email setup, and an issuer with a colon', async () => {
    const auth = client();
    const emailOnly = (await stepAfterPassword(
      { ...mfaSetup, ChallengeParameters: { MFAS_CAN_SETUP: '["EMAIL_OTP"]' } },
      auth,
    )) as Step<'MFA_SETUP'>;
    expect((await auth.setUpTotp(emailOnly))._unsafeUnwrapErr().type).toBe('InvalidParameter');
    const both = (await stepAfterPassword(mfaSetup, auth)) as Step<'MFA_SETUP'>;
    expect((await auth.setUpTotp(both, { issuer: 'a:b' }))._unsafeUnwrapErr().type).toBe('InvalidParameter');
    expect(cognito.commandCalls(AssociateSoftwareTokenCommand)).toHaveLength(0);
  });

  it('AssociateSoftwareToken without a secret is Unexpected', async () => {
    const auth = client();
    const step = (await stepAfterPassword(mfaSetup, auth)) as Step<'MFA_SETUP'>;
    cognito.on(AssociateSoftwareTokenCommand).resolves({});
    expect((await auth.setUpTotp(step))._unsafeUnwrapErr().type).toBe('Unexpected');
  });

  it('setUpEmailMfa answers MFA_SETUP with EMAIL and leads to the EMAIL_OTP code step', async () => {
    const auth = client();
    const step = (await stepAfterPassword(mfaSetup, auth)) as Step<'MFA_SETUP'>;
    cognito
      .on(RespondToAuthChallengeCommand)
      .resolvesOnce(emailOtp)
      .resolves({ AuthenticationResult: tokens });
    const next = (await auth.setUpEmailMfa(step, 'alice@example.com'))._unsafeUnwrap();
    expect(next).toMatchObject({
      step: 'EMAIL_OTP',
      codeDelivery: { medium: 'EMAIL', destination: 'a***@e***' },
    });
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)[0]?.args[0].input).toMatchObject({
      ChallengeName: 'MFA_SETUP',
      ChallengeResponses: { EMAIL: 'alice@example.com', USERNAME: 'internal-alice' },
    });
    expect((await auth.submitCode(next as Step<'EMAIL_OTP'>, '12345678'))._unsafeUnwrap().step).toBe(
      'SIGNED_IN',
    );
  });

  it('setUpEmailMfa rejects a malformed address and a pool that offers only TOTP', async () => {
    const auth = client();
    const step = (await stepAfterPassword(mfaSetup, auth)) as Step<'MFA_SETUP'>;
    expect((await auth.setUpEmailMfa(step, 'not-an-email'))._unsafeUnwrapErr().type).toBe('InvalidParameter');
    const totpOnly = (await stepAfterPassword(
      { ...mfaSetup, ChallengeParameters: { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' } },
      auth,
    )) as Step<'MFA_SETUP'>;
    expect((await auth.setUpEmailMfa(totpOnly, 'a@example.com'))._unsafeUnwrapErr().type).toBe(
      'InvalidParameter',
    );
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)).toHaveLength(0);
  });
});
