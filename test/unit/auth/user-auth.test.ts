import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  type InitiateAuthCommandOutput,
  NotAuthorizedException,
  RespondToAuthChallengeCommand,
  type RespondToAuthChallengeCommandInput,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuthClient, type Step } from '../../../src/index.js';
import { fakeAccessToken, fakeIdToken } from '../../support/jwt.js';
import { createSrpServer } from '../../support/srp-server.js';

const cognito = mockClient(CognitoIdentityProviderClient);
const userPoolId = 'eu-west-1_PoolName42';
const clientId = 'client1';
const NOW = Date.UTC(2026, 2, 3, 9, 4, 5);
const meta = { $metadata: { requestId: 'req-ua', httpStatusCode: 400 } };
const tokens = {
  IdToken: fakeIdToken('alice'),
  AccessToken: fakeAccessToken('alice'),
  ExpiresIn: 3600,
  TokenType: 'Bearer',
};
const internal = 'internal-alice';

const client = () => AuthClient.create({ userPoolId, clientId, now: () => NOW })._unsafeUnwrap();

// Shaped as the Cognito API reference documents USER_AUTH answers.
const selectChallengeAnswer: InitiateAuthCommandOutput = {
  $metadata: {},
  ChallengeName: 'SELECT_CHALLENGE',
  Session: 'select-session',
  ChallengeParameters: { USERNAME: internal },
  AvailableChallenges: ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'WEB_AUTHN'],
};
const requestOptions = {
  challenge: 'dGVzdC1jaGFsbGVuZ2U',
  timeout: 180000,
  rpId: 'auth.example.com',
  allowCredentials: [{ id: 'Y3JlZC0x', type: 'public-key', transports: ['internal', 'hybrid'] }],
  userVerification: 'required',
};
const webAuthnAnswer = {
  ChallengeName: 'WEB_AUTHN',
  Session: 'webauthn-session',
  ChallengeParameters: { USERNAME: internal, CREDENTIAL_REQUEST_OPTIONS: JSON.stringify(requestOptions) },
} as const;
const assertion = {
  id: 'Y3JlZC0x',
  rawId: 'Y3JlZC0x',
  type: 'public-key',
  response: { clientDataJSON: 'e30', authenticatorData: 'AAAA', signature: 'c2ln', userHandle: 'dXNlcg' },
  clientExtensionResults: {},
  authenticatorAttachment: 'platform',
};

async function selectStep(auth = client()): Promise<Step<'SELECT_CHALLENGE'>> {
  cognito.on(InitiateAuthCommand).resolves(selectChallengeAnswer);
  const step = (await auth.signIn({ username: 'alice@example.com', flow: 'USER_AUTH' }))._unsafeUnwrap();
  if (step.step !== 'SELECT_CHALLENGE') throw new Error(`unexpected ${step.step}`);
  return step;
}

beforeEach(() => {
  cognito.reset();
});

