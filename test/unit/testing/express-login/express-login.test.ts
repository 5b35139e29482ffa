import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthClient } from 'cognito-flow';
import { mintTokens, mockCognito, type UserPoolMock } from 'cognito-flow/testing';
import { TokenVerifier } from 'cognito-flow/verify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loginApp } from './app.js';

const userPoolId = 'eu-west-1_Shop42';
const clientId = 'shopweb';

// The key that seals the steps travelling through the browser (32 random bytes in a real service).
const stepKeys = [{ id: 'test', secret: new Uint8Array(32).fill(1) }];
const created = AuthClient.create({ userPoolId, clientId, stepKeys });
if (!created.isOk()) throw new Error(created.error.message);
const auth = created.value;
let cognito: UserPoolMock;
let server: Server;
let base: string;

beforeAll(async () => {
  // The verifier trusts the key the mock signs with: the same key mintTokens uses by default.
  const verifier = TokenVerifier.create({ userPoolId, clientId, jwks: mintTokens().jwks });
  if (!verifier.isOk()) throw new Error(verifier.error.message);
  server = loginApp(auth, verifier.value).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  cognito = mockCognito(auth);
});
afterEach(() => cognito.restore());

async function post(path: string, body: unknown) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe('POST /login', () => {
  it('answers SIGNED_IN with tokens that GET /me accepts', async () => {
    cognito.signInSucceeds('carol', { groups: ['staff'] });
    const login = await post('/login', { username: 'carol', password: 'Corr3ct-Horse!' });
    expect(login).toMatchObject({ status: 200, body: { step: 'SIGNED_IN' } });
    const me = await fetch(`${base}/me`, { headers: { authorization: `Bearer ${login.body.accessToken}` } });
    expect(await me.json()).toEqual({ username: 'carol', groups: ['staff'] });
    expect(
      cognito.sent('InitiateAuth', { AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'carol' } }),
    ).toBe(true);
  });

  it('answers NEW_PASSWORD_REQUIRED with the attributes to ask for', async () => {
    cognito.signInRequiresNewPassword('alice', { requiredAttributes: ['email'] });
    const login = await post('/login', { username: 'alice', password: 'Temp0rary!' });
    expect(login).toMatchObject({
      status: 200,
      body: { step: 'NEW_PASSWORD_REQUIRED', requiredAttributes: ['email'] },
    });
  });

  it('answers 401 for a wrong password', async () => {
    cognito.failsWith('NotAuthorizedException', { operation: 'InitiateAuth' });
    const login = await post('/login', { username: 'carol', password: 'wrong' });
    expect(login).toEqual({
      status: 401,
      body: { error: 'NotAuthorized', message: 'Incorrect username or password.' },
    });
  });

  it('answers 400 without sending anything when the body is incomplete', async () => {
    const login = await post('/login', { username: 'carol' });
    expect(login.status).toBe(400);
    expect(cognito.calls('InitiateAuth')).toEqual([]);
  });

  it('TOTP: the step travels through the browser and comes back with the code', async () => {
    cognito.signInRequiresTotp('bob', { code: '123456' });
    const login = await post('/login', { username: 'bob', password: 'Corr3ct-Horse!' });
    expect(login.body.step).toBe('SOFTWARE_TOKEN_MFA');
    const wrong = await post('/login/code', { state: login.body.state, code: '000000' });
    expect(wrong).toMatchObject({ status: 401, body: { error: 'CodeMismatch' } });
    const right = await post('/login/code', { state: login.body.state, code: '123456' });
    expect(right).toMatchObject({ status: 200, body: { step: 'SIGNED_IN' } });
  });

  it('TOTP: a sealed step changed by the browser is 400 InvalidStep, and nothing is sent', async () => {
    cognito.signInRequiresTotp('bob', { code: '123456' });
    const login = await post('/login', { username: 'bob', password: 'Corr3ct-Horse!' });
    const state: string = login.body.state;
    const changed = `${state.slice(0, -6)}${state.endsWith('AAAAAA') ? 'BBBBBB' : 'AAAAAA'}`;
    const answersBefore = cognito.calls('RespondToAuthChallenge').length; // SRP's PASSWORD_VERIFIER
    const refused = await post('/login/code', { state: changed, code: '123456' });
    expect(refused).toMatchObject({ status: 400, body: { error: 'InvalidStep' } });
    expect(cognito.calls('RespondToAuthChallenge')).toHaveLength(answersBefore);
  });
});

describe('GET /me', () => {
  it('refuses an expired token and one issued to another app client', async () => {
    const expired = mintTokens({ userPoolId, clientId, issuedAt: Date.now() - 7200_000 });
    const stranger = mintTokens({ userPoolId, clientId: 'other-app' });
    for (const [token, reason] of [
      [expired.accessToken, 'expired'],
      [stranger.accessToken, 'audience'],
    ] as const) {
      const me = await fetch(`${base}/me`, { headers: { authorization: `Bearer ${token}` } });
      expect(me.status).toBe(401);
      expect(await me.json()).toEqual({ error: reason });
    }
  });
});
