import {
  AliasExistsException,
  CodeMismatchException,
  ConfirmSignUpCommand,
  ExpiredCodeException,
  InitiateAuthCommand,
  InvalidPasswordException,
  NotAuthorizedException,
  ResendConfirmationCodeCommand,
  SignUpCommand,
  UserNotConfirmedException,
  UserNotFoundException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeEach, describe, expect, it } from 'vitest';
import { autoSignIn, confirmSignUp, resendSignUpCode, signUp } from '../../../../src/auth/account/index.js';
import { fakeAccessToken, fakeIdToken } from '../../../support/jwt.js';
import { clientId, cognito, contextFor, expectedSecretHash, meta, onlyInput } from './support.js';

const password = 'Corr3ct-Horse-Battery!';

beforeEach(() => {
  cognito.reset();
});

describe('signUp', () => {
  it('sends typed attributes as strings, validation data, client metadata and no SecretHash without a secret', async () => {
    cognito.on(SignUpCommand).resolves({ UserConfirmed: false, UserSub: 'sub-1' });
    await signUp(contextFor(), {
      username: 'alice',
      password,
      attributes: {
        email: 'alice@example.com',
        birthdate: new Date('1990-04-01T00:00:00Z'),
        email_verified: false,
        'custom:seats': 3,
      },
      validationData: { captcha: 'token-1' },
      clientMetadata: { source: 'web' },
    });
    expect(onlyInput(cognito.commandCalls(SignUpCommand))).toEqual({
      ClientId: clientId,
      Username: 'alice',
      Password: password,
      UserAttributes: [
        { Name: 'email', Value: 'alice@example.com' },
        { Name: 'birthdate', Value: '1990-04-01' },
        { Name: 'email_verified', Value: 'false' },
        { Name: 'custom:seats', Value: '3' },
      ],
      ValidationData: [{ Name: 'captcha', Value: 'token-1' }],
      ClientMetadata: { source: 'web' },
    });
  });

  it('sends the SecretHash of the user name when the app client has a secret', async () => {
    cognito.on(SignUpCommand).resolves({ UserConfirmed: false, UserSub: 'sub-1' });
    await signUp(contextFor({ secret: true }), { username: 'alice', password });
    expect(onlyInput(cognito.commandCalls(SignUpCommand)).SecretHash).toBe(expectedSecretHash('alice'));
  });

  it('says where the code went, that the user is not confirmed, the sub and the session', async () => {
    cognito.on(SignUpCommand).resolves({
      UserConfirmed: false,
      UserSub: 'sub-1',
      Session: 'signup-session',
      CodeDeliveryDetails: { Destination: 'a***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' },
    });
    const result = await signUp(contextFor(), { username: 'alice', password });
    expect(result._unsafeUnwrap()).toEqual({
      username: 'alice',
      userSub: 'sub-1',
      userConfirmed: false,
      codeDelivery: { destination: 'a***@e***', medium: 'EMAIL', attributeName: 'email' },
      session: 'signup-session',
    });
  });

  it('reports a user confirmed by a trigger, with no code sent', async () => {
    cognito.on(SignUpCommand).resolves({ UserConfirmed: true, UserSub: 'sub-2' });
    const result = (await signUp(contextFor(), { username: 'bob', password }))._unsafeUnwrap();
    expect(result.userConfirmed).toBe(true);
    expect(result).not.toHaveProperty('codeDelivery');
    expect(result).not.toHaveProperty('session');
  });

  it('sends no Password and no UserAttributes for a passwordless sign-up without attributes', async () => {
    cognito.on(SignUpCommand).resolves({ UserConfirmed: false, UserSub: 'sub-3' });
    await signUp(contextFor(), { username: 'carol' });
    const input = onlyInput(cognito.commandCalls(SignUpCommand));
    expect(input).not.toHaveProperty('Password');
    expect(input).not.toHaveProperty('UserAttributes');
  });

  it.each([
    [new UsernameExistsException({ message: 'User already exists', ...meta }), 'UsernameExists'],
    [
      new InvalidPasswordException({ message: 'Password did not conform with policy', ...meta }),
      'InvalidPassword',
    ],
  ])('maps %s to %s', async (thrown, type) => {
    cognito.on(SignUpCommand).rejects(thrown);
    const result = await signUp(contextFor(), { username: 'alice', password });
    expect(result._unsafeUnwrapErr()).toMatchObject({ type, requestId: 'req-acc' });
  });

  it('is Unexpected, not a throw, when a transport answers with nothing', async () => {
    cognito.on(SignUpCommand).resolves(undefined as never);
    const result = await signUp(contextFor(), { username: 'alice', password });
    expect(result._unsafeUnwrapErr().type).toBe('Unexpected');
  });

  it('is Unexpected when Cognito answers without the sub', async () => {
    cognito.on(SignUpCommand).resolves({ UserConfirmed: false, UserSub: undefined });
    const result = await signUp(contextFor(), { username: 'alice', password });
    expect(result._unsafeUnwrapErr().type).toBe('Unexpected');
  });

  it('rejects an invalid attribute value without a request', async () => {
    const result = await signUp(contextFor(), {
      username: 'alice',
      password,
      attributes: { birthdate: 'April 1st' },
    });
    expect(result._unsafeUnwrapErr()).toMatchObject({ type: 'InvalidParameter' });
    expect(result._unsafeUnwrapErr().message).toContain('birthdate');
    expect(cognito.calls()).toHaveLength(0);
  });
});