describe('choice-based sign-in (USER_AUTH)', () => {
  it('starts USER_AUTH with only USERNAME and lists the available first factors', async () => {
    const step = await selectStep();
    expect(cognito.commandCalls(InitiateAuthCommand)[0]?.args[0].input).toEqual({
      AuthFlow: 'USER_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: 'alice@example.com' },
    });
    expect(step).toMatchObject({
      step: 'SELECT_CHALLENGE',
      session: 'select-session',
      availableChallenges: ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'WEB_AUTHN'],
    });
  });

  it('sends PREFERRED_CHALLENGE, with the password for PASSWORD', async () => {
    cognito.on(InitiateAuthCommand).resolves({ AuthenticationResult: tokens });
    const auth = client();
    (
      await auth.signIn({
        username: 'alice',
        flow: 'USER_AUTH',
        preferredChallenge: 'PASSWORD',
        password: 'Passw0rd!',
      })
    )._unsafeUnwrap();
    expect(cognito.commandCalls(InitiateAuthCommand)[0]?.args[0].input.AuthParameters).toEqual({
      USERNAME: 'alice',
      PREFERRED_CHALLENGE: 'PASSWORD',
      PASSWORD: 'Passw0rd!',
    });
  });

  it('a preferred EMAIL_OTP goes straight to the code step', async () => {
    cognito.on(InitiateAuthCommand).resolves({
      ChallengeName: 'EMAIL_OTP',
      Session: 'otp-session',
      ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: 'a***@e***' },
    });
    const step = (
      await client().signIn({ username: 'alice', flow: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' })
    )._unsafeUnwrap();
    expect(cognito.commandCalls(InitiateAuthCommand)[0]?.args[0].input.AuthParameters).toEqual({
      USERNAME: 'alice',
      PREFERRED_CHALLENGE: 'EMAIL_OTP',
    });
    expect(step).toMatchObject({ step: 'EMAIL_OTP', codeDelivery: { medium: 'EMAIL' } });
  });

  it('PASSWORD or PASSWORD_SRP as the preferred challenge needs the password', async () => {
    const error = (
      await client().signIn({ username: 'alice', flow: 'USER_AUTH', preferredChallenge: 'PASSWORD_SRP' })
    )._unsafeUnwrapErr();
    expect(error.type).toBe('InvalidParameter');
    expect(cognito.calls()).toHaveLength(0);
  });

  it('rejects an unknown preferred challenge without a request', async () => {
    const error = (
      await client().signIn({
        username: 'alice',
        flow: 'USER_AUTH',
        preferredChallenge: 'CARRIER_PIGEON' as never,
      })
    )._unsafeUnwrapErr();
    expect(error.type).toBe('InvalidParameter');
    expect(cognito.calls()).toHaveLength(0);
  });

  it('selectChallenge EMAIL_OTP answers ANSWER=EMAIL_OTP and gives the code step, then submitCode signs in', async () => {
    const auth = client();
    const step = await selectStep(auth);
    cognito
      .on(RespondToAuthChallengeCommand)
      .resolvesOnce({
        ChallengeName: 'EMAIL_OTP',
        Session: 'otp-session',
        ChallengeParameters: {
          CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL',
          CODE_DELIVERY_DESTINATION: 'a***@e***',
        },
      })
      .resolvesOnce({ AuthenticationResult: tokens });
    const otp = (await auth.selectChallenge(step, 'EMAIL_OTP'))._unsafeUnwrap();
    expect(otp.step).toBe('EMAIL_OTP');
    const done = (await auth.submitCode(otp as Step<'EMAIL_OTP'>, '12345678'))._unsafeUnwrap();
    expect(done.step).toBe('SIGNED_IN');
    const calls = cognito.commandCalls(RespondToAuthChallengeCommand).map((c) => c.args[0].input);
    expect(calls[0]).toMatchObject({
      ChallengeName: 'SELECT_CHALLENGE',
      ChallengeResponses: { ANSWER: 'EMAIL_OTP', USERNAME: internal },
    });
    expect(calls[1]).toMatchObject({
      ChallengeName: 'EMAIL_OTP',
      ChallengeResponses: { EMAIL_OTP_CODE: '12345678' },
    });
  });

  it('selectChallenge PASSWORD sends the password', async () => {
    const auth = client();
    const step = await selectStep(auth);
    cognito.on(RespondToAuthChallengeCommand).resolves({ AuthenticationResult: tokens });
    (await auth.selectChallenge(step, 'PASSWORD', { password: 'Passw0rd!' }))._unsafeUnwrap();
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)[0]?.args[0].input.ChallengeResponses).toEqual({
      ANSWER: 'PASSWORD',
      PASSWORD: 'Passw0rd!',
      USERNAME: internal,
    });
  });

  it('selectChallenge PASSWORD_SRP proves the password by SRP against a verifier, answering PASSWORD_VERIFIER internally', async () => {
    const server = createSrpServer({ poolName: 'PoolName42', userIdForSrp: internal, password: 'Passw0rd!' });
    const auth = client();
    const step = await selectStep(auth);
    let srpA = '';
    cognito
      .on(RespondToAuthChallengeCommand, { ChallengeName: 'SELECT_CHALLENGE' })
      .callsFake((input: RespondToAuthChallengeCommandInput) => {
        srpA = input.ChallengeResponses?.SRP_A ?? '';
        return {
          ChallengeName: 'PASSWORD_VERIFIER',
          Session: 'verifier-session',
          ChallengeParameters: {
            SALT: server.salt,
            SRP_B: server.srpB,
            SECRET_BLOCK: server.secretBlock,
            USER_ID_FOR_SRP: internal,
            USERNAME: internal,
          },
        };
      });
    cognito
      .on(RespondToAuthChallengeCommand, { ChallengeName: 'PASSWORD_VERIFIER' })
      .callsFake(async (input: RespondToAuthChallengeCommandInput) => {
        const r = input.ChallengeResponses ?? {};
        const ok = await server.verify({
          srpA,
          signature: r.PASSWORD_CLAIM_SIGNATURE ?? '',
          timestamp: r.TIMESTAMP ?? '',
          secretBlock: r.PASSWORD_CLAIM_SECRET_BLOCK ?? '',
        });
        if (!ok) throw new NotAuthorizedException({ message: 'Incorrect username or password.', ...meta });
        return { AuthenticationResult: tokens };
      });
    expect(
      (await auth.selectChallenge(step, 'PASSWORD_SRP', { password: 'Passw0rd!' }))._unsafeUnwrap().step,
    ).toBe('SIGNED_IN');
    const wrongAuth = client();
    const again = await selectStep(wrongAuth);
    expect(
      (await wrongAuth.selectChallenge(again, 'PASSWORD_SRP', { password: 'nope' }))._unsafeUnwrapErr().type,
    ).toBe('NotAuthorized');
  });

  it('selectChallenge refuses a factor that is not available, and PASSWORD without a password, without a request', async () => {
    const auth = client();
    const step = await selectStep(auth);
    expect((await auth.selectChallenge(step, 'SMS_OTP'))._unsafeUnwrapErr().type).toBe('InvalidParameter');
    expect((await auth.selectChallenge(step, 'PASSWORD'))._unsafeUnwrapErr().type).toBe('InvalidParameter');
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)).toHaveLength(0);
  });
});

