import {
  CognitoIdentityProviderClient,
  GetTokensFromRefreshTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { identityFromIdToken } from '../../../src/identity/index.js';
import { AuthClient } from '../../../src/index.js';
import { OAuthClient } from '../../../src/oauth/index.js';
import { TokenVerifier } from '../../../src/verify/index.js';
import { unwrap } from '../../support/unwrap.js';
import { accessClaims, idClaims, localPool, userPoolId } from '../verify/local-pool.js';
import { fetchMock, json } from './cognito-fetch.js';

const pool = localPool();
const cognito = mockClient(CognitoIdentityProviderClient);
const clientId = '1example23456789';
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';

/** Tokens from the token endpoint, signed like Cognito's, as a TokenSet. */
async function oauthTokens() {
  const answer = {
    id_token: pool.sign(idClaims({ nonce: 'n-1', aud: clientId })),
    access_token: pool.sign(accessClaims({ client_id: clientId })),
    refresh_token: 'oauth-refresh-token-0123456789',
    token_type: 'Bearer',
    expires_in: 3600,
  };
  const oauth = OAuthClient.create({
    domain: 'auth.example.com',
    clientId,
    redirectUris: ['https://app.example.com/cb'],
    fetch: fetchMock(() => json(200, answer)).fetch,
    idTokenVerifier: TokenVerifier.create({ userPoolId, clientId, jwks: pool.jwks })._unsafeUnwrap(),
  })._unsafeUnwrap();
  return (await oauth.exchangeCode({ code: 'c', codeVerifier: VERIFIER, nonce: 'n-1' }))._unsafeUnwrap();
}

describe('tokens from the OAuth endpoints feed the other modules', () => {
  it('cognito-flow/verify verifies the ID and access tokens', async () => {
    const tokens = await oauthTokens();
    const verifier = TokenVerifier.create({ userPoolId, clientId, jwks: pool.jwks })._unsafeUnwrap();
    expect((await verifier.verifyIdToken(tokens.idToken))._unsafeUnwrap().sub).toBe('sub-alice');
    expect((await verifier.verifyAccessToken(tokens.accessToken, { scopes: 'orders/read' })).isOk()).toBe(
      true,
    );
  });

  it('cognito-flow/identity reads the Logins key from the ID token', async () => {
    const tokens = await oauthTokens();
    expect(identityFromIdToken(tokens.idToken)._unsafeUnwrap()).toEqual({
      loginsKey: `cognito-idp.eu-west-1.amazonaws.com/${userPoolId}`,
      sub: 'sub-alice',
    });
  });

  it('an AuthClient session keeps them and refreshes with the OAuth refresh token', async () => {
    cognito.reset();
    const tokens = await oauthTokens();
    const auth = unwrap(AuthClient.create({ userPoolId, clientId }));
    const session = auth.session(tokens);
    expect(unwrap(await session.getTokens())).toEqual(tokens);
    expect(cognito.calls()).toHaveLength(0);
    cognito.on(GetTokensFromRefreshTokenCommand).resolves({
      AuthenticationResult: { IdToken: tokens.idToken, AccessToken: tokens.accessToken, ExpiresIn: 3600 },
    });
    await session.refresh();
    expect(cognito.commandCalls(GetTokensFromRefreshTokenCommand)[0]?.args[0].input.RefreshToken).toBe(
      'oauth-refresh-token-0123456789',
    );
  });
});
