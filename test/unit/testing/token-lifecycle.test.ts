import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { AuthClient, type SignInStep, type TokenSet } from 'cognito-flow';
import { mockCognito, type UserPoolMock } from 'cognito-flow/testing';
import 'cognito-flow/testing/vitest';
import { TokenVerifier } from 'cognito-flow/verify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const userPoolId = 'eu-west-1_Shop42';
const clientId = 'shopweb';
const auth = AuthClient.create({ userPoolId, clientId })._unsafeUnwrap();
let cognito: UserPoolMock;

beforeEach(() => {
  cognito = mockCognito(auth).signInSucceeds('carol', { groups: ['staff'] });
});
afterEach(() => cognito.restore());

async function signIn(): Promise<TokenSet> {
  const step: SignInStep = (
    await auth.signIn({ username: 'carol', password: 'Corr3ct-Horse!' })
  )._unsafeUnwrap();
  if (step.step !== 'SIGNED_IN') throw new Error(`expected SIGNED_IN, got ${step.step}`);
  return step.tokens;
}

describe('the tokens of a scenario refresh, revoke and sign out as Cognito’s do', () => {
  it('a session refreshes through GetTokensFromRefreshToken: new, verifiable tokens, the same refresh token', async () => {
    const tokens = await signIn();
    const refreshed = (await auth.session(tokens).refresh())._unsafeUnwrap();
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    expect(refreshed.refreshToken).toBe(tokens.refreshToken);
    expect(cognito.calls('GetTokensFromRefreshToken')).toEqual([
      expect.objectContaining({ ClientId: clientId, RefreshToken: tokens.refreshToken }),
    ]);
    const verifier = TokenVerifier.create({ userPoolId, clientId, jwks: cognito.jwks })._unsafeUnwrap();
    const claims = (await verifier.verifyIdToken(refreshed.idToken))._unsafeUnwrap();
    expect(claims).toMatchObject({ 'cognito:username': 'carol', 'cognito:groups': ['staff'] });
  });

  it('REFRESH_TOKEN_AUTH is answered too', async () => {
    const tokens = await signIn();
    const session = auth.session(tokens, { refreshOperation: 'REFRESH_TOKEN_AUTH' });
    expect(await session.refresh()).toBeOk();
    expect(
      cognito.sent('InitiateAuth', {
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: tokens.refreshToken },
      }),
    ).toBe(true);
  });

  it('after signOut (RevokeToken) the refresh token no longer works', async () => {
    const tokens = await signIn();
    expect(await auth.session(tokens).signOut()).toBeOk();
    expect(cognito.sent('RevokeToken', { Token: tokens.refreshToken, ClientId: clientId })).toBe(true);
    // Cognito answers NotAuthorized ("Refresh Token has been revoked"); the session reports that it ended.
    expect(await auth.session(tokens).refresh()).toBeErrType('SessionEnded');
  });

  it('after a global sign-out every refresh token of the user stops working', async () => {
    const first = await signIn();
    const second = await signIn();
    expect(await auth.session(first).signOut({ global: true })).toBeOk();
    expect(cognito.sent('GlobalSignOut', { AccessToken: first.accessToken })).toBe(true);
    expect(await auth.session(second).refresh()).toBeErrType('SessionEnded');
  });

  it('a refresh token is refused for another app client', async () => {
    cognito.restore();
    const sdk = new CognitoIdentityProviderClient({ region: 'eu-west-1' });
    cognito = mockCognito(sdk, { userPoolId }).signInSucceeds('carol');
    const mine = AuthClient.create({ userPoolId, clientId, client: sdk })._unsafeUnwrap();
    const step = (await mine.signIn({ username: 'carol', password: 'Corr3ct-Horse!' }))._unsafeUnwrap();
    if (step.step !== 'SIGNED_IN') throw new Error(`expected SIGNED_IN, got ${step.step}`);
    const other = AuthClient.create({ userPoolId, clientId: 'otherapp', client: sdk })._unsafeUnwrap();
    const result = await other.session(step.tokens).refresh();
    expect(result).toBeErrType('SessionEnded');
    expect(await mine.session(step.tokens).refresh()).toBeOk();
  });
});
