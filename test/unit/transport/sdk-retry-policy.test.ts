import { Readable } from 'node:stream';
import {
  CognitoIdentityProviderClient,
  GetUserCommand,
  RespondToAuthChallengeCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { describe, expect, it } from 'vitest';
import { withRetryPolicy } from '../../../src/transport/sdk-retry-policy.js';

/**
 * The SDK's own retry middleware only runs inside `client.send`, which aws-sdk-client-mock replaces; so
 * these tests stub the client's request handler (the HTTP layer below the middleware) instead.
 */
type Reply = { status: number; body: string } | Error;

function stubbedClient(replies: Reply[]) {
  const seen: string[] = [];
  const client = new CognitoIdentityProviderClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    requestHandler: {
      async handle(request: { headers: Record<string, string> }) {
        seen.push(request.headers['x-amz-target'] ?? '');
        const reply = replies.shift() ?? { status: 200, body: '{}' };
        if (reply instanceof Error) throw reply;
        return {
          response: {
            statusCode: reply.status,
            headers: { 'content-type': 'application/x-amz-json-1.1' },
            body: Readable.from([Buffer.from(reply.body)]),
          },
        };
      },
    },
  });
  return { client, seen };
}

const reset = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
const html500: Reply = { status: 500, body: '<html>oops</html>' };
const throttled: Reply = {
  status: 400,
  body: JSON.stringify({ __type: 'TooManyRequestsException', message: 'slow down' }),
};
const answer = () =>
  new RespondToAuthChallengeCommand({
    ClientId: 'client1',
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    Session: 'session-value',
    ChallengeResponses: { USERNAME: 'alice', NEW_PASSWORD: 'N3w-Passw0rd!' },
  });

const failureOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (thrown) {
    return thrown as {
      name?: string;
      code?: string;
      $metadata?: { attempts?: number; httpStatusCode?: number };
    };
  }
  throw new Error('expected the call to fail');
};

describe('withRetryPolicy on a real SDK client (stubbed HTTP handler)', () => {
  it('without it, the SDK re-sends RespondToAuthChallenge after a reset (3 attempts): the behaviour it fixes', async () => {
    const { client, seen } = stubbedClient([reset(), reset(), reset()]);
    await failureOf(client.send(answer()));
    expect(seen).toHaveLength(3);
  });

  it('sends RespondToAuthChallenge once after a reset and throws the original error (code, attempts 1)', async () => {
    const { client, seen } = stubbedClient([reset(), reset()]);
    const failure = await failureOf(withRetryPolicy(client).send(answer()));
    expect(seen).toEqual(['AWSCognitoIdentityProviderService.RespondToAuthChallenge']);
    expect(failure.code).toBe('ECONNRESET');
    expect(failure.name).not.toBe('CognitoFlowHeldFailure');
  });

  it('sends RespondToAuthChallenge once after an HTML 500, keeping the status and attempts = 1', async () => {
    const { client, seen } = stubbedClient([html500, html500]);
    const failure = await failureOf(withRetryPolicy(client).send(answer()));
    expect(seen).toHaveLength(1);
    expect(failure.$metadata).toMatchObject({ httpStatusCode: 500, attempts: 1 });
  });

  it('re-sends RespondToAuthChallenge after throttling and after a refused connection, then succeeds', async () => {
    const { client, seen } = stubbedClient([
      throttled,
      refused(),
      { status: 200, body: '{"Session":"next"}' },
    ]);
    const output = await withRetryPolicy(client).send(answer());
    expect(output.Session).toBe('next');
    expect(seen).toHaveLength(3);
    expect(output.$metadata.attempts).toBe(3);
  });

  it('leaves repeatable operations to the SDK: GetUser is retried after a reset and an HTML 500', async () => {
    const { client, seen } = stubbedClient([reset(), html500, { status: 200, body: '{"Username":"alice"}' }]);
    const output = await withRetryPolicy(client).send(new GetUserCommand({ AccessToken: 'token' }));
    expect(output.Username).toBe('alice');
    expect(seen).toHaveLength(3);
  });

  it('passes service errors through unchanged and unretried (NotAuthorized is not transient)', async () => {
    const { client, seen } = stubbedClient([
      {
        status: 400,
        body: JSON.stringify({ __type: 'NotAuthorizedException', message: 'Invalid session for the user.' }),
      },
    ]);
    const failure = await failureOf(withRetryPolicy(client).send(answer()));
    expect(failure.name).toBe('NotAuthorizedException');
    expect(seen).toHaveLength(1);
  });

  it('is idempotent: applying it twice still sends once after a reset', async () => {
    const { client, seen } = stubbedClient([reset(), reset()]);
    await failureOf(withRetryPolicy(withRetryPolicy(client)).send(answer()));
    expect(seen).toHaveLength(1);
  });
});
