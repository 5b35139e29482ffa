import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { afterEach, describe, expect, it } from 'vitest';
import type { UserPoolAuthOperations } from '../../../src/auth/user-pool-transport.js';
import type { IdentityPoolOperations } from '../../../src/identity/identity-transport.js';
import { IdentityPool } from '../../../src/identity/index.js';
import { AuthClient } from '../../../src/index.js';
import { fetchTransport } from '../../../src/transport/fetch-transport.js';
import { fakeAccessToken, fakeIdToken } from '../../support/jwt.js';

type Handler = (target: string, body: Record<string, unknown>, res: ServerResponse) => void;

/** A loopback HTTP server that records each X-Amz-Target and answers with `handler`. */
async function serve(handler: Handler): Promise<{ url: string; server: Server; targets: string[] }> {
  const targets: string[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let raw = '';
    req.on('data', (chunk) => {
      raw += chunk;
    });
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      targets.push(target);
      handler(target, raw ? JSON.parse(raw) : {}, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, targets };
}

let running: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (running ? running.close(resolve) : resolve(undefined)));
  running = undefined;
});

const USER_POOL_ID = 'us-east-1_AbC123';
const REGION = 'us-east-1';
const POOL_ID = 'us-east-1:1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d';
const CREDENTIALS = { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' };

/** The same AuthClient / IdentityPool, once on the SDK transport and once on the fetch transport. */
const TRANSPORTS = {
  sdk: (url: string) => ({
    auth: AuthClient.create({
      userPoolId: USER_POOL_ID,
      clientId: 'client1',
      client: new CognitoIdentityProviderClient({
        region: REGION,
        endpoint: url,
        maxAttempts: 1,
        credentials: CREDENTIALS,
      }),
    })._unsafeUnwrap(),
    pool: IdentityPool.create({
      identityPoolId: POOL_ID,
      client: new CognitoIdentityClient({ region: REGION, endpoint: url, maxAttempts: 1 }),
    })._unsafeUnwrap(),
  }),
  fetch: (url: string) => ({
    auth: new AuthClient(
      { userPoolId: USER_POOL_ID, clientId: 'client1' },
      fetchTransport<UserPoolAuthOperations>({
        service: 'cognito-idp',
        region: REGION,
        endpoint: url,
        maxAttempts: 1,
      }),
    ),
    pool: new IdentityPool(
      { identityPoolId: POOL_ID },
      fetchTransport<IdentityPoolOperations>({
        service: 'cognito-identity',
        region: REGION,
        endpoint: url,
        maxAttempts: 1,
      }),
    ),
  }),
};

function answer(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, {
    'content-type': 'application/x-amz-json-1.1',
    'x-amzn-requestid': 'req-loop',
    ...headers,
  });
  res.end(JSON.stringify(body));
}

const PASSWORD = 'Hunter2-Correct!';

