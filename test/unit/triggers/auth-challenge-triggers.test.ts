import type {
  CreateAuthChallengeTriggerHandler,
  DefineAuthChallengeTriggerHandler,
  VerifyAuthChallengeResponseTriggerHandler,
} from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  constantTimeEqual,
  createAuthChallenge,
  customChallengePolicy,
  type DefineAuthChallengeInput,
  defineAuthChallenge,
  TriggerError,
  verifyAuthChallenge,
} from '../../../src/triggers/index.js';
import { ALICE, createEvent, defineEvent, preSignUpEvent, verifyEvent } from './cognito-events.js';

const custom = (challengeResult: boolean, challengeMetadata?: string) => ({
  challengeName: 'CUSTOM_CHALLENGE' as const,
  challengeResult,
  ...(challengeMetadata !== undefined ? { challengeMetadata } : {}),
});
const srpA = { challengeName: 'SRP_A' as const, challengeResult: true };
const passwordVerifier = (ok: boolean) => ({
  challengeName: 'PASSWORD_VERIFIER' as const,
  challengeResult: ok,
});

/** Catches what a handler throws (it must throw). */
async function thrown(run: () => Promise<unknown>): Promise<TriggerError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof TriggerError) return error;
    throw error;
  }
  throw new Error('expected the handler to throw');
}

describe('defineAuthChallenge', () => {
  it('writes all three response fields for each kind of decision', async () => {
    const respond = async (decision: 'ISSUE_TOKENS' | 'FAIL' | 'CUSTOM_CHALLENGE') =>
      (await defineAuthChallenge(() => decision)(defineEvent([]))).response;
    expect(await respond('ISSUE_TOKENS')).toEqual({ issueTokens: true, failAuthentication: false });
    expect(await respond('FAIL')).toEqual({ issueTokens: false, failAuthentication: true });
    expect(await respond('CUSTOM_CHALLENGE')).toEqual({
      challengeName: 'CUSTOM_CHALLENGE',
      issueTokens: false,
      failAuthentication: false,
    });
  });

  it('gives the callback the session and the counts of right and wrong custom answers', async () => {
    let seen: DefineAuthChallengeInput | undefined;
    const handler = defineAuthChallenge((input) => {
      seen = input;
      return 'CUSTOM_CHALLENGE';
    });
    const event = defineEvent([custom(false), custom(true), custom(false)], {
      clientMetadata: { locale: 'fr' },
    });
    const answered = await handler(event);
    expect(seen).toMatchObject({
      userName: 'alice',
      userAttributes: ALICE,
      clientMetadata: { locale: 'fr' },
      userNotFound: false,
      correctAnswers: 1,
      wrongAnswers: 2,
    });
    expect(answered.request).toEqual(event.request);
    expect(answered.userPoolId).toBe(event.userPoolId);
  });

  it("can be typed as @types/aws-lambda's DefineAuthChallengeTriggerHandler", async () => {
    const handler: DefineAuthChallengeTriggerHandler = defineAuthChallenge(() => 'FAIL');
    const answered = await handler(defineEvent([]), {} as never, () => undefined);
    expect(answered.response.failAuthentication).toBe(true);
  });

  it('refuses a decision that is not one Cognito knows with a response TriggerError', async () => {
    const error = await thrown(() => defineAuthChallenge(() => 'OK' as never)(defineEvent([])));
    expect(error).toMatchObject({ trigger: 'defineAuthChallenge', kind: 'response' });
    expect(error.message).toContain('"OK"');
  });

  it('refuses an event of another trigger, naming the trigger the handler belongs to', async () => {
    const error = await thrown(() =>
      defineAuthChallenge(() => 'FAIL')(preSignUpEvent('PreSignUp_SignUp', ALICE) as never),
    );
    expect(error.kind).toBe('event');
    expect(error.message).toBe(
      'cognito-flow/triggers defineAuthChallenge: received triggerSource "PreSignUp_SignUp", but this handler belongs to the Define auth challenge trigger (DefineAuthChallenge_Authentication)',
    );
  });

  it.each([
    ['a non-object event', 'not an event', 'not an object'],
    ['no session list', { ...defineEvent([]), request: { userAttributes: ALICE } }, 'request.session'],
    [
      'a malformed session entry',
      defineEvent([{ challengeName: 'CUSTOM_CHALLENGE' } as never]),
      'request.session[0]',
    ],
    [
      'a non-string attribute',
      defineEvent([], { userAttributes: { email: 42 } as never }),
      'userAttributes.email',
    ],
    ['no callerContext', { ...defineEvent([]), callerContext: undefined }, 'callerContext'],
    ['a non-boolean userNotFound', defineEvent([], { userNotFound: 'yes' as never }), 'userNotFound'],
  ])('refuses %s with an event TriggerError', async (_name, event, fragment) => {
    const error = await thrown(() => defineAuthChallenge(() => 'FAIL')(event as never));
    expect(error).toMatchObject({ kind: 'event' });
    expect(error.message).toContain(fragment);
  });

  it('accepts null challengeMetadata and null userNotFound, as Cognito sends them', async () => {
    const event = defineEvent(
      [{ challengeName: 'CUSTOM_CHALLENGE', challengeResult: true, challengeMetadata: null } as never],
      {
        userNotFound: null as never,
      },
    );
    const answered = await defineAuthChallenge(customChallengePolicy())(event);
    expect(answered.response.issueTokens).toBe(true);
  });
});

