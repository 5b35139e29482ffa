import {
  CognitoIdentityProviderClient,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuthClient, type SignInStep } from '../../../src/index.js';
import {
  type CodeDelivery,
  createAuthChallenge,
  customChallengePolicy,
  defineAuthChallenge,
  emailedCodeChallenge,
  verifyAuthChallenge,
} from '../../../src/triggers/index.js';
import { createSrpServer } from '../../support/srp-server.js';
import { unwrap } from '../../support/unwrap.js';
import { playCognito } from './cognito-custom-auth.js';
import { CLIENT_ID, USER_POOL_ID } from './cognito-events.js';

const cognito = mockClient(CognitoIdentityProviderClient);
const auth = () => unwrap(AuthClient.create({ userPoolId: USER_POOL_ID, clientId: CLIENT_ID }));

function emailed(options: { passwordFirst?: boolean } = {}) {
  const sent: CodeDelivery[] = [];
  const triggers = emailedCodeChallenge({ send: (delivery) => void sent.push(delivery), ...options });
  return { triggers, sent, code: () => sent.at(-1)?.code ?? '' };
}

const stepName = (step: SignInStep) => step.step;

beforeEach(() => {
  cognito.reset();
});

describe('the emailed-code triggers with AuthClient CUSTOM_AUTH, Cognito played by the mock', () => {
  it('round by round: code asked, two wrong answers asked again, the right one signs in', async () => {
    const { triggers, sent, code } = emailed();
    const { log } = playCognito(cognito, triggers);
    const client = auth();

    let step = unwrap(await client.signIn({ username: 'alice', flow: 'CUSTOM_AUTH' }));
    if (step.step !== 'CUSTOM_CHALLENGE') throw new Error(`expected CUSTOM_CHALLENGE, got ${step.step}`);
    expect(step.parameters).toEqual({
      delivery: 'EMAIL',
      destination: 'a***@e***.com',
      codeLength: '6',
      attemptsLeft: '3',
    });
    const attemptsLeft: (string | undefined)[] = [step.parameters.attemptsLeft];

    for (const answer of ['000000x', 'nope']) {
      step = unwrap(await client.answerCustomChallenge(step, answer));
      if (step.step !== 'CUSTOM_CHALLENGE') throw new Error(`expected CUSTOM_CHALLENGE, got ${step.step}`);
      attemptsLeft.push(step.parameters.attemptsLeft);
    }
    const done = unwrap(await client.answerCustomChallenge(step, code()));
    expect(stepName(done)).toBe('SIGNED_IN');
    expect(attemptsLeft).toEqual(['3', '2', '1']);
    expect(sent).toHaveLength(1);
    expect(log).toEqual([
      'define → CUSTOM_CHALLENGE',
      expect.stringContaining('create →'),
      'verify → false',
      'define → CUSTOM_CHALLENGE',
      expect.stringContaining('create →'),
      'verify → false',
      'define → CUSTOM_CHALLENGE',
      expect.stringContaining('create →'),
      'verify → true',
      'define → ISSUE_TOKENS',
    ]);
    // Each answer went out as ANSWER on the session of the round before.
    const responses = cognito.commandCalls(RespondToAuthChallengeCommand).map((c) => c.args[0].input);
    expect(responses.map((r) => r.ChallengeResponses?.ANSWER)).toEqual(['000000x', 'nope', code()]);
    expect(responses.map((r) => r.Session)).toEqual(['session-1', 'session-2', 'session-3']);
  });

  it('three wrong codes end the sign-in with NotAuthorized', async () => {
    const { triggers } = emailed();
    playCognito(cognito, triggers);
    const client = auth();
    let step: SignInStep = unwrap(await client.signIn({ username: 'alice', flow: 'CUSTOM_AUTH' }));
    const outcomes: string[] = [];
    for (const answer of ['1', '2', '3']) {
      if (step.step !== 'CUSTOM_CHALLENGE') break;
      const next = await client.answerCustomChallenge(step, answer);
      if (next.isErr()) {
        outcomes.push(next.error.type);
        break;
      }
      step = next.value;
      outcomes.push(step.step);
    }
    expect(outcomes).toEqual(['CUSTOM_CHALLENGE', 'CUSTOM_CHALLENGE', 'NotAuthorized']);
  });

  it('password first: SRP with the real password, then the emailed code', async () => {
    const { triggers, code } = emailed({ passwordFirst: true });
    const srp = createSrpServer({ poolName: 'AbC123', userIdForSrp: 'alice', password: 'Correct-Horse-1!' });
    const { log } = playCognito(cognito, triggers, { srp });
    const client = auth();
    const step = unwrap(
      await client.signIn({ username: 'alice', password: 'Correct-Horse-1!', flow: 'CUSTOM_AUTH' }),
    );
    if (step.step !== 'CUSTOM_CHALLENGE') throw new Error(`expected CUSTOM_CHALLENGE, got ${step.step}`);
    expect(stepName(unwrap(await client.answerCustomChallenge(step, code())))).toBe('SIGNED_IN');
    expect(log.slice(0, 3)).toEqual([
      'define → PASSWORD_VERIFIER',
      'password → true',
      'define → CUSTOM_CHALLENGE',
    ]);
  });

  it('password first: a wrong password never reaches the code', async () => {
    const { triggers, sent } = emailed({ passwordFirst: true });
    const srp = createSrpServer({ poolName: 'AbC123', userIdForSrp: 'alice', password: 'Correct-Horse-1!' });
    playCognito(cognito, triggers, { srp });
    const error = (
      await auth().signIn({ username: 'alice', password: 'Wrong-Horse-1!', flow: 'CUSTOM_AUTH' })
    )._unsafeUnwrapErr();
    expect(error.type).toBe('NotAuthorized');
    expect(sent).toHaveLength(0);
  });
});

describe('a two-question challenge built from the generic helpers, with AuthClient', () => {
  it('needs both answers right, one round each', async () => {
    const questions = [
      { question: 'What is 6 × 7?', answer: '42' },
      { question: 'What is 7 × 8?', answer: '56' },
    ];
    const triggers = {
      define: defineAuthChallenge(customChallengePolicy({ rounds: 2, maxAttempts: 1 })),
      create: createAuthChallenge(({ round }) => {
        const q = questions[round - 1] ?? questions[0];
        return {
          publicParameters: { question: q?.question ?? '' },
          privateParameters: { answer: q?.answer ?? '' },
        };
      }),
      verify: verifyAuthChallenge(
        ({ answer, privateParameters }) => answer.trim() === privateParameters.answer,
      ),
    };
    playCognito(cognito, triggers);
    const client = auth();
    const seen: string[] = [];
    let step: SignInStep = unwrap(await client.signIn({ username: 'alice', flow: 'CUSTOM_AUTH' }));
    while (step.step === 'CUSTOM_CHALLENGE') {
      const question = step.parameters.question ?? '';
      seen.push(question);
      const answer = questions.find((q) => q.question === question)?.answer ?? '';
      step = unwrap(await client.answerCustomChallenge(step, answer));
    }
    expect(step.step).toBe('SIGNED_IN');
    expect(seen).toEqual(['What is 6 × 7?', 'What is 7 × 8?']);
  });
});
