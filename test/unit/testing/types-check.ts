import type { InitiateAuthCommandInput } from '@aws-sdk/client-cognito-identity-provider';
import type { AuthClient, SignInStep } from 'cognito-flow';
import type { IdentityPool } from 'cognito-flow/identity';
import {
  type CognitoMock,
  type IdentityPoolMock,
  mockCognito,
  type UserPoolMock,
} from 'cognito-flow/testing';
import 'cognito-flow/testing/vitest';
import { ok } from 'neverthrow';
import { expect, expectTypeOf } from 'vitest';

/**
 * Compile-time checks of the testing API, run by `npm run typecheck` (tsc): each `@ts-expect-error` must
 * meet an error. Never called; not a vitest file.
 */
export function typeChecks(auth: AuthClient, pool: IdentityPool, step: SignInStep) {
  const userPool = mockCognito(auth);
  const identity = mockCognito(pool);
  expectTypeOf(userPool).toEqualTypeOf<UserPoolMock>();
  expectTypeOf(identity).toEqualTypeOf<IdentityPoolMock>();
  expectTypeOf(mockCognito()).toEqualTypeOf<CognitoMock>();
  expectTypeOf(userPool.calls('InitiateAuth')).toEqualTypeOf<readonly InitiateAuthCommandInput[]>();
  // @ts-expect-error an identity-pool mock has no sign-in scenarios
  identity.signInSucceeds('carol');
  // @ts-expect-error a user-pool mock does not answer identity-pool operations
  userPool.calls('GetId');
  // @ts-expect-error sent() takes the fields of that operation's input only
  userPool.sent('InitiateAuth', { Nope: 1 });
  expect(step).toBeAtStep('SIGNED_IN');
  // @ts-expect-error not a step name
  expect(step).toBeAtStep('LOGGED_IN');
  // @ts-expect-error not an error type
  expect(ok(1)).toBeErrType('WrongPassword');
}
