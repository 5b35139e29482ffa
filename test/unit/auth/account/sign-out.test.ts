import {
  DeleteUserCommand,
  GlobalSignOutCommand,
  NotAuthorizedException,
  RevokeTokenCommand,
  UnauthorizedException,
  UnsupportedOperationException,
  UnsupportedTokenTypeException,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeEach, describe, expect, it } from 'vitest';
import { deleteUser, globalSignOut, revokeToken } from '../../../../src/auth/account/index.js';
import { accessToken, clientId, clientSecret, cognito, contextFor, meta, onlyInput } from './support.js';

const refreshToken = 'eyJjdHkiOiJKV1QiLCJlbmMiOi.refresh-token-value';

beforeEach(() => {
  cognito.reset();
});

describe('globalSignOut', () => {
  it('sends the access token', async () => {
    cognito.on(GlobalSignOutCommand).resolves({});
    expect((await globalSignOut(contextFor(), { accessToken })).isOk()).toBe(true);
    expect(onlyInput(cognito.commandCalls(GlobalSignOutCommand))).toEqual({ AccessToken: accessToken });
  });

  it('maps NotAuthorizedException to NotAuthorized', async () => {
    cognito
      .on(GlobalSignOutCommand)
      .rejects(new NotAuthorizedException({ message: 'Access Token has been revoked', ...meta }));
    expect((await globalSignOut(contextFor(), { accessToken }))._unsafeUnwrapErr().type).toBe(
      'NotAuthorized',
    );
  });
});

describe('revokeToken (mocked: moto has no RevokeToken)', () => {
  it('sends the refresh token and client id, and no ClientSecret for a client without one', async () => {
    cognito.on(RevokeTokenCommand).resolves({});
    expect((await revokeToken(contextFor(), { refreshToken })).isOk()).toBe(true);
    expect(onlyInput(cognito.commandCalls(RevokeTokenCommand))).toEqual({
      Token: refreshToken,
      ClientId: clientId,
    });
  });

  it('sends the ClientSecret when the app client has one', async () => {
    cognito.on(RevokeTokenCommand).resolves({});
    await revokeToken(contextFor({ secret: true }), { refreshToken });
    expect(onlyInput(cognito.commandCalls(RevokeTokenCommand))).toEqual({
      Token: refreshToken,
      ClientId: clientId,
      ClientSecret: clientSecret,
    });
  });

  it.each([
    [new UnauthorizedException({ message: 'Invalid client secret', ...meta }), 'NotAuthorized'],
    [
      new UnsupportedOperationException({ message: 'Token revocation is not enabled', ...meta }),
      'InvalidConfiguration',
    ],
    [new UnsupportedTokenTypeException({ message: 'Not a refresh token', ...meta }), 'InvalidParameter'],
  ])('maps %s to %s', async (thrown, type) => {
    cognito.on(RevokeTokenCommand).rejects(thrown);
    const result = await revokeToken(contextFor({ secret: true }), { refreshToken });
    expect(result._unsafeUnwrapErr().type).toBe(type);
  });
});

describe('deleteUser (mocked: moto has no DeleteUser)', () => {
  it('sends the access token', async () => {
    cognito.on(DeleteUserCommand).resolves({});
    expect((await deleteUser(contextFor(), { accessToken })).isOk()).toBe(true);
    expect(onlyInput(cognito.commandCalls(DeleteUserCommand))).toEqual({ AccessToken: accessToken });
  });

  it('maps UserNotFoundException to UserNotFound', async () => {
    cognito.on(DeleteUserCommand).rejects(new UserNotFoundException({ message: 'gone', ...meta }));
    expect((await deleteUser(contextFor(), { accessToken }))._unsafeUnwrapErr().type).toBe('UserNotFound');
  });
});