describe('passkeys (WEB_AUTHN)', () => {
  it('parses CREDENTIAL_REQUEST_OPTIONS into the step', async () => {
    const auth = client();
    const step = await selectStep(auth);
    cognito.on(RespondToAuthChallengeCommand).resolves(webAuthnAnswer);
    const webauthn = (await auth.selectChallenge(step, 'WEB_AUTHN'))._unsafeUnwrap();
    expect(webauthn).toMatchObject({
      step: 'WEB_AUTHN',
      session: 'webauthn-session',
      credentialRequestOptions: requestOptions,
    });
    expect(JSON.parse(JSON.stringify(webauthn))).toEqual(webauthn);
  });

  it('submitWebAuthnCredential sends the assertion as CREDENTIAL (object or JSON string)', async () => {
    for (const credential of [assertion, JSON.stringify(assertion)]) {
      cognito.reset();
      cognito.on(InitiateAuthCommand).resolves(webAuthnAnswer);
      cognito.on(RespondToAuthChallengeCommand).resolves({ AuthenticationResult: tokens });
      const auth = client();
      const step = (
        await auth.signIn({ username: 'alice', flow: 'USER_AUTH', preferredChallenge: 'WEB_AUTHN' })
      )._unsafeUnwrap();
      const done = (
        await auth.submitWebAuthnCredential(step as Step<'WEB_AUTHN'>, credential)
      )._unsafeUnwrap();
      expect(done.step).toBe('SIGNED_IN');
      const sent = cognito.commandCalls(RespondToAuthChallengeCommand)[0]?.args[0].input;
      expect(sent?.ChallengeName).toBe('WEB_AUTHN');
      expect(JSON.parse(sent?.ChallengeResponses?.CREDENTIAL ?? '')).toEqual(assertion);
    }
  });

  it.each([
    ['not JSON', '{nope'],
    ['no response', { id: 'x', type: 'public-key' }],
    ['an array', [1, 2]],
  ])('submitWebAuthnCredential rejects %s without a request', async (_label, credential) => {
    cognito.on(InitiateAuthCommand).resolves(webAuthnAnswer);
    const auth = client();
    const step = (
      await auth.signIn({ username: 'alice', flow: 'USER_AUTH', preferredChallenge: 'WEB_AUTHN' })
    )._unsafeUnwrap();
    const error = (
      await auth.submitWebAuthnCredential(step as Step<'WEB_AUTHN'>, credential as never)
    )._unsafeUnwrapErr();
    expect(error.type).toBe('InvalidParameter');
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)).toHaveLength(0);
  });

  it('malformed CREDENTIAL_REQUEST_OPTIONS is Unexpected, not a throw', async () => {
    cognito
      .on(InitiateAuthCommand)
      .resolves({ ...webAuthnAnswer, ChallengeParameters: { CREDENTIAL_REQUEST_OPTIONS: '[1,2' } });
    const error = (
      await client().signIn({ username: 'alice', flow: 'USER_AUTH', preferredChallenge: 'WEB_AUTHN' })
    )._unsafeUnwrapErr();
    expect(error.type).toBe('Unexpected');
  });
});

