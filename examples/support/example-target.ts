import { AdminClient } from 'cognito-flow/admin';
import { startMoto } from './moto-server.js';
import { LOCAL_CREDENTIALS, provisionStack } from './provision.js';

/** Where an example runs: real AWS (from the environment) or a moto server it started and provisioned. */
export interface ExampleTarget {
  readonly region: string;
  /** The local server's URL; absent against AWS. */
  readonly endpoint?: string;
  readonly userPoolId: string;
  readonly clientId: string;
  readonly clientSecret?: string;
  /** The identity pool; against AWS only when COGNITO_IDENTITY_POOL_ID is set. */
  readonly identityPoolId: string | undefined;
  /** Where the pool's signing keys are (moto serves them itself); absent against AWS (the public JWKS URL). */
  readonly jwks?: string;
  /** Fixed credentials for signed calls (S3, admin) against the local server; absent against AWS. */
  readonly localCredentials?: typeof LOCAL_CREDENTIALS;
  /** Administrator of the pool (AWS: your own AWS credentials), to create the walk-through's user. */
  readonly admin: AdminClient;
  readonly local: boolean;
}

/** A user created for a walk-through, with the temporary password Cognito will ask to replace. */
export interface WalkthroughUser {
  readonly username: string;
  readonly email: string;
  readonly temporaryPassword: string;
}

function fromEnvironment(): Omit<ExampleTarget, 'admin'> | undefined {
  const { COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID, COGNITO_CLIENT_SECRET, COGNITO_IDENTITY_POOL_ID } =
    process.env;
  if (!COGNITO_USER_POOL_ID) return undefined;
  if (!COGNITO_CLIENT_ID) throw new Error('Set COGNITO_CLIENT_ID along with COGNITO_USER_POOL_ID');
  return {
    region: COGNITO_USER_POOL_ID.split('_')[0] ?? 'us-east-1',
    userPoolId: COGNITO_USER_POOL_ID,
    clientId: COGNITO_CLIENT_ID,
    ...(COGNITO_CLIENT_SECRET ? { clientSecret: COGNITO_CLIENT_SECRET } : {}),
    identityPoolId: COGNITO_IDENTITY_POOL_ID || undefined,
    local: false,
  };
}

function adminFor(target: Omit<ExampleTarget, 'admin'>): AdminClient {
  const admin = AdminClient.create({
    userPoolId: target.userPoolId,
    region: target.region,
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
    ...(target.localCredentials ? { credentials: target.localCredentials } : {}),
  });
  if (admin.isErr()) throw new Error(`AdminClient.create failed: ${admin.error.message}`);
  return admin.value;
}

/**
 * Runs an example against AWS when COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID (and, as the example needs
 * them, COGNITO_CLIENT_SECRET and COGNITO_IDENTITY_POOL_ID) are set; otherwise starts moto on loopback, provisions a user pool, an app
 * client (with a secret when `secretClient`) and an identity pool through `cognito-flow/admin`, runs the
 * example there and stops moto, whatever happens.
 *
 * @example
 * ```ts
 * await withExampleTarget({ secretClient: true }, async (target) => { ... });
 * ```
 */
export async function withExampleTarget(
  options: { readonly secretClient: boolean },
  run: (target: ExampleTarget) => Promise<void>,
): Promise<void> {
  // The SDK warns once per process that its 2027 releases need Node 22; the examples' output stays on the story.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const fromEnv = fromEnvironment();
  if (fromEnv) {
    console.log(`Running against AWS (${fromEnv.region}, user pool ${fromEnv.userPoolId}).`);
    await run({ ...fromEnv, admin: adminFor(fromEnv) });
    return;
  }
  const moto = await startMoto();
  try {
    console.log(`Started moto_server on ${moto.url} (pid ${moto.pid}).`);
    const stack = await provisionStack(moto.url);
    const local: Omit<ExampleTarget, 'admin'> = {
      region: stack.region,
      endpoint: stack.endpoint,
      userPoolId: stack.userPoolId,
      clientId: options.secretClient ? stack.secretClientId : stack.clientId,
      ...(options.secretClient ? { clientSecret: stack.clientSecret } : {}),
      identityPoolId: stack.identityPoolId,
      jwks: `${stack.endpoint}/${stack.userPoolId}/.well-known/jwks.json`,
      localCredentials: LOCAL_CREDENTIALS,
      local: true,
    };
    console.log(
      `Provisioned user pool ${local.userPoolId}, app client ${local.clientId}${local.clientSecret ? ' (with a secret)' : ''}, identity pool ${local.identityPoolId}.`,
    );
    await run({ ...local, admin: adminFor(local) });
  } finally {
    await moto.stop();
    console.log(`Stopped moto_server (pid ${moto.pid}).`);
  }
}

/**
 * Has the administrator create a user with an email address and a temporary password (no invitation sent),
 * so that the first sign-in answers NEW_PASSWORD_REQUIRED; returns it with a function that deletes it.
 *
 * @example
 * ```ts
 * const { user, remove } = await createWalkthroughUser(target, 'alice');
 * try { ... } finally { await remove(); }
 * ```
 */
export async function createWalkthroughUser(
  target: ExampleTarget,
  prefix: string,
): Promise<{ readonly user: WalkthroughUser; readonly remove: () => Promise<void> }> {
  const username = `${prefix}-${Date.now().toString(36)}`;
  const user = { username, email: `${username}@example.com`, temporaryPassword: 'Temp-Passw0rd!' };
  const created = await target.admin.createUser({
    username,
    attributes: { email: user.email },
    temporaryPassword: user.temporaryPassword,
    messageAction: 'SUPPRESS',
  });
  if (created.isErr()) throw new Error(`createUser failed: ${created.error.type}: ${created.error.message}`);
  return {
    user,
    async remove() {
      const deleted = await target.admin.deleteUser(username);
      if (deleted.isErr())
        console.error(`deleteUser failed: ${deleted.error.type}: ${deleted.error.message}`);
    },
  };
}

/**
 * Runs an example's `main`, printing its error (a message, never a stack of secrets) and exiting with 1 when it fails.
 *
 * @example
 * ```ts
 * runMain(main);
 * ```
 */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
