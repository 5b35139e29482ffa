import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { APIGatewayProxyResult } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAuthorizer } from '../../examples/lambda/authorizer.js';
import { restApiEvent, tokenAuthorizerEvent } from '../../examples/lambda/events.js';
import { clientsFromEnvironment } from '../../examples/lambda/handlers.js';
import { createMeHandler } from '../../examples/lambda/me-handler.js';
import { createSignInHandler } from '../../examples/lambda/sign-in-handler.js';
import { AdminClient } from '../../src/admin/index.js';
import { AuthClient } from '../../src/index.js';
import { TokenVerifier } from '../../src/verify/index.js';
import {
  adminCreatedUser,
  clientsFor,
  NEW_PASSWORD,
  stack,
  TEMPORARY_PASSWORD,
  totpRequiredPool,
  uniqueUsername,
} from './clients.js';

const run = promisify(execFile);

interface Body {
  error?: {
    type: string;
    message: string;
    retryable: boolean;
    reason?: string;
    requiredAttributes?: string[];
  };
  tokens?: { idToken: string; accessToken: string; refreshToken?: string; expiresAt: number };
  claims?: Record<string, unknown>;
}
const bodyOf = (result: APIGatewayProxyResult) => JSON.parse(result.body) as Body;

describe.skipIf(!stack)('examples/lambda: the handlers invoked with API Gateway events against moto', () => {
  const s = stack as NonNullable<typeof stack>;
  const jwks = `${s.endpoint}/${s.userPoolId}/.well-known/jwks.json`;
  const auth = AuthClient.create({
    userPoolId: s.userPoolId,
    clientId: s.secretClientId,
    clientSecret: s.clientSecret,
    endpoint: s.endpoint,
  })._unsafeUnwrap();
  const verifier = TokenVerifier.create({
    userPoolId: s.userPoolId,
    clientId: s.secretClientId,
    jwks,
  })._unsafeUnwrap();
  // moto's SRP never checks the password, so the handler sends it: a wrong one is then refused.
  const signIn = createSignInHandler(auth, 'USER_PASSWORD_AUTH');
  const me = createMeHandler(verifier);
  const authorize = createAuthorizer(verifier);
  const post = (body: unknown, base64 = false) =>
    signIn(restApiEvent({ method: 'POST', path: '/sign-in', body, base64 }));
  const getMe = (headers: Record<string, string>) =>
    me(restApiEvent({ method: 'GET', path: '/me', headers }));

  const newUser = (prefix: string) => adminCreatedUser(s, prefix, { email: true });

  /** A user who has set NEW_PASSWORD, and their tokens (through the handler). */
  async function signedIn(prefix: string) {
    const username = await newUser(prefix);
    const result = await post({ username, password: TEMPORARY_PASSWORD, newPassword: NEW_PASSWORD });
    expect(result.statusCode).toBe(200);
    const tokens = bodyOf(result).tokens;
    if (!tokens) throw new Error('no tokens');
    return { username, tokens };
  }

  describe('sign-in handler', () => {
    it('completes NEW_PASSWORD_REQUIRED in one invocation and answers 200 with the tokens, uncacheable', async () => {
      const username = await newUser('lambda-good');
      const result = await post({ username, password: TEMPORARY_PASSWORD, newPassword: NEW_PASSWORD });
      expect(result.statusCode).toBe(200);
      expect(result.headers).toMatchObject({
        'content-type': 'application/json',
        'cache-control': 'no-store',
      });
      const tokens = bodyOf(result).tokens;
      const claims = (await verifier.verifyIdToken(tokens?.idToken ?? ''))._unsafeUnwrap();
      expect(claims['cognito:username']).toBe(username);
      expect(typeof tokens?.refreshToken).toBe('string');

      // The new password is the password now, sent this time as a base64-encoded body.
      const again = await post({ username, password: NEW_PASSWORD }, true);
      expect(again.statusCode).toBe(200);
      expect(bodyOf(again).tokens?.accessToken).toMatch(/^ey/);
    });

    it('without newPassword, a temporary password is 409 NewPasswordRequired with the required attributes', async () => {
      const username = await newUser('lambda-temp');
      const result = await post({ username, password: TEMPORARY_PASSWORD });
      expect(result.statusCode).toBe(409);
      expect(bodyOf(result).error).toMatchObject({
        type: 'NewPasswordRequired',
        retryable: false,
        requiredAttributes: [],
      });
    });

    it('a bad body is 400 InvalidRequest without calling Cognito', async () => {
      const bodies: unknown[] = [
        undefined,
        'username=alice&password=secret',
        '{"username": "alice",',
        '[1, 2]',
        'null',
        {},
        { username: 'alice' },
        { username: '', password: 'x' },
        { username: 'alice', password: 'Temp-Passw0rd!', newPassword: 7 },
        {
          username: 'alice',
          password: 'Temp-Passw0rd!',
          newPassword: NEW_PASSWORD,
          attributes: { email: 1 },
        },
      ];
      for (const body of bodies) {
        const result = await post(body);
        expect(result.statusCode, JSON.stringify(body)).toBe(400);
        expect(bodyOf(result).error?.type).toBe('InvalidRequest');
      }
    });

    it('a wrong password is 401 NotAuthorized; an unknown user gets the same answer', async () => {
      const username = await newUser('lambda-wrong');
      const wrong = await post({ username, password: 'Wrong-Passw0rd!' });
      expect(wrong.statusCode).toBe(401);
      expect(bodyOf(wrong).error).toMatchObject({ type: 'NotAuthorized', retryable: false });
      expect(wrong.body).not.toContain('Wrong-Passw0rd!');

      const unknown = await post({ username: uniqueUsername('nobody'), password: 'Wrong-Passw0rd!' });
      expect(unknown.statusCode).toBe(401);
      expect(bodyOf(unknown).error).toEqual({
        type: 'NotAuthorized',
        message: 'Incorrect username or password.',
        retryable: false,
      });
    });

    it('a new password the pool refuses is 400 InvalidPassword', async () => {
      const username = await newUser('lambda-weak');
      const result = await post({ username, password: TEMPORARY_PASSWORD, newPassword: 'weak' });
      expect(result.statusCode).toBe(400);
      expect(bodyOf(result).error?.type).toBe('InvalidPassword');
    });

    it('an unconfirmed user is 409 UnsupportedStep (CONFIRM_SIGN_UP); an unreachable Cognito 503 Network', async () => {
      const username = uniqueUsername('lambda-unconfirmed');
      (
        await auth.signUp({
          username,
          password: NEW_PASSWORD,
          attributes: { email: `${username}@example.com` },
        })
      )._unsafeUnwrap();
      const unconfirmed = await post({ username, password: NEW_PASSWORD });
      expect(unconfirmed.statusCode).toBe(409);
      expect(bodyOf(unconfirmed).error?.message).toBe(
        'Cognito asks for CONFIRM_SIGN_UP, which this handler does not answer',
      );

      const offline = createSignInHandler(
        AuthClient.create({
          userPoolId: s.userPoolId,
          clientId: s.secretClientId,
          clientSecret: s.clientSecret,
          endpoint: 'http://127.0.0.1:9', // the discard port: nothing answers
        })._unsafeUnwrap(),
      );
      const result = await offline(
        restApiEvent({ method: 'POST', path: '/sign-in', body: { username, password: NEW_PASSWORD } }),
      );
      expect(result.statusCode).toBe(503);
      expect(bodyOf(result).error).toMatchObject({ type: 'Network', retryable: true });
    });

    it('a step it does not answer (MFA_SETUP on a pool requiring MFA) is 409 UnsupportedStep', async () => {
      const { idp } = clientsFor(s);
      const { userPoolId, clientId } = await totpRequiredPool(s, 'lambda-mfa');
      const username = uniqueUsername('lambda-mfa');
      (
        await AdminClient.create({ userPoolId, client: idp })
          ._unsafeUnwrap()
          .createUser({ username, temporaryPassword: TEMPORARY_PASSWORD, messageAction: 'SUPPRESS' })
      )._unsafeUnwrap();
      const mfaSignIn = createSignInHandler(
        AuthClient.create({
          userPoolId,
          clientId,
          endpoint: s.endpoint,
        })._unsafeUnwrap(),
        'USER_PASSWORD_AUTH',
      );
      const result = await mfaSignIn(
        restApiEvent({
          method: 'POST',
          path: '/sign-in',
          body: { username, password: TEMPORARY_PASSWORD, newPassword: NEW_PASSWORD },
        }),
      );
      expect(result.statusCode).toBe(409);
      expect(bodyOf(result).error).toEqual({
        type: 'UnsupportedStep',
        message: 'Cognito asks for MFA_SETUP, which this handler does not answer',
        retryable: false,
      });
    });
  });

  describe('protected handler', () => {
    it('answers 200 with the verified claims for a valid access token, whatever the header case', async () => {
      const { username, tokens } = await signedIn('lambda-me');
      for (const name of ['Authorization', 'authorization']) {
        const result = await getMe({ [name]: `Bearer ${tokens.accessToken}` });
        expect(result.statusCode).toBe(200);
        expect(bodyOf(result).claims).toMatchObject({
          username,
          token_use: 'access',
          client_id: s.secretClientId,
        });
      }
    });

    it('answers 401 with WWW-Authenticate for a missing, malformed, forged or ID token', async () => {
      const missing = await getMe({});
      expect(missing.statusCode).toBe(401);
      expect(missing.headers?.['www-authenticate']).toBe('Bearer');
      expect(bodyOf(missing).error?.type).toBe('MissingToken');

      const { tokens } = await signedIn('lambda-bad-token');
      const [header, payload, signature] = tokens.accessToken.split('.') as [string, string, string];
      const forged = `${header}.${payload}.${signature.slice(0, -4)}${signature.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;
      const cases: Array<[string, string]> = [
        ['Bearer not.a.jwt', 'malformed'],
        [`Bearer ${forged}`, 'signature'],
        [`Bearer ${tokens.idToken}`, 'token_use'],
      ];
      for (const [authorization, reason] of cases) {
        const result = await getMe({ Authorization: authorization });
        expect(result.statusCode).toBe(401);
        expect(result.headers?.['www-authenticate']).toBe('Bearer error="invalid_token"');
        expect(bodyOf(result).error).toMatchObject({ type: 'InvalidToken', reason });
        expect(result.body).not.toContain(signature);
      }
    });
  });

  it('when the pool keys cannot be fetched, /me is 503 and the authorizer fails the call (API Gateway 500), not 401', async () => {
    const { tokens } = await signedIn('lambda-jwks');
    const keyless = TokenVerifier.create({
      userPoolId: s.userPoolId,
      clientId: s.secretClientId,
      jwks: 'http://127.0.0.1:9/jwks.json', // the discard port: nothing answers
      jwksTimeoutMs: 1000,
    })._unsafeUnwrap();
    const result = await createMeHandler(keyless)(
      restApiEvent({
        method: 'GET',
        path: '/me',
        headers: { Authorization: `Bearer ${tokens.accessToken}` },
      }),
    );
    expect(result.statusCode).toBe(503);
    expect(bodyOf(result).error).toMatchObject({ type: 'Unavailable', retryable: true });
    await expect(
      createAuthorizer(keyless)(tokenAuthorizerEvent(`Bearer ${tokens.accessToken}`)),
    ).rejects.toThrow('The signing keys cannot be fetched now');
  });

  describe('TOKEN authorizer', () => {
    it('allows a valid access token for the whole stage and passes the user on as context', async () => {
      const { username, tokens } = await signedIn('lambda-authz');
      const claims = (await verifier.verifyAccessToken(tokens.accessToken))._unsafeUnwrap();
      const result = await authorize(tokenAuthorizerEvent(`Bearer ${tokens.accessToken}`, 'POST', '/orders'));
      expect(result.principalId).toBe(claims.sub);
      expect(result.policyDocument.Statement).toEqual([
        {
          Effect: 'Allow',
          Action: 'execute-api:Invoke',
          Resource: 'arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/*',
        },
      ]);
      expect(result.context).toEqual({ sub: claims.sub, username, groups: '' });
    });

    it("passes the user's groups on (cognito:groups, comma-separated)", async () => {
      const { admin } = clientsFor(s);
      const group = `editors-${Date.now().toString(36)}`;
      (await admin.createGroup({ groupName: group }))._unsafeUnwrap();
      const username = await newUser('lambda-groups');
      (await admin.addUserToGroup(username, group))._unsafeUnwrap();
      const result = await post({ username, password: TEMPORARY_PASSWORD, newPassword: NEW_PASSWORD });
      expect(result.statusCode, result.body).toBe(200);
      const token = bodyOf(result).tokens?.accessToken ?? '';
      expect((await verifier.verifyAccessToken(token))._unsafeUnwrap()['cognito:groups']).toEqual([group]);
      const allowed = await authorize(tokenAuthorizerEvent(`Bearer ${token}`));
      expect(allowed.context?.groups).toBe(group);
    });

    it('fails with exactly "Unauthorized" (API Gateway then answers 401) for a missing, malformed, forged or ID token', async () => {
      const { tokens } = await signedIn('lambda-authz-bad');
      for (const header of [
        '',
        'Basic YWxpY2U6c2VjcmV0',
        'Bearer not.a.jwt',
        `Bearer ${tokens.accessToken.slice(0, -4)}${tokens.accessToken.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`,
        `Bearer ${tokens.idToken}`,
      ]) {
        await expect(authorize(tokenAuthorizerEvent(header))).rejects.toThrow(/^Unauthorized$/);
      }
    });
  });

  describe('deployable entry points (handlers.ts), configured by the function environment', () => {
    const saved = { ...process.env };
    afterEach(() => {
      process.env = { ...saved };
      vi.resetModules();
    });

    it('sign in, /me and the authorizer work once COGNITO_* are set', async () => {
      Object.assign(process.env, {
        COGNITO_USER_POOL_ID: s.userPoolId,
        COGNITO_CLIENT_ID: s.secretClientId,
        COGNITO_CLIENT_SECRET: s.clientSecret,
        COGNITO_ENDPOINT: s.endpoint,
        COGNITO_JWKS_URL: jwks,
        COGNITO_PASSWORD_FLOW: 'USER_PASSWORD_AUTH',
      });
      vi.resetModules();
      const handlers = await import('../../examples/lambda/handlers.js');
      const username = await newUser('lambda-deployed');
      const result = await handlers.signIn(
        restApiEvent({
          method: 'POST',
          path: '/sign-in',
          body: { username, password: TEMPORARY_PASSWORD, newPassword: NEW_PASSWORD },
        }),
      );
      expect(result.statusCode).toBe(200);
      const token = bodyOf(result).tokens?.accessToken ?? '';
      const mine = await handlers.me(
        restApiEvent({ method: 'GET', path: '/me', headers: { Authorization: `Bearer ${token}` } }),
      );
      expect(bodyOf(mine).claims?.username).toBe(username);
      expect(
        (await handlers.authorize(tokenAuthorizerEvent(`Bearer ${token}`))).policyDocument.Statement[0],
      ).toMatchObject({ Effect: 'Allow' });
    });

    it('without configuration every handler answers 500 InvalidConfig (the authorizer fails the call)', async () => {
      delete process.env.COGNITO_USER_POOL_ID;
      delete process.env.COGNITO_CLIENT_ID;
      vi.resetModules();
      const handlers = await import('../../examples/lambda/handlers.js');
      const result = await handlers.signIn(restApiEvent({ method: 'POST', path: '/sign-in', body: {} }));
      expect(result.statusCode).toBe(500);
      expect(bodyOf(result).error).toMatchObject({ type: 'InvalidConfig' });
      expect((await handlers.me(restApiEvent({ method: 'GET', path: '/me' }))).statusCode).toBe(500);
      await expect(handlers.authorize(tokenAuthorizerEvent('Bearer x'))).rejects.toThrow(
        /COGNITO_USER_POOL_ID/,
      );
    });

    it('clientsFromEnvironment refuses a missing pool, an unknown password flow and an invalid pool id', () => {
      expect(clientsFromEnvironment({})._unsafeUnwrapErr().type).toBe('InvalidConfig');
      const flow = clientsFromEnvironment({
        COGNITO_USER_POOL_ID: s.userPoolId,
        COGNITO_CLIENT_ID: 'client',
        COGNITO_PASSWORD_FLOW: 'CUSTOM_AUTH',
      });
      expect(flow._unsafeUnwrapErr().message).toBe(
        'COGNITO_PASSWORD_FLOW must be USER_SRP_AUTH or USER_PASSWORD_AUTH',
      );
      const pool = clientsFromEnvironment({
        COGNITO_USER_POOL_ID: 'not-a-pool',
        COGNITO_CLIENT_ID: 'client',
      });
      expect(pool._unsafeUnwrapErr().type).toBe('InvalidConfig');
    });
  });

  // Not a duplicate of the tests above: they call the handler factories; this runs main.ts as users do (moto
  // started and provisioned by the script, the function environment set from it) and checks its expectations.
  it('main.ts starts its own moto, invokes the handlers with realistic events and exits 0', async () => {
    const { stdout } = await run(
      'npx',
      ['tsx', '--conditions=cognito-flow-source', 'examples/lambda/main.ts'],
      {
        timeout: 90_000,
        env: { ...process.env, COGNITO_USER_POOL_ID: '' },
      },
    );
    expect(stdout).toMatch(/form body instead of JSON +→ 400 InvalidRequest/);
    expect(stdout).toMatch(/wrong password +→ 401 NotAuthorized/);
    expect(stdout).toMatch(/temporary password +→ 409 NewPasswordRequired/);
    expect(stdout).toMatch(/temporary and a new password → 200 tokens/);
    expect(stdout).toMatch(/new password \(base64 body\) +→ 200 tokens/);
    expect(stdout).toMatch(
      /GET \/me with the access token +→ 200 claims: username=lambda-user-\w+ token_use=access/,
    );
    expect(stdout).toMatch(/GET \/me with a malformed token +→ 401 InvalidToken/);
    expect(stdout).toMatch(/a valid token +→ Allow arn:aws:execute-api:.*\/prod\/\*/);
    expect(stdout).toContain('a forged token → rejected with "Unauthorized"');
    expect(stdout).toMatch(/Stopped moto_server \(pid \d+\)/);
  }, 120_000);
});
