import { randomUUID } from 'node:crypto';
import type { AuthClient } from '../auth/auth-client.js';
import { field } from './mock-rule.js';
import { TEST_USER_POOL_ID } from './test-identifiers.js';

/** Every probe user name starts with this; a mock never records or answers such a call as a user's. */
export const PROBE_PREFIX = 'cognito-flow-testing-probe-';

/**
 * How a mock learns the user pool id of an `AuthClient`, whose config is private: once the mock is
 * installed, the client signs in a probe user through the admin API (AdminInitiateAuth carries
 * `UserPoolId`); the mock hands that call to `seen` and refuses it. An AuthClient on another transport
 * (or with an invalid config) never sends it, and the test pool id is used.
 */
export interface UserPoolProbe {
  /** The probe's user name. */
  readonly username: string;
  /** The pool id, once the probe was seen (or has failed). */
  readonly userPoolId: Promise<string>;
  /** Called by the mock with the probe's AdminInitiateAuth input. */
  seen(input: unknown): void;
  /** Resolves once the probe's sign-in has finished, whether or not the mock saw it. */
  readonly settled: Promise<void>;
  /** Starts the probe (call it after the mock is installed). */
  start(): void;
}

/**
 * A probe of `auth`'s user pool id.
 *
 * @example
 * ```ts
 * const probe = userPoolProbe(auth); // install the mock with probe.seen, then probe.start()
 * ```
 */
export function userPoolProbe(auth: AuthClient): UserPoolProbe {
  const username = `${PROBE_PREFIX}${randomUUID()}`;
  let learn: (id: string) => void = () => {};
  const userPoolId = new Promise<string>((resolve) => {
    learn = resolve;
  });
  let settle: () => void = () => {};
  const settled = new Promise<void>((resolve) => {
    settle = resolve;
  });
  return {
    username,
    userPoolId,
    settled,
    seen: (input) => learn(field(input, 'UserPoolId') ?? TEST_USER_POOL_ID),
    start: () => {
      void auth.adminSignIn({ username, password: username }).then(() => {
        learn(TEST_USER_POOL_ID);
        settle();
      });
    },
  };
}
