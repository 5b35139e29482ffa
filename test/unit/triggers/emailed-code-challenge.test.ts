import { describe, expect, it } from 'vitest';
import {
  type CodeDelivery,
  emailedCodeChallenge,
  maskEmail,
  randomDigits,
  TriggerError,
} from '../../../src/triggers/index.js';
import { ALICE, createEvent, defineEvent, verifyEvent } from './cognito-events.js';

function challenge(options: Partial<Parameters<typeof emailedCodeChallenge>[0]> = {}) {
  const sent: CodeDelivery[] = [];
  const triggers = emailedCodeChallenge({ send: (delivery) => void sent.push(delivery), ...options });
  return { ...triggers, sent };
}

describe('emailedCodeChallenge', () => {
  it('emails a fresh 6-digit code and shows only a masked address to the app', async () => {
    const { create, sent } = challenge();
    const { response } = await create(createEvent([]));
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ email: 'alice@example.com', userName: 'alice' });
    const code = sent[0]?.code ?? '';
    expect(code).toMatch(/^\d{6}$/);
    expect(response).toEqual({
      publicChallengeParameters: {
        delivery: 'EMAIL',
        destination: 'a***@e***.com',
        codeLength: '6',
        attemptsLeft: '3',
      },
      privateChallengeParameters: { code },
      challengeMetadata: `CODE-${code}`,
    });
    expect(JSON.stringify(response.publicChallengeParameters)).not.toContain(code);
  });

  it('after a wrong answer asks again with the same code, without sending it again', async () => {
    const { create, sent } = challenge();
    const first = await create(createEvent([]));
    const metadata = first.response.challengeMetadata;
    const retry = await create(
      createEvent([
        { challengeName: 'CUSTOM_CHALLENGE', challengeResult: false, challengeMetadata: metadata },
      ]),
    );
    expect(sent).toHaveLength(1);
    expect(retry.response.privateChallengeParameters).toEqual(first.response.privateChallengeParameters);
    expect(retry.response.publicChallengeParameters.attemptsLeft).toBe('2');
  });

  it('verifies the code (trimmed) and refuses any other', async () => {
    const { verify } = challenge();
    expect((await verify(verifyEvent(' 123456\n', { code: '123456' }))).response.answerCorrect).toBe(true);
    expect((await verify(verifyEvent('123457', { code: '123456' }))).response.answerCorrect).toBe(false);
    expect((await verify(verifyEvent('', { code: '' }))).response.answerCorrect).toBe(false);
  });

  it('defines: a code first, tokens after the right code, failure after maxAttempts wrong codes', async () => {
    const { define } = challenge({ maxAttempts: 2 });
    const wrong = { challengeName: 'CUSTOM_CHALLENGE' as const, challengeResult: false };
    expect((await define(defineEvent([]))).response.challengeName).toBe('CUSTOM_CHALLENGE');
    expect(
      (await define(defineEvent([wrong, { ...wrong, challengeResult: true }]))).response.issueTokens,
    ).toBe(true);
    expect((await define(defineEvent([wrong, wrong]))).response.failAuthentication).toBe(true);
  });

  it('honours codeLength', async () => {
    const { create, sent } = challenge({ codeLength: 8 });
    const { response } = await create(createEvent([]));
    expect(sent[0]?.code).toMatch(/^\d{8}$/);
    expect(response.publicChallengeParameters.codeLength).toBe('8');
  });

  it('refuses to send a code to an unverified or missing address', async () => {
    const { create, sent } = challenge();
    const unverified = createEvent([], { userAttributes: { ...ALICE, email_verified: 'false' } });
    const noEmail = createEvent([], { userAttributes: { sub: ALICE.sub } });
    await expect(create(unverified)).rejects.toThrow(TriggerError);
    await expect(create(unverified)).rejects.toThrow('not verified');
    await expect(create(noEmail)).rejects.toThrow('no email address');
    expect(sent).toHaveLength(0);
  });

  it('sends to an unverified address when requireVerifiedEmail is false', async () => {
    const { create, sent } = challenge({ requireVerifiedEmail: false });
    await create(createEvent([], { userAttributes: { ...ALICE, email_verified: 'false' } }));
    expect(sent).toHaveLength(1);
  });

  it('refuses invalid options when it is built', () => {
    expect(() => emailedCodeChallenge({} as never)).toThrow('send must be a function');
    expect(() => challenge({ codeLength: 3 })).toThrow('codeLength');
    expect(() => challenge({ maxAttempts: 0 })).toThrow('maxAttempts');
  });
});

describe('randomDigits and maskEmail', () => {
  it('draws only digits, of the asked length, and every digit turns up', () => {
    const drawn = Array.from({ length: 200 }, () => randomDigits(10)).join('');
    expect(drawn).toMatch(/^\d{2000}$/);
    expect(new Set(drawn).size).toBe(10);
  });

  it('masks addresses', () => {
    expect(maskEmail('alice@example.com')).toBe('a***@e***.com');
    expect(maskEmail('b@localhost')).toBe('b***@l***');
    expect(maskEmail('not-an-address')).toBe('***');
  });
});