describe('confirmSignUp', () => {
  it('sends the code, the sign-up session and the SecretHash, and returns the session for autoSignIn', async () => {
    cognito.on(ConfirmSignUpCommand).resolves({ Session: 'confirm-session' });
    const result = await confirmSignUp(contextFor({ secret: true }), {
      username: 'alice',
      code: '123456',
      session: 'signup-session',
      forceAliasCreation: true,
      clientMetadata: { source: 'web' },
    });
    expect(onlyInput(cognito.commandCalls(ConfirmSignUpCommand))).toEqual({
      ClientId: clientId,
      Username: 'alice',
      ConfirmationCode: '123456',
      SecretHash: expectedSecretHash('alice'),
      Session: 'signup-session',
      ForceAliasCreation: true,
      ClientMetadata: { source: 'web' },
    });
    expect(result._unsafeUnwrap()).toEqual({ username: 'alice', session: 'confirm-session' });
  });

  it('returns no session when Cognito gives none', async () => {
    cognito.on(ConfirmSignUpCommand).resolves({});
    const result = await confirmSignUp(contextFor(), { username: 'alice', code: '123456' });
    expect(result._unsafeUnwrap()).toEqual({ username: 'alice' });
    expect(onlyInput(cognito.commandCalls(ConfirmSignUpCommand))).not.toHaveProperty('SecretHash');
  });

  it.each([
    [new CodeMismatchException({ message: 'Invalid verification code provided', ...meta }), 'CodeMismatch'],
    [
      new ExpiredCodeException({ message: 'Invalid code provided, please request again', ...meta }),
      'ExpiredCode',
    ],
    [
      new AliasExistsException({ message: 'An account with the email already exists', ...meta }),
      'UsernameExists',
    ],
    [
      new UserNotFoundException({ message: 'Username/client id combination not found', ...meta }),
      'UserNotFound',
    ],
    [
      new NotAuthorizedException({
        message: 'User cannot be confirmed. Current status is CONFIRMED',
        ...meta,
      }),
      'NotAuthorized',
    ],
  ])('maps %s to %s', async (thrown, type) => {
    cognito.on(ConfirmSignUpCommand).rejects(thrown);
    const result = await confirmSignUp(contextFor(), { username: 'alice', code: '123456' });
    expect(result._unsafeUnwrapErr().type).toBe(type);
  });
});

describe('resendSignUpCode (mocked: moto has no ResendConfirmationCode)', () => {
  it('sends the user name with its SecretHash and says where the code went', async () => {
    cognito.on(ResendConfirmationCodeCommand).resolves({
      CodeDeliveryDetails: {
        Destination: '+*******1234',
        DeliveryMedium: 'SMS',
        AttributeName: 'phone_number',
      },
    });
    const result = await resendSignUpCode(contextFor({ secret: true }), {
      username: 'alice',
      clientMetadata: { locale: 'fr' },
    });
    expect(onlyInput(cognito.commandCalls(ResendConfirmationCodeCommand))).toEqual({
      ClientId: clientId,
      Username: 'alice',
      SecretHash: expectedSecretHash('alice'),
      ClientMetadata: { locale: 'fr' },
    });
    expect(result._unsafeUnwrap()).toEqual({
      codeDelivery: { destination: '+*******1234', medium: 'SMS', attributeName: 'phone_number' },
    });
  });

  it('maps UserNotFoundException to UserNotFound', async () => {
    cognito
      .on(ResendConfirmationCodeCommand)
      .rejects(new UserNotFoundException({ message: 'nope', ...meta }));
    const result = await resendSignUpCode(contextFor(), { username: 'ghost' });
    expect(result._unsafeUnwrapErr().type).toBe('UserNotFound');
  });
});

