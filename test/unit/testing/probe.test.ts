import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { AuthClient, type DeviceStore } from 'cognito-flow';
import { mockCognito } from 'cognito-flow/testing';
import 'cognito-flow/testing/vitest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// A local stand-in for Cognito's endpoint that only counts what reaches it, and answers NotAuthorized.
const received: string[] = [];
const server = createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => {
    body += chunk;
  });
  request.on('end', () => {
    received.push(`${request.headers['x-amz-target']} ${body}`);
    response.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
    response.end(
      JSON.stringify({ __type: 'NotAuthorizedException', message: 'Incorrect username or password.' }),
    );
  });
});
let endpoint = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const isStubbed = () => 'restore' in CognitoIdentityProviderClient.prototype.send;

describe('the probe that learns an AuthClient’s user pool', () => {
  it('never reaches the network, even when restore() comes before the probe does', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // A device store that answers only when released: the probe's call is held back until after restore().
    const deviceStore: DeviceStore = {
      get: async () => {
        await gate;
        return undefined;
      },
      set: async () => {},
      delete: async () => {},
    };
    const client = new CognitoIdentityProviderClient({ region: 'eu-west-1', endpoint, maxAttempts: 1 });
    const auth = AuthClient.create({
      userPoolId: 'eu-west-1_Probe1',
      clientId: 'web',
      client,
      deviceStore,
    })._unsafeUnwrap();

    mockCognito(auth).restore();
    release();
    await vi.waitFor(() => expect(isStubbed()).toBe(false));
    // Had the probe been let out, it would reach the local endpoint within milliseconds.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received).toEqual([]);

    // Restored for real: the user's own call goes to the endpoint.
    expect(
      await auth.signIn({ username: 'alice', password: 'Passw0rd!', flow: 'USER_PASSWORD_AUTH' }),
    ).toBeErrType('NotAuthorized');
    expect(received).toHaveLength(1);
    expect(received[0]).toContain('InitiateAuth');
    expect(received[0]).not.toContain('cognito-flow-testing-probe');
  });

  it('calls made between restore() and the probe’s arrival go through to the real client', async () => {
    received.length = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const deviceStore: DeviceStore = {
      get: async (username) => {
        if (username.startsWith('cognito-flow-testing-probe')) await gate;
        return undefined;
      },
      set: async () => {},
      delete: async () => {},
    };
    const client = new CognitoIdentityProviderClient({ region: 'eu-west-1', endpoint, maxAttempts: 1 });
    const auth = AuthClient.create({
      userPoolId: 'eu-west-1_Probe1',
      clientId: 'web',
      client,
      deviceStore,
    })._unsafeUnwrap();

    const cognito = mockCognito(auth).signInSucceeds('alice');
    cognito.restore();
    expect(isStubbed()).toBe(true);
    const result = await auth.signIn({
      username: 'alice',
      password: 'Passw0rd!',
      flow: 'USER_PASSWORD_AUTH',
    });
    expect(result).toBeErrType('NotAuthorized');
    expect(received).toHaveLength(1);
    release();
    await vi.waitFor(() => expect(isStubbed()).toBe(false));
    expect(received).toHaveLength(1);
  });
});
