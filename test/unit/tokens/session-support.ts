import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { type AuthContext, authContext } from '../../../src/auth/context.js';
import type { DeviceStore } from '../../../src/auth/devices/device-store.js';
import { userPoolSdkTransport } from '../../../src/auth/user-pool-transport.js';
import { parseAuthConfig } from '../../../src/config/auth-config.js';
import type { TokenSet } from '../../../src/tokens/token-set.js';
import { fakeJwt } from '../../support/jwt.js';

export const userPoolId = 'eu-west-1_AbC123';
export const clientId = 'client1';
export const clientSecret = 'the-client-secret-value';
export const meta = { $metadata: { requestId: 'req-s', httpStatusCode: 400 } };

/** A settable clock in epoch ms. */
export function fakeClock(start = Date.UTC(2030, 0, 1)) {
  const clock = { now: start, advance: (ms: number) => (clock.now += ms) };
  return clock;
}

/** A session context on a real SDK client (intercepted by aws-sdk-client-mock) with the fake clock. */
export function sessionContext(
  clock: { now: number },
  options: { secret?: boolean; deviceStore?: DeviceStore } = {},
): AuthContext {
  const client = new CognitoIdentityProviderClient({ region: 'eu-west-1', maxAttempts: 1 });
  const config = parseAuthConfig({
    userPoolId,
    clientId,
    ...(options.secret ? { clientSecret } : {}),
    ...(options.deviceStore ? { deviceStore: options.deviceStore } : {}),
    client,
    now: () => clock.now,
  })._unsafeUnwrap();
  return authContext(config, userPoolSdkTransport(client));
}

export interface TokenOptions {
  /** `cognito:username` (ID token) and `username` (access token). */
  readonly username?: string;
  readonly sub?: string;
  readonly lifetimeSeconds?: number;
  readonly refreshToken?: string | null;
  readonly deviceKey?: string;
  readonly label?: string;
}

/** Cognito-shaped tokens issued at `now` (epoch ms), as a TokenSet. */
export function tokensAt(now: number, options: TokenOptions = {}): TokenSet {
  const iat = Math.floor(now / 1000);
  const lifetime = options.lifetimeSeconds ?? 3600;
  const username = options.username ?? 'alice-internal';
  const sub = options.sub ?? 'sub-alice';
  const iss = `https://cognito-idp.eu-west-1.amazonaws.com/${userPoolId}`;
  const common = { sub, iss, iat, exp: iat + lifetime, jti: options.label ?? `jti-${iat}` };
  return {
    idToken: fakeJwt({ ...common, aud: clientId, token_use: 'id', 'cognito:username': username }),
    accessToken: fakeJwt({
      ...common,
      client_id: clientId,
      token_use: 'access',
      username,
      ...(options.deviceKey ? { device_key: options.deviceKey } : {}),
    }),
    ...(options.refreshToken === null ? {} : { refreshToken: options.refreshToken ?? 'refresh-token-1' }),
    expiresAt: iat * 1000 + lifetime * 1000,
    tokenType: 'Bearer',
  };
}

/** Cognito's AuthenticationResult for tokens issued at `now`. */
export function authenticationResult(now: number, options: TokenOptions = {}) {
  const tokens = tokensAt(now, options);
  return {
    AuthenticationResult: {
      IdToken: tokens.idToken,
      AccessToken: tokens.accessToken,
      ExpiresIn: options.lifetimeSeconds ?? 3600,
      TokenType: 'Bearer',
      ...(options.refreshToken ? { RefreshToken: options.refreshToken } : {}),
    },
  };
}

/** What moto (and any endpoint without the operation) makes the SDK throw: an HTML 500 it cannot parse. */
export function htmlServerError(): Error {
  return Object.assign(new SyntaxError(`Unexpected token '<', "<!doctype "... is not valid JSON`), {
    $metadata: { httpStatusCode: 500 },
  });
}

/** The AWS JSON protocol's unambiguous answer for an operation the endpoint does not have. */
export function unknownOperationError(): Error {
  return Object.assign(new Error('UnknownOperationException'), {
    name: 'UnknownOperationException',
    $fault: 'client',
    $metadata: { httpStatusCode: 400 },
  });
}
