import type { PostConfirmationTriggerHandler, PreSignUpTriggerHandler } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import {
  autoConfirmByDomain,
  type PostConfirmationInput,
  postConfirmation,
  preSignUp,
  TriggerError,
} from '../../../src/triggers/index.js';
import { ALICE, defineEvent, postConfirmationEvent, preSignUpEvent } from './cognito-events.js';

const staff = { email: 'Bob@Example.com', name: 'Bob' };
const outsider = { email: 'eve@elsewhere.net' };

describe('autoConfirmByDomain', () => {
  const handler: PreSignUpTriggerHandler = autoConfirmByDomain({ domains: ['example.com'] });

  it('confirms and verifies a self-service sign-up at the domain (case-insensitive)', async () => {
    const answered = await handler(preSignUpEvent('PreSignUp_SignUp', staff), {} as never, () => undefined);
    expect(answered.response).toEqual({
      autoConfirmUser: true,
      autoVerifyEmail: true,
      autoVerifyPhone: false,
    });
  });

  it('leaves a sign-up from another domain to the usual code confirmation', async () => {
    const answered = await handler(
      preSignUpEvent('PreSignUp_SignUp', outsider),
      {} as never,
      () => undefined,
    );
    expect(answered.response).toEqual({
      autoConfirmUser: false,
      autoVerifyEmail: false,
      autoVerifyPhone: false,
    });
  });

  it('does not match a look-alike domain or a subdomain', async () => {
    const lookAlike = await handler(
      preSignUpEvent('PreSignUp_SignUp', { email: 'x@notexample.com' }),
      {} as never,
      () => undefined,
    );
    const subdomain = await handler(
      preSignUpEvent('PreSignUp_SignUp', { email: 'x@mail.example.com' }),
      {} as never,
      () => undefined,
    );
    expect([lookAlike.response.autoConfirmUser, subdomain.response.autoConfirmUser]).toEqual([false, false]);
  });

  it("leaves federated and admin-created users alone by default (an IdP's email is not proof)", async () => {
    for (const source of ['PreSignUp_ExternalProvider', 'PreSignUp_AdminCreateUser'] as const) {
      const answered = await handler(preSignUpEvent(source, staff), {} as never, () => undefined);
      expect(answered.response.autoVerifyEmail).toBe(false);
    }
  });

  it('applies to the sources it is given, and can confirm without verifying the email', async () => {
    const federated = autoConfirmByDomain({
      domains: ['example.com'],
      sources: ['PreSignUp_ExternalProvider'],
      verifyEmail: false,
    });
    const answered = await federated(preSignUpEvent('PreSignUp_ExternalProvider', staff));
    expect(answered.response).toEqual({
      autoConfirmUser: true,
      autoVerifyEmail: false,
      autoVerifyPhone: false,
    });
  });

  it('with rejectOthers, refuses other domains with a plain Error whose message the user may see', async () => {
    const strict = autoConfirmByDomain({ domains: ['example.com', 'example.org'], rejectOthers: true });
    const error = await strict(preSignUpEvent('PreSignUp_SignUp', outsider)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(TriggerError);
    expect((error as Error).message).toBe('Sign-up is open to addresses at example.com, example.org only');
  });

  it('refuses invalid domains when it is built', () => {
    expect(() => autoConfirmByDomain({ domains: [] })).toThrow('domains');
    expect(() => autoConfirmByDomain({ domains: ['@example.com'] })).toThrow('domains');
  });
});

describe('preSignUp', () => {
  it('passes the attributes, source, validation data and client metadata to the callback', async () => {
    let seen: unknown;
    const event = preSignUpEvent('PreSignUp_SignUp', staff);
    event.request.validationData = { captcha: 'ok' };
    event.request.clientMetadata = { campaign: 'spring' };
    await preSignUp((input) => {
      seen = input;
      return {};
    })(event);
    expect(seen).toMatchObject({
      triggerSource: 'PreSignUp_SignUp',
      userName: 'alice',
      userAttributes: staff,
      validationData: { captcha: 'ok' },
      clientMetadata: { campaign: 'spring' },
    });
  });

  it('verifies a phone number that is there', async () => {
    const answered = await preSignUp(() => ({ autoConfirm: true, autoVerifyPhone: true }))(
      preSignUpEvent('PreSignUp_SignUp', { phone_number: '+15555550100' }),
    );
    expect(answered.response).toEqual({
      autoConfirmUser: true,
      autoVerifyEmail: false,
      autoVerifyPhone: true,
    });
  });

  it.each([
    ['verifying an email the user has not got', { autoVerifyEmail: true }, 'no email attribute'],
    ['verifying a phone the user has not got', { autoVerifyPhone: true }, 'no phone_number attribute'],
    ['a non-boolean flag', { autoConfirm: 'yes' }, 'autoConfirm must be true or false'],
  ])('refuses %s with a response TriggerError', async (_name, decision, fragment) => {
    const handler = preSignUp(() => decision as never);
    await expect(handler(preSignUpEvent('PreSignUp_SignUp', { name: 'No Contact' }))).rejects.toThrow(
      fragment,
    );
  });

  it('refuses an event of another trigger, and one without attributes', async () => {
    const handler = preSignUp(() => ({}));
    await expect(handler(defineEvent([]) as never)).rejects.toThrow('Pre sign-up trigger');
    const broken = preSignUpEvent('PreSignUp_SignUp', staff);
    (broken.request as { userAttributes?: unknown }).userAttributes = undefined;
    await expect(handler(broken)).rejects.toThrow('request.userAttributes is missing');
  });
});

describe('postConfirmation', () => {
  it("runs after a confirmed sign-up with the user's sub and email, and returns the event", async () => {
    const seen: PostConfirmationInput[] = [];
    const handler: PostConfirmationTriggerHandler = postConfirmation((input) => {
      seen.push(input);
    });
    const event = postConfirmationEvent();
    const answered = await handler(event, {} as never, () => undefined);
    expect(answered).toEqual(event);
    expect(seen[0]).toMatchObject({
      triggerSource: 'PostConfirmation_ConfirmSignUp',
      userPoolId: 'eu-west-1_AbC123',
      userName: 'alice',
      sub: ALICE.sub,
      email: 'alice@example.com',
      clientMetadata: { plan: 'pro' },
    });
  });

  it('does not run after a password reset unless asked to', async () => {
    let runs = 0;
    const count = () => {
      runs += 1;
    };
    await postConfirmation(count)(postConfirmationEvent('PostConfirmation_ConfirmForgotPassword'));
    expect(runs).toBe(0);
    await postConfirmation(count, { includeForgotPassword: true })(
      postConfirmationEvent('PostConfirmation_ConfirmForgotPassword'),
    );
    expect(runs).toBe(1);
  });

  it('lets an error of the callback through to Lambda', async () => {
    const handler = postConfirmation(async () => {
      throw new Error('database unavailable');
    });
    await expect(handler(postConfirmationEvent())).rejects.toThrow('database unavailable');
  });

  it("refuses an event without the user's sub", async () => {
    const { sub: _sub, ...withoutSub } = ALICE;
    await expect(
      postConfirmation(() => undefined)(postConfirmationEvent(undefined, withoutSub)),
    ).rejects.toThrow('request.userAttributes.sub is missing');
  });
});
