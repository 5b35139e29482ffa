import {
  CognitoIdentityProviderClient,
  GetTokensFromRefreshTokenCommand,
  GlobalSignOutCommand,
  NotAuthorizedException,
  RevokeTokenCommand,
  TooManyRequestsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { createSession } from '../../../src/tokens/session.js';
import type { SessionEndReason } from '../../../src/tokens/session-events.js';
import { memoryTokenStore } from '../../../src/tokens/stores/memory-token-store.js';
import {
  authenticationResult,
  clientId,
  clientSecret,
  fakeClock,
  meta,
  sessionContext,
  tokensAt,
} from './session-support.js';

const cognito = mockClient(CognitoIdentityProviderClient);

beforeEach(() => {
  cognito.reset();
});

async function signedIn(options: { secret?: boolean } = {}) {
  const clock = fakeClock();
  const store = memoryTokenStore();
  const tokens = tokensAt(clock.now);
  const session = createSession(sessionContext(clock, options), tokens, { store });
  await session.getTokens(); // stores the tokens
  const reasons: SessionEndReason[] = [];
  session.on('ended', ({ reason }) => {
    reasons.push(reason);
  });
  return { clock, store, tokens, session, reasons };
}

describe('signOut (RevokeToken: aws-sdk-client-mock, moto lacks it)', () => {
  it('by default revokes the refresh token, clears the store and emits ended', async () => {
    const { store, session, reasons } = await signedIn();
    cognito.on(RevokeTokenCommand).resolves({});
    expect((await session.signOut()).isOk()).toBe(true);
    expect(cognito.commandCalls(RevokeTokenCommand)[0]?.args[0].input).toEqual({
      Token: 'refresh-token-1',
      ClientId: clientId,
    });
    expect(cognito.commandCalls(GlobalSignOutCommand)).toHaveLength(0);
    expect(store.get('tokens')).toBeUndefined();
    expect(reasons).toEqual(['signed-out']);
  });

  it('sends the client secret with RevokeToken for an app client that has one', async () => {
    const { session } = await signedIn({ secret: true });
    cognito.on(RevokeTokenCommand).resolves({});
    await session.signOut();
    expect(cognito.commandCalls(RevokeTokenCommand)[0]?.args[0].input.ClientSecret).toBe(clientSecret);
  });

  it('global: true calls GlobalSignOut with the access token (and no RevokeToken unless asked)', async () => {
    const { tokens, store, session } = await signedIn();
    cognito.on(GlobalSignOutCommand).resolves({});
    expect((await session.signOut({ global: true })).isOk()).toBe(true);
    expect(cognito.commandCalls(GlobalSignOutCommand)[0]?.args[0].input).toEqual({
      AccessToken: tokens.accessToken,
    });
    expect(cognito.commandCalls(RevokeTokenCommand)).toHaveLength(0);
    expect(store.get('tokens')).toBeUndefined();
  });

  it('global and revoke together make both calls', async () => {
    const { session } = await signedIn();
    cognito.on(GlobalSignOutCommand).resolves({});
    cognito.on(RevokeTokenCommand).resolves({});
    await session.signOut({ global: true, revoke: true });
    expect(cognito.commandCalls(GlobalSignOutCommand)).toHaveLength(1);
    expect(cognito.commandCalls(RevokeTokenCommand)).toHaveLength(1);
  });

  it('revoke: false only clears locally', async () => {
    const { store, session } = await signedIn();
    expect((await session.signOut({ revoke: false })).isOk()).toBe(true);
    expect(cognito.calls()).toHaveLength(0);
    expect(store.get('tokens')).toBeUndefined();
  });

  it('NotAuthorized (token already invalid) counts as signed out', async () => {
    const { session } = await signedIn();
    cognito.on(RevokeTokenCommand).rejects(new NotAuthorizedException({ message: 'Invalid token', ...meta }));
    expect((await session.signOut()).isOk()).toBe(true);
  });

  it('a failed revocation is reported, but the session is ended and the store cleared anyway', async () => {
    const { store, session, reasons } = await signedIn();
    cognito.on(RevokeTokenCommand).rejects(new TooManyRequestsException({ message: 'slow down', ...meta }));
    const result = await session.signOut();
    expect(result._unsafeUnwrapErr()).toMatchObject({ type: 'TooManyRequests', retryable: true });
    expect(store.get('tokens')).toBeUndefined();
    expect(reasons).toEqual(['signed-out']);
    expect((await session.getTokens())._unsafeUnwrapErr().type).toBe('SessionEnded');
  });

  it('after signing out, every call is SessionEnded without a request, and signing out again is harmless', async () => {
    const { session, reasons } = await signedIn();
    await session.signOut({ revoke: false });
    expect((await session.getTokens())._unsafeUnwrapErr().type).toBe('SessionEnded');
    expect((await session.refresh())._unsafeUnwrapErr().type).toBe('SessionEnded');
    expect((await session.signOut()).isOk()).toBe(true);
    expect(cognito.calls()).toHaveLength(0);
    expect(reasons).toEqual(['signed-out']);
  });

  it('global sign-out with an expired access token refreshes first, then signs out with the new one', async () => {
    const { clock, session } = await signedIn();
    clock.advance(2 * 3600_000);
    const fresh = authenticationResult(clock.now, { label: 'fresh' });
    cognito.on(GetTokensFromRefreshTokenCommand).resolves(fresh);
    cognito.on(GlobalSignOutCommand).resolves({});
    expect((await session.signOut({ global: true })).isOk()).toBe(true);
    expect(cognito.commandCalls(GlobalSignOutCommand)[0]?.args[0].input.AccessToken).toBe(
      fresh.AuthenticationResult.AccessToken,
    );
  });

  it('waits for a running refresh, and revokes the refresh token it produced', async () => {
    const { clock, store, session } = await signedIn();
    clock.advance(2 * 3600_000);
    let sent: () => void = () => undefined;
    const requestSent = new Promise<void>((resolve) => {
      sent = resolve;
    });
    cognito.on(GetTokensFromRefreshTokenCommand).callsFake(() => {
      sent();
      return new Promise((resolve) =>
        setTimeout(() => resolve(authenticationResult(clock.now, { refreshToken: 'rotated' })), 20),
      );
    });
    cognito.on(RevokeTokenCommand).resolves({});
    const refreshing = session.getTokens();
    await requestSent;
    const out = await session.signOut();
    expect((await refreshing).isOk()).toBe(true);
    expect(out.isOk()).toBe(true);
    expect(cognito.commandCalls(RevokeTokenCommand)[0]?.args[0].input.Token).toBe('rotated');
    expect(store.get('tokens')).toBeUndefined();
  });
});