describe('autoSignIn (mocked: moto has no USER_AUTH flow)', () => {
  const signedIn = {
    AuthenticationResult: {
      IdToken: fakeIdToken('alice'),
      AccessToken: fakeAccessToken('alice'),
      RefreshToken: 'refresh-token-value',
      ExpiresIn: 3600,
      TokenType: 'Bearer',
    },
  };

  it('sends InitiateAuth USER_AUTH with the session, USERNAME and SECRET_HASH, and signs in', async () => {
    cognito.on(InitiateAuthCommand).resolves(signedIn);
    const now = 1_800_000_000_000;
    const step = await autoSignIn(contextFor({ secret: true, now: () => now }), {
      username: 'alice',
      session: 'confirm-session',
      clientMetadata: { source: 'web' },
    });
    expect(onlyInput(cognito.commandCalls(InitiateAuthCommand))).toEqual({
      AuthFlow: 'USER_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: 'alice', SECRET_HASH: expectedSecretHash('alice') },
      Session: 'confirm-session',
      ClientMetadata: { source: 'web' },
    });
    expect(step._unsafeUnwrap()).toMatchObject({
      step: 'SIGNED_IN',
      username: 'alice',
      tokens: { refreshToken: 'refresh-token-value', expiresAt: now + 3_600_000 },
    });
  });

  it('carries the session from signUp through confirmSignUp to InitiateAuth', async () => {
    cognito.on(SignUpCommand).resolves({ UserConfirmed: false, UserSub: 'sub-1', Session: 'signup-session' });
    cognito.on(ConfirmSignUpCommand).resolves({ Session: 'confirm-session' });
    cognito.on(InitiateAuthCommand).resolves(signedIn);
    const context = contextFor();
    const signedUp = (await signUp(context, { username: 'alice', password }))._unsafeUnwrap();
    const confirmed = (
      await confirmSignUp(context, {
        username: 'alice',
        code: '123456',
        ...(signedUp.session ? { session: signedUp.session } : {}),
      })
    )._unsafeUnwrap();
    const step = (await autoSignIn(context, confirmed))._unsafeUnwrap();
    expect(onlyInput(cognito.commandCalls(ConfirmSignUpCommand)).Session).toBe('signup-session');
    expect(onlyInput(cognito.commandCalls(InitiateAuthCommand)).Session).toBe('confirm-session');
    expect(step.step).toBe('SIGNED_IN');
    expect(cognito.calls()).toHaveLength(3);
  });

  it('turns a used or expired session into SessionExpired', async () => {
    cognito
      .on(InitiateAuthCommand)
      .rejects(
        new NotAuthorizedException({ message: 'Invalid session for the user, session is expired.', ...meta }),
      );
    const step = await autoSignIn(contextFor(), { username: 'alice', session: 'old-session' });
    expect(step._unsafeUnwrapErr().type).toBe('SessionExpired');
  });

  it('answers CONFIRM_SIGN_UP when the user is not confirmed yet', async () => {
    cognito
      .on(InitiateAuthCommand)
      .rejects(new UserNotConfirmedException({ message: 'not confirmed', ...meta }));
    const step = await autoSignIn(contextFor(), { username: 'alice', session: 's' });
    expect(step._unsafeUnwrap()).toEqual({ step: 'CONFIRM_SIGN_UP', clientId, username: 'alice' });
  });

  it('without a session is InvalidParameter and sends nothing', async () => {
    const step = await autoSignIn(contextFor(), { username: 'alice' });
    expect(step._unsafeUnwrapErr()).toMatchObject({ type: 'InvalidParameter' });
    expect(step._unsafeUnwrapErr().message).toContain('confirmSignUp');
    expect(cognito.calls()).toHaveLength(0);
  });
});
