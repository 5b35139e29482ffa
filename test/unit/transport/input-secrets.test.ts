import { inspect } from 'node:util';
import {
  CognitoIdentityProviderClient,
  GetUserCommand,
  NotAuthorizedException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { fetchTransport } from '../../../src/transport/fetch-transport.js';
import { inputSecrets } from '../../../src/transport/input-secrets.js';
import { sdkTransport } from '../../../src/transport/sdk-transport.js';

describe('inputSecrets', () => {
  it('takes the password and SECRET_HASH of AuthParameters, not USERNAME or SRP_A', () => {
    expect(
      inputSecrets({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: 'client1',
        AuthParameters: { USERNAME: 'alice', PASSWORD: 'pw-secret', SECRET_HASH: 'hash=', SRP_A: 'abcdef' },
      }).sort(),
    ).toEqual(['hash=', 'pw-secret']);
  });

  it('takes the session and every challenge response except the public ones', () => {
    expect(
      inputSecrets({
        ChallengeName: 'NEW_PASSWORD_REQUIRED',
        Session: 'session-value',
        ChallengeResponses: { USERNAME: 'alice', NEW_PASSWORD: 'new-pw', DEVICE_KEY: 'us-east-1_dev' },
      }).sort(),
    ).toEqual(['new-pw', 'session-value']);
  });

  it('takes tokens, passwords, codes and the device verifier', () => {
    expect(
      inputSecrets({ AccessToken: 'at', PreviousPassword: 'old', ProposedPassword: 'new' }).sort(),
    ).toEqual(['at', 'new', 'old']);
    expect(inputSecrets({ Token: 'refresh', ClientSecret: 'cs', ClientId: 'client1' }).sort()).toEqual([
      'cs',
      'refresh',
    ]);
    expect(inputSecrets({ AccessToken: 'at', UserCode: '123456' }).sort()).toEqual(['123456', 'at']);
    expect(
      inputSecrets({
        DeviceKey: 'key',
        DeviceSecretVerifierConfig: { PasswordVerifier: 'verifier', Salt: 'salt' },
      }),
    ).toEqual(['verifier']);
  });

  it('returns nothing for inputs without secrets or that are not objects, and never throws', () => {
    expect(inputSecrets({ ClientId: 'client1', Username: 'alice' })).toEqual([]);
    expect(inputSecrets(undefined)).toEqual([]);
    expect(inputSecrets('Session')).toEqual([]);
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('trap');
        },
      },
    );
    expect(inputSecrets(hostile)).toEqual([]);
  });
});

describe('both transports redact the secrets of the input even when the caller declares none', () => {
  const ACCESS_TOKEN = 'eyJraWQiOiJleGFtcGxlIn0.access-token-body.signature-part';
  type Ops = { GetUser: { input: { AccessToken: string }; output: unknown } };
  const everything = (error: unknown) =>
    `${JSON.stringify(error)}\n${inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true })}`;

  it('the SDK transport: an echoed access token is gone from the message and the cause', async () => {
    const client = new CognitoIdentityProviderClient({ region: 'us-east-1' });
    const mock = mockClient(client);
    mock.on(GetUserCommand).callsFake((input: { AccessToken: string }) => {
      throw new NotAuthorizedException({
        message: `Invalid token ${input.AccessToken}`,
        $metadata: { httpStatusCode: 400 },
      });
    });
    const transport = sdkTransport<Ops>(client, { GetUser: GetUserCommand });
    const error = (await transport('GetUser', { AccessToken: ACCESS_TOKEN }))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'NotAuthorized', message: 'Invalid token [REDACTED]' });
    expect(everything(error)).not.toContain(ACCESS_TOKEN);
    mock.restore();
  });

  it('the fetch transport: an echoed access token is gone from the message and the cause', async () => {
    const echoing: typeof fetch = async (_url, init) =>
      new Response(
        JSON.stringify({
          __type: 'NotAuthorizedException',
          message: `Invalid token ${JSON.parse(String(init?.body)).AccessToken}`,
        }),
        { status: 400, headers: { 'content-type': 'application/x-amz-json-1.1' } },
      );
    const transport = fetchTransport<Ops>({ service: 'cognito-idp', region: 'us-east-1', fetch: echoing });
    const error = (await transport('GetUser', { AccessToken: ACCESS_TOKEN }))._unsafeUnwrapErr();
    expect(error).toMatchObject({ type: 'NotAuthorized', message: 'Invalid token [REDACTED]' });
    expect(everything(error)).not.toContain(ACCESS_TOKEN);
  });
});
