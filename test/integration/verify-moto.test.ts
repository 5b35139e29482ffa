import { afterEach, describe, expect, it, vi } from 'vitest';
import { TokenVerifier } from '../../src/verify/index.js';
import { clientsFor, NEW_PASSWORD, stack, TEMPORARY_PASSWORD, uniqueUsername } from './clients.js';

describe.skipIf(!stack)("verifying moto's tokens with cognito-flow/verify", () => {
  const s = stack as NonNullable<typeof stack>;
  const jwksUrl = () => `${s.endpoint}/${s.userPoolId}/.well-known/jwks.json`;

  afterEach(() => {
    vi.useRealTimers();
  });

  async function signedIn(options: { secret?: boolean } = {}) {
    const { admin, auth } = clientsFor(s, options);
    const username = uniqueUsername('verify');
    (
      await admin.adminCreateUser({
        username,
        temporaryPassword: TEMPORARY_PASSWORD,
        messageAction: 'SUPPRESS',
      })
    )._unsafeUnwrap();
    const first = (
      await auth.signIn({ username, password: TEMPORARY_PASSWORD, flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrap();
    if (first.step !== 'NEW_PASSWORD_REQUIRED') throw new Error(`unexpected ${first.step}`);
    (await auth.completeNewPassword(first, NEW_PASSWORD))._unsafeUnwrap();
    const step = (
      await auth.signIn({ username, password: NEW_PASSWORD, flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrap();
    if (step.step !== 'SIGNED_IN') throw new Error(`unexpected ${step.step}`);
    return { username, tokens: step.tokens };
  }

  it("verifies the ID and access tokens against moto's JWKS URL, with typed claims", async () => {
    const { username, tokens } = await signedIn();
    const verifier = TokenVerifier.create({
      userPoolId: s.userPoolId,
      clientId: s.clientId,
      jwks: jwksUrl(),
    })._unsafeUnwrap();
    const id = (await verifier.verifyIdToken(tokens.idToken))._unsafeUnwrap();
    expect(id['cognito:username']).toBe(username);
    expect(id.aud).toBe(s.clientId);
    expect(id.iss).toBe(`https://cognito-idp.${s.region}.amazonaws.com/${s.userPoolId}`);
    const access = (
      await verifier.verifyAccessToken(tokens.accessToken, { scopes: 'aws.cognito.signin.user.admin' })
    )._unsafeUnwrap();
    expect(access.username).toBe(username);
    expect(access.client_id).toBe(s.clientId);
  });

  it("verifies with moto's key set passed as an object (no fetch at verification time)", async () => {
    const { tokens } = await signedIn({ secret: true });
    const jwks = await (await fetch(jwksUrl())).json();
    const verifier = TokenVerifier.create({
      userPoolId: s.userPoolId,
      clientId: [s.clientId, s.secretClientId],
      jwks,
    })._unsafeUnwrap();
    expect((await verifier.verify(tokens.idToken))._unsafeUnwrap().token_use).toBe('id');
    expect((await verifier.verify(tokens.accessToken))._unsafeUnwrap().token_use).toBe('access');
  });

  it('rejects a tampered token (signature)', async () => {
    const { tokens } = await signedIn();
    const verifier = TokenVerifier.create({
      userPoolId: s.userPoolId,
      clientId: s.clientId,
      jwks: jwksUrl(),
    })._unsafeUnwrap();
    const [header, payload, signature] = tokens.idToken.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, 'cognito:groups': ['admin'] })).toString(
      'base64url',
    );
    const result = await verifier.verifyIdToken(`${header}.${forged}.${signature}`);
    expect(result._unsafeUnwrapErr()).toMatchObject({ type: 'InvalidToken', reason: 'signature' });
  });

  it('rejects a token issued to another app client (audience)', async () => {
    const { tokens } = await signedIn();
    const verifier = TokenVerifier.create({
      userPoolId: s.userPoolId,
      clientId: s.secretClientId,
      jwks: jwksUrl(),
    })._unsafeUnwrap();
    expect((await verifier.verifyIdToken(tokens.idToken))._unsafeUnwrapErr().reason).toBe('audience');
    expect((await verifier.verifyAccessToken(tokens.accessToken))._unsafeUnwrapErr().reason).toBe('audience');
  });

  it('rejects an expired token (system clock moved two hours ahead)', async () => {
    const { tokens } = await signedIn();
    const verifier = TokenVerifier.create({
      userPoolId: s.userPoolId,
      clientId: s.clientId,
      jwks: jwksUrl(),
    })._unsafeUnwrap();
    expect((await verifier.hydrate()).isOk()).toBe(true);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 2 * 3600_000);
    expect((await verifier.verifyAccessToken(tokens.accessToken))._unsafeUnwrapErr().reason).toBe('expired');
  });

  it('rejects a token of another pool of the same server (issuer)', async () => {
    const { tokens } = await signedIn();
    const otherPool = `${s.region}_NotThisPool1`;
    const verifier = TokenVerifier.create({
      userPoolId: otherPool,
      clientId: s.clientId,
      jwks: jwksUrl(),
    })._unsafeUnwrap();
    expect((await verifier.verifyIdToken(tokens.idToken))._unsafeUnwrapErr().reason).toBe('issuer');
  });
});