describe('the escape hatch for challenges without a dedicated step', () => {
  const future = {
    ChallengeName: 'FUTURE_CHALLENGE' as never,
    Session: 'future-session',
    ChallengeParameters: { USERNAME: internal, PROMPT: 'Say yes' },
  };

  it('respondToChallenge answers UNSUPPORTED_CHALLENGE with its raw name and the given responses', async () => {
    cognito.on(InitiateAuthCommand).resolves(future);
    cognito.on(RespondToAuthChallengeCommand).resolves({ AuthenticationResult: tokens });
    const auth = client();
    const step = (
      await auth.signIn({ username: 'alice', password: 'Passw0rd!', flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrap();
    expect(step).toMatchObject({
      step: 'UNSUPPORTED_CHALLENGE',
      challengeName: 'FUTURE_CHALLENGE',
      parameters: { PROMPT: 'Say yes' },
    });
    const done = (
      await auth.respondToChallenge(step as Step<'UNSUPPORTED_CHALLENGE'>, { ANSWER: 'yes' })
    )._unsafeUnwrap();
    expect(done.step).toBe('SIGNED_IN');
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)[0]?.args[0].input).toMatchObject({
      ChallengeName: 'FUTURE_CHALLENGE',
      Session: 'future-session',
      ChallengeResponses: { ANSWER: 'yes', USERNAME: internal },
    });
  });

  it('respondToChallenge refuses non-string values and the keys cognito-flow sets itself', async () => {
    cognito.on(InitiateAuthCommand).resolves(future);
    const auth = client();
    const step = (
      await auth.signIn({ username: 'alice', password: 'Passw0rd!', flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrap() as Step<'UNSUPPORTED_CHALLENGE'>;
    expect(
      (await auth.respondToChallenge(step, { ANSWER: 42 as unknown as string }))._unsafeUnwrapErr().type,
    ).toBe('InvalidParameter');
    expect((await auth.respondToChallenge(step, { SECRET_HASH: 'x' }))._unsafeUnwrapErr().type).toBe(
      'InvalidParameter',
    );
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)).toHaveLength(0);
  });

  it('respondToChallenge also answers a known step kind under its own challenge name', async () => {
    cognito
      .on(InitiateAuthCommand)
      .resolves({ ChallengeName: 'SMS_MFA', Session: 'sms', ChallengeParameters: { USERNAME: internal } });
    cognito.on(RespondToAuthChallengeCommand).resolves({ AuthenticationResult: tokens });
    const auth = client();
    const step = (
      await auth.signIn({ username: 'alice', password: 'Passw0rd!', flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrap() as Step<'SMS_MFA'>;
    (await auth.respondToChallenge(step, { SMS_MFA_CODE: '123456' }))._unsafeUnwrap();
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)[0]?.args[0].input.ChallengeName).toBe(
      'SMS_MFA',
    );
  });
});
