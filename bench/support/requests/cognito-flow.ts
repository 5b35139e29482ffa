import { AuthClient, type SignInStep } from 'cognito-flow';
import { IdentityPool } from 'cognito-flow/identity';
import { counted, type FlowCells, type FlowEnvironment } from './flows.js';

const HOUR = 3600_000;

function signedIn(step: {
  isOk(): boolean;
  _unsafeUnwrap(): SignInStep;
}): SignInStep & { step: 'SIGNED_IN' } {
  if (!step.isOk()) throw new Error('sign-in failed');
  const value = step._unsafeUnwrap();
  if (value.step !== 'SIGNED_IN') throw new Error(`expected SIGNED_IN, got ${value.step}`);
  return value;
}

/**
 * cognito-flow's `AuthClient` (SDK transport, default retries) and `IdentityPool`, with clocks the bench
 * can move forward instead of waiting for tokens and credentials to expire.
 *
 * @example
 * ```ts
 * const cells = await cognitoFlowRequests(env);
 * ```
 */
export async function cognitoFlowRequests(env: FlowEnvironment): Promise<FlowCells> {
  const authClock = { offset: 0 };
  const auth = AuthClient.create({
    userPoolId: env.userPoolId,
    clientId: env.clientId,
    endpoint: env.endpoint,
    now: () => Date.now() + authClock.offset,
  })._unsafeUnwrap();
  const cells: FlowCells = {};

  const plain = await env.confirmedUser('flow-password');
  let idToken = '';
  cells.password = await counted(env, async () => {
    const step = signedIn(await auth.signIn({ ...plain, flow: 'USER_PASSWORD_AUTH' }));
    idToken = step.tokens.idToken;
  });
  cells.srp = await counted(env, async () => {
    signedIn(await auth.signIn({ ...plain, flow: 'USER_SRP_AUTH' }));
  });
  const fresh = await env.newUser('flow-new');
  cells.newPassword = await counted(env, async () => {
    const first = await auth.signIn({ username: fresh.username, password: fresh.temporaryPassword });
    if (first.isErr() || first.value.step !== 'NEW_PASSWORD_REQUIRED')
      throw new Error('expected NEW_PASSWORD_REQUIRED');
    signedIn(await auth.completeNewPassword(first.value, fresh.newPassword));
  });

  const identityClock = { offset: 0 };
  const pool = IdentityPool.create({
    identityPoolId: env.identityPoolId,
    endpoint: env.endpoint,
    now: () => Date.now() + identityClock.offset,
  })._unsafeUnwrap();
  const credentials = async () => {
    const result = await pool.getCredentials({ idToken });
    if (result.isErr()) throw new Error(`getCredentials: ${result.error.message}`);
  };
  cells.identityFirst = await counted(env, credentials);
  cells.identityCached = await counted(env, credentials);
  identityClock.offset = 10 * 60_000; // moto's credentials last 90 s
  cells.identitySecond = await counted(env, credentials);

  const concurrent = async (refreshOperation: 'REFRESH_TOKEN_AUTH' | 'auto') => {
    authClock.offset = 0;
    const step = signedIn(await auth.signIn({ ...plain, flow: 'USER_PASSWORD_AUTH' }));
    const session = auth.session(step.tokens, { refreshOperation });
    env.take();
    authClock.offset += 2 * HOUR;
    const results = await Promise.all(Array.from({ length: 100 }, () => session.getTokens()));
    if (!results.every((r) => r.isOk())) throw new Error('a getTokens() failed');
    if (new Set(results.map((r) => r._unsafeUnwrap().idToken)).size !== 1)
      throw new Error('callers got different tokens');
    if (results[0]?._unsafeUnwrap().idToken === step.tokens.idToken)
      throw new Error('tokens were not refreshed');
  };
  cells.refresh100 = await counted(env, () => concurrent('REFRESH_TOKEN_AUTH'));
  cells.refresh100Auto = await counted(env, () => concurrent('auto'));
  return cells;
}