describe('customChallengePolicy', () => {
  const decide = async (session: Parameters<typeof defineEvent>[0], options = {}, userNotFound = false) =>
    (await defineAuthChallenge(customChallengePolicy(options))(defineEvent(session, { userNotFound })))
      .response;

  it.each([
    ['asks a custom challenge first', [], 'CUSTOM_CHALLENGE'],
    ['asks again after a wrong answer', [custom(false)], 'CUSTOM_CHALLENGE'],
    ['asks again after two wrong answers', [custom(false), custom(false)], 'CUSTOM_CHALLENGE'],
    ['fails after the third wrong answer', [custom(false), custom(false), custom(false)], 'FAIL'],
    ['issues tokens after a right answer', [custom(false), custom(true)], 'ISSUE_TOKENS'],
    ['fails when the client went in with a password it was not asked for', [srpA], 'FAIL'],
  ])('%s', async (_name, session, expected) => {
    const response = await decide(session);
    const decision = response.issueTokens
      ? 'ISSUE_TOKENS'
      : response.failAuthentication
        ? 'FAIL'
        : response.challengeName;
    expect(decision).toBe(expected);
  });

  it.each([
    ['asks SRP_A first', [], 'SRP_A'],
    ['asks PASSWORD_VERIFIER after SRP_A', [srpA], 'PASSWORD_VERIFIER'],
    ['fails on a wrong password', [srpA, passwordVerifier(false)], 'FAIL'],
    ['asks the custom challenge after the password', [srpA, passwordVerifier(true)], 'CUSTOM_CHALLENGE'],
    [
      'issues tokens after the password and the code',
      [srpA, passwordVerifier(true), custom(true)],
      'ISSUE_TOKENS',
    ],
    ['fails when the first challenge is not SRP_A', [custom(true)], 'FAIL'],
  ])('with passwordFirst, %s', async (_name, session, expected) => {
    const response = await decide(session, { passwordFirst: true });
    const decision = response.issueTokens
      ? 'ISSUE_TOKENS'
      : response.failAuthentication
        ? 'FAIL'
        : response.challengeName;
    expect(decision).toBe(expected);
  });

  it('needs `rounds` right answers and allows `maxAttempts` wrong ones', async () => {
    expect((await decide([custom(true)], { rounds: 2 })).challengeName).toBe('CUSTOM_CHALLENGE');
    expect((await decide([custom(true), custom(true)], { rounds: 2 })).issueTokens).toBe(true);
    expect((await decide([custom(false)], { maxAttempts: 1 })).failAuthentication).toBe(true);
  });

  it('fails for a user that does not exist', async () => {
    expect((await decide([], {}, true)).failAuthentication).toBe(true);
  });

  it('refuses invalid options when it is built', () => {
    expect(() => customChallengePolicy({ maxAttempts: 0 })).toThrow(RangeError);
    expect(() => customChallengePolicy({ rounds: 1.5 })).toThrow('rounds');
  });
});