describe.each(Object.keys(TRANSPORTS) as (keyof typeof TRANSPORTS)[])(
  'the same flows over the %s transport (loopback server)',
  (name) => {
    const make = TRANSPORTS[name];

    it('signs in with USER_PASSWORD_AUTH and gets identity credentials with a Date expiration', async () => {
      const idToken = fakeIdToken('alice', { userPoolId: USER_POOL_ID });
      const expiration = Math.floor(Date.now() / 1000) + 3600;
      const { url, server, targets } = await serve((target, body, res) => {
        if (target.endsWith('.InitiateAuth')) {
          expect(body).toMatchObject({
            AuthFlow: 'USER_PASSWORD_AUTH',
            AuthParameters: { USERNAME: 'alice', PASSWORD },
          });
          answer(res, 200, {
            AuthenticationResult: {
              IdToken: idToken,
              AccessToken: fakeAccessToken('alice', { userPoolId: USER_POOL_ID }),
              RefreshToken: 'refresh-token-1',
              ExpiresIn: 3600,
              TokenType: 'Bearer',
            },
          });
        } else if (target.endsWith('.GetId')) {
          answer(res, 200, { IdentityId: 'us-east-1:identity-1' });
        } else {
          answer(res, 200, {
            IdentityId: 'us-east-1:identity-1',
            Credentials: {
              AccessKeyId: 'ASIA1',
              SecretKey: 'sk',
              SessionToken: 'st',
              Expiration: expiration,
            },
          });
        }
      });
      running = server;
      const { auth, pool } = make(url);
      const step = (
        await auth.signIn({ username: 'alice', password: PASSWORD, flow: 'USER_PASSWORD_AUTH' })
      )._unsafeUnwrap();
      expect(step.step).toBe('SIGNED_IN');
      if (step.step !== 'SIGNED_IN') return;
      const creds = (await pool.getCredentials({ idToken: step.tokens.idToken }))._unsafeUnwrap();
      expect(creds).toEqual({
        accessKeyId: 'ASIA1',
        secretAccessKey: 'sk',
        sessionToken: 'st',
        expiration: new Date(expiration * 1000),
        identityId: 'us-east-1:identity-1',
      });
      expect(targets).toEqual([
        'AWSCognitoIdentityProviderService.InitiateAuth',
        'AWSCognitoIdentityService.GetId',
        'AWSCognitoIdentityService.GetCredentialsForIdentity',
      ]);
    });

    it("reads Cognito's JSON error (__type) into NotAuthorized with the request id", async () => {
      const { url, server } = await serve((_, __, res) =>
        answer(res, 400, { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' }),
      );
      running = server;
      const error = (
        await make(url).auth.signIn({ username: 'alice', password: PASSWORD, flow: 'USER_PASSWORD_AUTH' })
      )._unsafeUnwrapErr();
      expect(error).toMatchObject({
        type: 'NotAuthorized',
        message: 'Incorrect username or password.',
        requestId: 'req-loop',
        retryable: false,
      });
    });

    it('reads an error named only in x-amzn-ErrorType into UserNotFound', async () => {
      const { url, server } = await serve((_, __, res) =>
        answer(
          res,
          400,
          { message: 'User does not exist.' },
          { 'x-amzn-errortype': 'UserNotFoundException' },
        ),
      );
      running = server;
      const error = (
        await make(url).auth.signIn({ username: 'ghost', password: PASSWORD, flow: 'USER_PASSWORD_AUTH' })
      )._unsafeUnwrapErr();
      expect(error).toMatchObject({ type: 'UserNotFound', message: 'User does not exist.' });
    });

    it('turns an HTML 500 page into a retryable Unexpected error naming the status', async () => {
      const { url, server } = await serve((_, __, res) => {
        res.writeHead(500, { 'content-type': 'text/html' });
        res.end('<html><body><h1>Internal Server Error</h1></body></html>');
      });
      running = server;
      const error = (
        await make(url).auth.signIn({ username: 'alice', password: PASSWORD, flow: 'USER_PASSWORD_AUTH' })
      )._unsafeUnwrapErr();
      expect(error).toMatchObject({ type: 'Unexpected', retryable: true });
      expect(error.message).toContain('HTTP 500');
    });

    it('turns a connection reset into a retryable Network error', async () => {
      const server = createServer((req) => req.socket.destroy());
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      running = server;
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const error = (
        await make(url).auth.signIn({ username: 'alice', password: PASSWORD, flow: 'USER_PASSWORD_AUTH' })
      )._unsafeUnwrapErr();
      expect(error).toMatchObject({ type: 'Network', retryable: true });
    });

    it('turns a refused connection into a retryable Network error', async () => {
      const error = (
        await make('http://127.0.0.1:9').auth.signIn({
          username: 'alice',
          password: PASSWORD,
          flow: 'USER_PASSWORD_AUTH',
        })
      )._unsafeUnwrapErr();
      expect(error).toMatchObject({ type: 'Network', retryable: true });
    });
  },
);
