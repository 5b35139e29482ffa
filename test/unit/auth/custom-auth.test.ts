import { createHmac } from 'node:crypto';
import {
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  NotAuthorizedException,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuthClient, type Step } from '../../../src/index.js';
import { fakeAccessToken, fakeIdToken } from '../../support/jwt.js';

const cognito = mockClient(CognitoIdentityProviderClient);
const userPoolId = 'eu-west-1_AbC123';
const clientId = 'client1';
const clientSecret = 'custom-auth-client-secret';
const NOW = 1_800_000_000_000;
const meta = { $metadata: { requestId: 'req-9', httpStatusCode: 400 } };
const tokens = {
  IdToken: fakeIdToken('bob'),
  AccessToken: fakeAccessToken('bob'),
  ExpiresIn: 3600,
  TokenType: 'Bearer',
};

function client(options: { secret?: boolean; now?: () => number } = {}) {
  return AuthClient.create({
    userPoolId,
    clientId,
    ...(options.secret ? { clientSecret } : {}),
    now: options.now ?? (() => NOW),
  })._unsafeUnwrap();
}

const challenge = (session: string, question: string) => ({
  ChallengeName: 'CUSTOM_CHALLENGE' as const,
  Session: session,
  ChallengeParameters: { USERNAME: 'internal-bob', question },
});

async function firstChallenge(auth = client()): Promise<Step<'CUSTOM_CHALLENGE'>> {
  cognito.on(InitiateAuthCommand).resolvesOnce(challenge('s1', 'What is 6 × 7?'));
  const step = (await auth.signIn({ username: 'bob@example.com', flow: 'CUSTOM_AUTH' }))._unsafeUnwrap();
  if (step.step !== 'CUSTOM_CHALLENGE') throw new Error(`unexpected ${step.step}`);
  return step;
}

beforeEach(() => {
  cognito.reset();
});

describe('CUSTOM_AUTH without SRP', () => {
  it('starts CUSTOM_AUTH with only USERNAME (and SECRET_HASH), no password and no SRP_A', async () => {
    cognito.on(InitiateAuthCommand).resolves(challenge('s1', 'q'));
    await client({ secret: true }).signIn({
      username: 'bob@example.com',
      flow: 'CUSTOM_AUTH',
      clientMetadata: { a: 'b' },
    });
    const input = cognito.commandCalls(InitiateAuthCommand)[0]?.args[0].input;
    expect(input).toEqual({
      AuthFlow: 'CUSTOM_AUTH',
      ClientId: clientId,
      AuthParameters: {
        USERNAME: 'bob@example.com',
        SECRET_HASH: createHmac('sha256', clientSecret).update(`bob@example.com${clientId}`).digest('base64'),
      },
      ClientMetadata: { a: 'b' },
    });
  });

  it('gives a CUSTOM_CHALLENGE step with the public challenge parameters', async () => {
    const step = await firstChallenge();
    expect(step).toEqual({
      step: 'CUSTOM_CHALLENGE',
      clientId,
      username: 'bob@example.com',
      challengeUsername: 'internal-bob',
      session: 's1',
      expiresAt: NOW + 180_000,
      parameters: { question: 'What is 6 × 7?' },
    });
  });

  it('answers with ANSWER, USERNAME and SECRET_HASH over the challenge user name, and client metadata', async () => {
    const auth = client({ secret: true });
    const step = await firstChallenge(auth);
    cognito.on(RespondToAuthChallengeCommand).resolves({ AuthenticationResult: tokens });
    const done = await auth.answerCustomChallenge(step, '42', { clientMetadata: { locale: 'en' } });
    expect(done._unsafeUnwrap().step).toBe('SIGNED_IN');
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)[0]?.args[0].input).toEqual({
      ChallengeName: 'CUSTOM_CHALLENGE',
      ClientId: clientId,
      Session: 's1',
      ChallengeResponses: {
        ANSWER: '42',
        USERNAME: 'internal-bob',
        SECRET_HASH: createHmac('sha256', clientSecret).update(`internal-bob${clientId}`).digest('base64'),
      },
      ClientMetadata: { locale: 'en' },
    });
  });

  it('runs several rounds, each with the session of the previous answer', async () => {
    const auth = client();
    let step = await firstChallenge(auth);
    cognito
      .on(RespondToAuthChallengeCommand)
      .resolvesOnce(challenge('s2', 'And 7 × 8?'))
      .resolvesOnce(challenge('s3', 'Last: 9 × 9?'))
      .resolvesOnce({ AuthenticationResult: tokens });
    const answers = ['42', '56', '81'];
    const seen: string[] = [];
    for (const answer of answers) {
      const next = (await auth.answerCustomChallenge(step, answer))._unsafeUnwrap();
      if (next.step !== 'CUSTOM_CHALLENGE') {
        expect(next.step).toBe('SIGNED_IN');
        break;
      }
      seen.push(next.parameters.question ?? '');
      step = next;
    }
    expect(seen).toEqual(['And 7 × 8?', 'Last: 9 × 9?']);
    expect(cognito.commandCalls(RespondToAuthChallengeCommand).map((c) => c.args[0].input.Session)).toEqual([
      's1',
      's2',
      's3',
    ]);
  });

  it('reports the triggers failing the sign-in as NotAuthorized', async () => {
    const auth = client();
    const step = await firstChallenge(auth);
    cognito
      .on(RespondToAuthChallengeCommand)
      .rejects(new NotAuthorizedException({ message: 'Incorrect username or password.', ...meta }));
    expect((await auth.answerCustomChallenge(step, 'wrong'))._unsafeUnwrapErr().type).toBe('NotAuthorized');
  });

  it('refuses an expired custom challenge with SessionExpired, without a request', async () => {
    let now = NOW;
    const auth = client({ now: () => now });
    const step = await firstChallenge(auth);
    now += 181_000;
    expect((await auth.answerCustomChallenge(step, '42'))._unsafeUnwrapErr().type).toBe('SessionExpired');
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)).toHaveLength(0);
  });

  it('refuses a NEW_PASSWORD_REQUIRED step passed from untyped code, without a request', async () => {
    const step = await firstChallenge();
    const wrong = { ...step, step: 'NEW_PASSWORD_REQUIRED', requiredAttributes: [], userAttributes: {} };
    const error = (
      await client().answerCustomChallenge(wrong as unknown as Step<'CUSTOM_CHALLENGE'>, '42')
    )._unsafeUnwrapErr();
    expect(error.type).toBe('InvalidStep');
    expect(cognito.commandCalls(RespondToAuthChallengeCommand)).toHaveLength(0);
  });

  it('rejects a non-string answer with InvalidParameter', async () => {
    const step = await firstChallenge();
    const error = (await client().answerCustomChallenge(step, 42 as unknown as string))._unsafeUnwrapErr();
    expect(error.type).toBe('InvalidParameter');
  });

  it('resumes a CUSTOM_CHALLENGE step that went through JSON', async () => {
    const auth = client();
    const step = await firstChallenge(auth);
    expect(auth.resume(JSON.stringify(step))._unsafeUnwrap()).toEqual(step);
  });
});
