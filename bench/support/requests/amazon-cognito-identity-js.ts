import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserPool,
  type CognitoUserSession,
  type ICognitoStorage,
} from 'amazon-cognito-identity-js';
import { counted, type FlowCells, type FlowEnvironment } from './flows.js';

/** One user's storage, as a browser's localStorage would hold it. */
function memoryStorage(): ICognitoStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    setItem: (key, value) => void items.set(key, value),
    getItem: (key) => items.get(key) ?? null,
    removeItem: (key) => void items.delete(key),
    clear: () => items.clear(),
  };
}

type Outcome = { kind: 'signedIn'; session: CognitoUserSession } | { kind: 'newPasswordRequired' };

function authenticate(user: CognitoUser, username: string, password: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), {
      onSuccess: (session) => resolve({ kind: 'signedIn', session }),
      onFailure: (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))),
      newPasswordRequired: () => resolve({ kind: 'newPasswordRequired' }),
    });
  });
}

function completeNewPassword(user: CognitoUser, newPassword: string): Promise<CognitoUserSession> {
  return new Promise((resolve, reject) => {
    user.completeNewPasswordChallenge(
      newPassword,
      {},
      {
        onSuccess: resolve,
        onFailure: (error: unknown) => reject(error instanceof Error ? error : new Error(String(error))),
      },
    );
  });
}

function getSession(user: CognitoUser): Promise<CognitoUserSession> {
  return new Promise((resolve, reject) => {
    user.getSession((error: Error | null, session: CognitoUserSession | null) => {
      if (error || !session) reject(error ?? new Error('no session'));
      else resolve(session);
    });
  });
}

/**
 * amazon-cognito-identity-js 6 in Node: `CognitoUserPool` with a custom `endpoint`, a per-user in-memory
 * storage, `authenticateUser`/`completeNewPasswordChallenge`/`getSession`. It has no identity-pool
 * support, so those rows are n/a.
 *
 * @example
 * ```ts
 * const cells = await amazonCognitoIdentityJsRequests(env);
 * ```
 */
export async function amazonCognitoIdentityJsRequests(env: FlowEnvironment): Promise<FlowCells> {
  const storage = memoryStorage();
  const pool = new CognitoUserPool({
    UserPoolId: env.userPoolId,
    ClientId: env.clientId,
    endpoint: env.endpoint,
    Storage: storage,
  });
  const userFor = (username: string) => new CognitoUser({ Username: username, Pool: pool, Storage: storage });
  const cells: FlowCells = {};
  const plain = await env.confirmedUser('acij-password');

  cells.password = await counted(env, async () => {
    const user = userFor(plain.username);
    user.setAuthenticationFlowType('USER_PASSWORD_AUTH');
    if ((await authenticate(user, plain.username, plain.password)).kind !== 'signedIn')
      throw new Error('not signed in');
  });
  cells.srp = await counted(env, async () => {
    const user = userFor(plain.username);
    if ((await authenticate(user, plain.username, plain.password)).kind !== 'signedIn')
      throw new Error('not signed in');
  });
  const fresh = await env.newUser('acij-new');
  cells.newPassword = await counted(env, async () => {
    const user = userFor(fresh.username);
    const first = await authenticate(user, fresh.username, fresh.temporaryPassword);
    if (first.kind !== 'newPasswordRequired') throw new Error('expected newPasswordRequired');
    await completeNewPassword(user, fresh.newPassword);
  });
  const noIdentity = {
    na: 'no identity-pool support (needs the AWS SDK: @aws-sdk/credential-providers fromCognitoIdentityPool)',
  };
  cells.identityFirst = noIdentity;
  cells.identitySecond = noIdentity;
  cells.identityCached = noIdentity;

  cells.refresh100 = await counted(env, async () => {
    const user = userFor(plain.username);
    user.setAuthenticationFlowType('USER_PASSWORD_AUTH');
    const signedIn = await authenticate(user, plain.username, plain.password);
    if (signedIn.kind !== 'signedIn') throw new Error('not signed in');
    const before = signedIn.session.getIdToken().getJwtToken();
    // Expire the stored session: getSession compares the token's exp with now − clockDrift.
    const prefix = `CognitoIdentityServiceProvider.${env.clientId}`;
    const last = storage.getItem(`${prefix}.LastAuthUser`);
    if (!last) throw new Error('no LastAuthUser in storage');
    storage.setItem(`${prefix}.${last}.clockDrift`, String(-2 * 3600));
    const current = pool.getCurrentUser();
    if (!current) throw new Error('no current user');
    env.take();
    const sessions = await Promise.all(Array.from({ length: 100 }, () => getSession(current)));
    if (sessions.some((s) => s.getIdToken().getJwtToken() === before))
      throw new Error('a session was not refreshed');
  });
  cells.refresh100Auto = { na: 'refreshOperation is a cognito-flow option' };
  return cells;
}
