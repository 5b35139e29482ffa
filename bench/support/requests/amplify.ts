import { Amplify } from 'aws-amplify';
import { confirmSignIn, fetchAuthSession, signIn, signOut } from 'aws-amplify/auth';
import { counted, type FlowCells, type FlowEnvironment } from './flows.js';

const realNow = Date.now;

/** Moves Amplify's clock (it checks expiry with `Date.now()`) forward by `ms`; `0` restores it. */
function shiftClock(ms: number): void {
  Date.now = ms === 0 ? realNow : () => realNow() + ms;
}

async function signInDone(username: string, password: string, authFlowType?: 'USER_PASSWORD_AUTH') {
  const result = await signIn({ username, password, ...(authFlowType ? { options: { authFlowType } } : {}) });
  if (result.nextStep.signInStep !== 'DONE')
    throw new Error(`expected DONE, got ${result.nextStep.signInStep}`);
}

/**
 * Amplify v6 (aws-amplify/auth) in Node, configured with `userPoolEndpoint`/`identityPoolEndpoint` on the
 * counting proxy. Expiry is simulated by moving `Date.now` forward, which is what Amplify checks. Between
 * flows the user signs out (not counted).
 *
 * @example
 * ```ts
 * const cells = await amplifyRequests(env);
 * ```
 */
export async function amplifyRequests(env: FlowEnvironment): Promise<FlowCells> {
  const cognito = {
    userPoolId: env.userPoolId,
    userPoolClientId: env.clientId,
    userPoolEndpoint: env.endpoint,
  };
  // Without an identity pool first, so fetchAuthSession() only deals with tokens (like getTokens()).
  Amplify.configure({ Auth: { Cognito: cognito } });
  const cells: FlowCells = {};
  const plain = await env.confirmedUser('amplify-password');
  const out = async () => {
    shiftClock(0);
    await signOut().catch(() => undefined);
    env.take();
  };
  try {
    cells.password = await counted(env, () =>
      signInDone(plain.username, plain.password, 'USER_PASSWORD_AUTH'),
    );
    await out();
    cells.srp = await counted(env, () => signInDone(plain.username, plain.password));
    await out();
    const fresh = await env.newUser('amplify-new');
    cells.newPassword = await counted(env, async () => {
      const first = await signIn({ username: fresh.username, password: fresh.temporaryPassword });
      if (first.nextStep.signInStep !== 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED') {
        throw new Error(`expected the new-password step, got ${first.nextStep.signInStep}`);
      }
      const done = await confirmSignIn({ challengeResponse: fresh.newPassword });
      if (done.nextStep.signInStep !== 'DONE')
        throw new Error(`expected DONE, got ${done.nextStep.signInStep}`);
    });
    await out();

    cells.refresh100 = await counted(env, async () => {
      await signInDone(plain.username, plain.password, 'USER_PASSWORD_AUTH');
      const before = (await fetchAuthSession()).tokens?.idToken?.toString();
      env.take();
      shiftClock(2 * 3600_000);
      const sessions = await Promise.all(Array.from({ length: 100 }, () => fetchAuthSession())).catch(
        (error: unknown) => {
          const name = error instanceof Error ? error.name : 'error';
          throw new Error(
            `Amplify refreshes with GetTokensFromRefreshToken only, which moto 5.2.1 lacks: it answers HTTP 500 with an HTML page (Amplify: ${name})`,
          );
        },
      );
      const ids = new Set(sessions.map((s) => s.tokens?.idToken?.toString()));
      if (ids.size !== 1 || ids.has(undefined) || ids.has(before))
        throw new Error('tokens were not refreshed once for all');
    });
    cells.refresh100Auto = { na: 'refreshOperation is a cognito-flow option' };
    await out();

    Amplify.configure({
      Auth: {
        Cognito: { ...cognito, identityPoolId: env.identityPoolId, identityPoolEndpoint: env.endpoint },
      },
    });
    await signInDone(plain.username, plain.password, 'USER_PASSWORD_AUTH');
    const credentials = async () => {
      const session = await fetchAuthSession();
      if (!session.credentials?.secretAccessKey) throw new Error('no credentials');
    };
    cells.identityFirst = await counted(env, credentials);
    cells.identityCached = await counted(env, credentials);
    shiftClock(51 * 60_000); // Amplify keeps credentials 50 minutes whatever their expiry says
    cells.identitySecond = await counted(env, credentials);
  } finally {
    await out();
  }
  return cells;
}
