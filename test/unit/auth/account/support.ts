import { createHmac } from 'node:crypto';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import type { AuthContext } from '../../../../src/auth/context.js';
import { authContext } from '../../../../src/auth/context.js';
import { userPoolSdkTransport } from '../../../../src/auth/user-pool-transport.js';
import { parseAuthConfig } from '../../../../src/config/auth-config.js';

/** Every CognitoIdentityProviderClient in the importing test file answers from this mock. */
export const cognito = mockClient(CognitoIdentityProviderClient);

export const userPoolId = 'eu-west-1_AbC123';
export const clientId = 'client1';
export const clientSecret = 'client-secret-value-0123456789';
export const accessToken = 'eyJhbGciOi.access-token-value.sig';
/** Metadata of a 400 answer, as the SDK attaches it to service exceptions. */
export const meta = { $metadata: { requestId: 'req-acc', httpStatusCode: 400 } } as const;

/** A context as AuthClient builds it: parsed config + SDK transport over a (mocked) client. */
export function contextFor(options: { secret?: boolean; now?: () => number } = {}): AuthContext {
  const config = parseAuthConfig({
    userPoolId,
    clientId,
    ...(options.secret ? { clientSecret } : {}),
    ...(options.now ? { now: options.now } : {}),
  })._unsafeUnwrap();
  return authContext(
    config,
    userPoolSdkTransport(new CognitoIdentityProviderClient({ region: 'eu-west-1' })),
  );
}

/** SECRET_HASH computed independently of the library: Base64(HMAC-SHA256(secret, username + clientId)). */
export function expectedSecretHash(username: string): string {
  return createHmac('sha256', clientSecret)
    .update(username + clientId)
    .digest('base64');
}

/** The input of the only command of a kind the mock received. */
export function onlyInput<T>(calls: readonly { args: readonly [{ input: T }] }[]): T {
  if (calls.length !== 1) throw new Error(`expected exactly one call, got ${calls.length}`);
  return (calls[0] as { args: readonly [{ input: T }] }).args[0].input;
}
