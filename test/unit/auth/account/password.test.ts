import {
  ChangePasswordCommand,
  CodeMismatchException,
  ConfirmForgotPasswordCommand,
  ExpiredCodeException,
  ForgotPasswordCommand,
  InvalidPasswordException,
  LimitExceededException,
  NotAuthorizedException,
  PasswordHistoryPolicyViolationException,
  PasswordResetRequiredException,
  UserNotConfirmedException,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeEach, describe, expect, it } from 'vitest';
import { changePassword, confirmForgotPassword, forgotPassword } from '../../../../src/auth/account/index.js';
import {
  accessToken,
  clientId,
  cognito,
  contextFor,
  expectedSecretHash,
  meta,
  onlyInput,
} from './support.js';

beforeEach(() => {
  cognito.reset();
});

describe('forgotPassword', () => {
  it('sends the user name, SecretHash and client metadata, and says where the code went', async () => {
    cognito.on(ForgotPasswordCommand).resolves({
      CodeDeliveryDetails: { Destination: 'a***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' },
    });
    const result = await forgotPassword(contextFor({ secret: true }), {
      username: 'alice',
      clientMetadata: { app: 'web' },
    });
    expect(onlyInput(cognito.commandCalls(ForgotPasswordCommand))).toEqual({
      ClientId: clientId,
      Username: 'alice',
      SecretHash: expectedSecretHash('alice'),
      ClientMetadata: { app: 'web' },
    });
    expect(result._unsafeUnwrap()).toEqual({
      codeDelivery: { destination: 'a***@e***', medium: 'EMAIL', attributeName: 'email' },
    });
  });

  it('answers without codeDelivery when Cognito sends no details', async () => {
    cognito.on(ForgotPasswordCommand).resolves({});
    const result = await forgotPassword(contextFor(), { username: 'alice' });
    expect(result._unsafeUnwrap()).toEqual({});
    expect(onlyInput(cognito.commandCalls(ForgotPasswordCommand))).not.toHaveProperty('SecretHash');
  });

  it.each([
    [
      new NotAuthorizedException({ message: 'Contact administrator to reset password.', ...meta }),
      'NotAuthorized',
    ],
    [
      new UserNotFoundException({ message: 'Username/client id combination not found.', ...meta }),
      'UserNotFound',
    ],
    [new LimitExceededException({ message: 'Attempt limit exceeded', ...meta }), 'LimitExceeded'],
  ])('maps %s to %s', async (thrown, type) => {
    cognito.on(ForgotPasswordCommand).rejects(thrown);
    const result = await forgotPassword(contextFor(), { username: 'alice' });
    expect(result._unsafeUnwrapErr().type).toBe(type);
  });
});

describe('confirmForgotPassword', () => {
  it('sends the code, the new password and the SecretHash', async () => {
    cognito.on(ConfirmForgotPasswordCommand).resolves({});
    const result = await confirmForgotPassword(contextFor({ secret: true }), {
      username: 'alice',
      code: '654321',
      newPassword: 'N3w-Passw0rd!',
      clientMetadata: { app: 'web' },
    });
    expect(result.isOk()).toBe(true);
    expect(onlyInput(cognito.commandCalls(ConfirmForgotPasswordCommand))).toEqual({
      ClientId: clientId,
      Username: 'alice',
      ConfirmationCode: '654321',
      Password: 'N3w-Passw0rd!',
      SecretHash: expectedSecretHash('alice'),
      ClientMetadata: { app: 'web' },
    });
  });

  it.each([
    [new CodeMismatchException({ message: 'Invalid verification code provided', ...meta }), 'CodeMismatch'],
    [
      new ExpiredCodeException({ message: 'Invalid code provided, please request a code again.', ...meta }),
      'ExpiredCode',
    ],
    [
      new InvalidPasswordException({ message: 'Password does not conform to policy', ...meta }),
      'InvalidPassword',
    ],
    [new PasswordHistoryPolicyViolationException({ message: 'recently used', ...meta }), 'InvalidPassword'],
    [new UserNotConfirmedException({ message: 'User is not confirmed.', ...meta }), 'UserNotConfirmed'],
    [
      new UserNotFoundException({ message: 'Username/client id combination not found.', ...meta }),
      'UserNotFound',
    ],
  ])('maps %s to %s', async (thrown, type) => {
    cognito.on(ConfirmForgotPasswordCommand).rejects(thrown);
    const result = await confirmForgotPassword(contextFor(), {
      username: 'alice',
      code: '654321',
      newPassword: 'N3w-Passw0rd!',
    });
    expect(result._unsafeUnwrapErr().type).toBe(type);
  });
});

describe('changePassword', () => {
  it('sends the access token, previous and proposed passwords', async () => {
    cognito.on(ChangePasswordCommand).resolves({});
    const result = await changePassword(contextFor(), {
      accessToken,
      previousPassword: 'Old-Passw0rd!',
      newPassword: 'N3w-Passw0rd!',
    });
    expect(result.isOk()).toBe(true);
    expect(onlyInput(cognito.commandCalls(ChangePasswordCommand))).toEqual({
      AccessToken: accessToken,
      PreviousPassword: 'Old-Passw0rd!',
      ProposedPassword: 'N3w-Passw0rd!',
    });
  });

  it('leaves PreviousPassword out for a passwordless user setting a first password', async () => {
    cognito.on(ChangePasswordCommand).resolves({});
    await changePassword(contextFor(), { accessToken, newPassword: 'N3w-Passw0rd!' });
    expect(onlyInput(cognito.commandCalls(ChangePasswordCommand))).not.toHaveProperty('PreviousPassword');
  });

  it.each([
    [new NotAuthorizedException({ message: 'Incorrect username or password.', ...meta }), 'NotAuthorized'],
    [new InvalidPasswordException({ message: 'Password not long enough', ...meta }), 'InvalidPassword'],
    [
      new PasswordResetRequiredException({ message: 'Password reset required', ...meta }),
      'PasswordResetRequired',
    ],
  ])('maps %s to %s', async (thrown, type) => {
    cognito.on(ChangePasswordCommand).rejects(thrown);
    const result = await changePassword(contextFor(), {
      accessToken,
      previousPassword: 'Old-Passw0rd!',
      newPassword: 'N3w-Passw0rd!',
    });
    expect(result._unsafeUnwrapErr().type).toBe(type);
  });
});
