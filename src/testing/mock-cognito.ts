import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { AuthClient } from '../auth/auth-client.js';
import type { IdentityPool } from '../identity/identity-pool.js';
import { userPoolProbe } from './auth-client-probe.js';
import {
  type CognitoMock,
  CognitoMockImpl,
  type IdentityPoolMock,
  type UserPoolMock,
} from './cognito-mock.js';
import { defaultSigningKey, type SigningKey } from './signing-key.js';
import { TEST_USER_POOL_ID } from './test-identifiers.js';

/**
 * Options of {@link mockCognito}.
 *
 * @example
 * ```ts
 * const cognito = mockCognito(sdkClient, { userPoolId: 'eu-west-1_AbC123' });
 * ```
 */
export interface MockCognitoOptions {
  /**
   * The user pool tokens are minted for (`iss`). Learnt from an `AuthClient` target; otherwise
   * {@link TEST_USER_POOL_ID} unless given.
   */
  readonly userPoolId?: string;
  /** The key tokens are signed with (default {@link defaultSigningKey}). */
  readonly key?: SigningKey;
}

function isAuthClient(target: object): target is AuthClient {
  return typeof (target as Partial<AuthClient>).adminSignIn === 'function';
}

function isIdentityPool(target: object): target is IdentityPool {
  return typeof (target as Partial<IdentityPool>).getCredentials === 'function';
}

/**
 * Mocks Cognito for a test, on aws-sdk-client-mock: no network, answers shaped exactly as Cognito's API
 * returns them, and a record of what was sent.
 *
 * - `mockCognito()` mocks every `CognitoIdentityProviderClient` and `CognitoIdentityClient`.
 * - `mockCognito(sdkClient)` mocks that one SDK client (user pool or identity pool).
 * - `mockCognito(auth)` mocks the user pool behind an `AuthClient` from `cognito-flow` and mints tokens
 *   for its user pool. The AuthClient's SDK client is private: the mock covers every
 *   `CognitoIdentityProviderClient` until a probe (one AdminInitiateAuth it answers itself, never
 *   recorded) has found it, within the first ticks, and from then on only that client.
 * - `mockCognito(pool)` mocks the identity pool behind an `IdentityPool` (every `CognitoIdentityClient`).
 *
 * Call `restore()` when the test is done (e.g. in `afterEach`).
 *
 * @example
 * ```ts
 * import { mockCognito } from 'cognito-flow/testing';
 *
 * const auth = AuthClient.create({ userPoolId: 'eu-west-1_AbC123', clientId: 'web' })._unsafeUnwrap();
 * const cognito = mockCognito(auth).signInRequiresNewPassword('alice', { requiredAttributes: ['email'] });
 * const step = await auth.signIn({ username: 'alice', password: 'temporary' }); // Ok(NEW_PASSWORD_REQUIRED)
 * expect(cognito.sent('InitiateAuth', { AuthFlow: 'USER_SRP_AUTH' })).toBe(true);
 * cognito.restore();
 * ```
 */
export function mockCognito(target?: undefined, options?: MockCognitoOptions): CognitoMock;
export function mockCognito(
  target: AuthClient | CognitoIdentityProviderClient,
  options?: MockCognitoOptions,
): UserPoolMock;
export function mockCognito(
  target: IdentityPool | CognitoIdentityClient,
  options?: MockCognitoOptions,
): IdentityPoolMock;
export function mockCognito(
  target?: AuthClient | CognitoIdentityProviderClient | IdentityPool | CognitoIdentityClient,
  options: MockCognitoOptions = {},
): CognitoMock | UserPoolMock | IdentityPoolMock {
  const key = options.key ?? defaultSigningKey();
  const given = options.userPoolId;
  const fixedPool = () => Promise.resolve(given ?? TEST_USER_POOL_ID);
  if (target === undefined) {
    return new CognitoMockImpl({
      userPool: CognitoIdentityProviderClient,
      identityPool: CognitoIdentityClient,
      userPoolId: fixedPool,
      key,
    });
  }
  if (target instanceof CognitoIdentityProviderClient) {
    return new CognitoMockImpl({ userPool: target, userPoolId: fixedPool, key });
  }
  if (target instanceof CognitoIdentityClient) {
    return new CognitoMockImpl({ identityPool: target, userPoolId: fixedPool, key });
  }
  if (isAuthClient(target)) {
    if (given !== undefined) {
      return new CognitoMockImpl({ userPool: CognitoIdentityProviderClient, userPoolId: fixedPool, key });
    }
    // The AuthClient keeps its config private: a probe tells the user pool id (see userPoolProbe).
    const probe = userPoolProbe(target);
    const mock = new CognitoMockImpl({
      userPool: CognitoIdentityProviderClient,
      userPoolId: () => probe.userPoolId,
      key,
      probe,
    });
    probe.start();
    return mock;
  }
  if (isIdentityPool(target)) {
    return new CognitoMockImpl({ identityPool: CognitoIdentityClient, userPoolId: fixedPool, key });
  }
  // Plain JavaScript callers may pass anything: mock both services, as with no target.
  return new CognitoMockImpl({
    userPool: CognitoIdentityProviderClient,
    identityPool: CognitoIdentityClient,
    userPoolId: fixedPool,
    key,
  });
}
