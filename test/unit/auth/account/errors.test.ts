import { inspect } from 'node:util';
import {
  CodeMismatchException,
  NotAuthorizedException,
  UnauthorizedException,
} from '@aws-sdk/client-cognito-identity-provider';
import { beforeEach, describe, expect, it } from 'vitest';
import { getUser, revokeToken, signUp } from '../../../../src/auth/account/index.js';
import { operations, secrets } from './operations.js';
import { accessToken, clientSecret, cognito, contextFor, meta } from './support.js';

beforeEach(() => {
  cognito.reset();
});

describe('secrets never reach an error', () => {
  it.each(operations)('%s redacts every secret Cognito echoes back', async (_name, call, carried) => {
    cognito
      .onAnyCommand()
      .rejects(new NotAuthorizedException({ message: `Rejected: ${carried.join(' | ')}`, ...meta }));
    const error = (await call(contextFor({ secret: true })))._unsafeUnwrapErr();
    expect(error.type).toBe('NotAuthorized');
    if (carried.length > 0) expect(error.message).toContain('[REDACTED]');
    for (const text of [error.message, JSON.stringify(error), inspect(error)]) {
      for (const secret of [...Object.values(secrets), clientSecret]) expect(text).not.toContain(secret);
    }
  });

  it('revokeToken redacts the refresh token and client secret from an UnauthorizedException it re-tags', async () => {
    cognito
      .onAnyCommand()
      .rejects(
        new UnauthorizedException({ message: `bad ${secrets.refreshToken} ${clientSecret}`, ...meta }),
      );
    const error = (
      await revokeToken(contextFor({ secret: true }), { refreshToken: secrets.refreshToken })
    )._unsafeUnwrapErr();
    expect(error.type).toBe('NotAuthorized');
    expect(error.message).toBe('bad [REDACTED] [REDACTED]');
    expect(error.cause).toBeInstanceOf(UnauthorizedException);
  });
});

describe('errors outside an operation’s union', () => {
  it('become Unexpected (getUser does not declare CodeMismatch)', async () => {
    cognito.onAnyCommand().rejects(new CodeMismatchException({ message: 'odd', ...meta }));
    const error = (await getUser(contextFor(), { accessToken }))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'Unexpected', requestId: 'req-acc' });
    expect(error.message).toContain('CodeMismatch');
  });

  it('become Unexpected (signUp does not declare CodeMismatch)', async () => {
    cognito.onAnyCommand().rejects(new CodeMismatchException({ message: 'odd', ...meta }));
    expect(
      (await signUp(contextFor(), { username: 'alice', password: 'P4ssw0rd!' }))._unsafeUnwrapErr().type,
    ).toBe('Unexpected');
  });
});

describe('one request per call', () => {
  it.each(operations)('%s sends exactly one request and does not retry a failure', async (_name, call) => {
    cognito.onAnyCommand().rejects(new NotAuthorizedException({ message: 'no', ...meta }));
    await call(contextFor());
    expect(cognito.calls()).toHaveLength(1);
  });
});