describe('createAuthChallenge', () => {
  it('writes the public and private parameters and the metadata, with the round and the previous challenge', async () => {
    const handler = createAuthChallenge(({ round, previous }) => ({
      publicParameters: { question: `Question ${round}`, previous: previous?.challengeMetadata ?? 'none' },
      privateParameters: { answer: '42' },
      metadata: `Q-${round}`,
    }));
    const answered = await handler(createEvent([custom(false, 'Q-1')]));
    expect(answered.response).toEqual({
      publicChallengeParameters: { question: 'Question 2', previous: 'Q-1' },
      privateChallengeParameters: { answer: '42' },
      challengeMetadata: 'Q-2',
    });
  });

  it("can be typed as @types/aws-lambda's CreateAuthChallengeTriggerHandler", async () => {
    const handler: CreateAuthChallengeTriggerHandler = createAuthChallenge(() => ({
      privateParameters: { a: 'b' },
    }));
    const answered = await handler(createEvent([]), {} as never, () => undefined);
    expect(answered.response).toEqual({
      publicChallengeParameters: {},
      privateChallengeParameters: { a: 'b' },
      challengeMetadata: '',
    });
  });

  it('refuses an event that asks for another challenge than CUSTOM_CHALLENGE', async () => {
    const error = await thrown(() =>
      createAuthChallenge(() => ({ privateParameters: {} }))(
        createEvent([], { challengeName: 'PASSWORD_VERIFIER' }),
      ),
    );
    expect(error).toMatchObject({ kind: 'event', message: expect.stringContaining('"PASSWORD_VERIFIER"') });
  });

  it.each([
    [
      'a number parameter',
      { publicParameters: { attempts: 3 }, privateParameters: {} },
      'publicParameters.attempts',
    ],
    ['no private parameters', { publicParameters: {} }, 'privateParameters is required'],
    ['a non-string metadata', { privateParameters: {}, metadata: 7 }, 'metadata'],
    ['nothing', undefined, 'must return'],
  ])('refuses %s with a response TriggerError', async (_name, created, fragment) => {
    const error = await thrown(() => createAuthChallenge(() => created as never)(createEvent([])));
    expect(error).toMatchObject({ kind: 'response', message: expect.stringContaining(fragment) });
  });
});

describe('verifyAuthChallenge', () => {
  const check = verifyAuthChallenge(({ answer, privateParameters }) =>
    constantTimeEqual(answer.trim(), privateParameters.answer ?? ''),
  );

  it('answers answerCorrect from the check', async () => {
    expect((await check(verifyEvent(' 42 ', { answer: '42' }))).response).toEqual({ answerCorrect: true });
    expect((await check(verifyEvent('41', { answer: '42' }))).response).toEqual({ answerCorrect: false });
  });

  it("can be typed as @types/aws-lambda's VerifyAuthChallengeResponseTriggerHandler", async () => {
    const handler: VerifyAuthChallengeResponseTriggerHandler = check;
    const answered = await handler(verifyEvent('42', { answer: '42' }), {} as never, () => undefined);
    expect(answered.response.answerCorrect).toBe(true);
  });

  it('answers wrong for a user that does not exist, whatever the check says', async () => {
    const always = verifyAuthChallenge(() => true);
    expect((await always(verifyEvent('x', {}, { userNotFound: true }))).response.answerCorrect).toBe(false);
  });

  it('refuses a check that does not return a boolean, without the answer in the message', async () => {
    const error = await thrown(() =>
      verifyAuthChallenge(() => 'yes' as never)(verifyEvent('secret-answer-123', {})),
    );
    expect(error.kind).toBe('response');
    expect(error.message).not.toContain('secret-answer-123');
  });

  it('refuses an event without an answer or private parameters', async () => {
    const noAnswer = verifyEvent('x', {});
    const noPrivate = verifyEvent('x', {});
    (noAnswer.request as { challengeAnswer?: unknown }).challengeAnswer = undefined;
    (noPrivate.request as { privateChallengeParameters?: unknown }).privateChallengeParameters = null;
    expect((await thrown(() => check(noAnswer))).message).toContain('challengeAnswer');
    expect((await thrown(() => check(noPrivate))).message).toContain('privateChallengeParameters');
  });
});

describe('constantTimeEqual', () => {
  it('compares strings, including different lengths and non-ASCII', () => {
    expect(constantTimeEqual('123456', '123456')).toBe(true);
    expect(constantTimeEqual('123456', '123457')).toBe(false);
    expect(constantTimeEqual('12345', '123456')).toBe(false);
    expect(constantTimeEqual('', '')).toBe(true);
    expect(constantTimeEqual('é', 'e')).toBe(false);
  });
});
