import { AdminClient } from 'cognito-flow/admin';
import { type MotoServer, motoAvailable, startMoto } from '../../examples/support/moto-server.js';
import { LOCAL_CREDENTIALS, provisionStack, type Stack } from '../../examples/support/provision.js';

/** A running moto server with a provisioned stack, and a way to add users. */
export interface BenchStack {
  readonly moto: MotoServer;
  readonly stack: Stack;
  /** Creates a user who must set a new password at first sign-in (NEW_PASSWORD_REQUIRED). */
  createUser(username: string, temporaryPassword: string): Promise<void>;
  /** Creates a confirmed user with a permanent password. */
  createConfirmedUser(username: string, password: string): Promise<void>;
}

/**
 * Starts moto on loopback and provisions examples/support/provision.ts's stack (a user pool, an app client
 * without and one with a secret, an identity pool). Throws with a clear message when moto_server is absent.
 *
 * @example
 * ```ts
 * const bench = await startBenchStack();
 * try { … } finally { await bench.moto.stop(); }
 * ```
 */
export async function startBenchStack(): Promise<BenchStack> {
  if (!(await motoAvailable())) throw new Error('moto_server is not on PATH: this benchmark needs it');
  const moto = await startMoto();
  try {
    const stack = await provisionStack(moto.url);
    const created = AdminClient.create({
      userPoolId: stack.userPoolId,
      region: stack.region,
      endpoint: stack.endpoint,
      credentials: LOCAL_CREDENTIALS,
    });
    if (created.isErr()) throw new Error(created.error.message);
    const admin = created.value;
    const createUser = async (username: string, temporaryPassword: string) => {
      const user = await admin.adminCreateUser({
        username,
        temporaryPassword,
        messageAction: 'SUPPRESS',
        attributes: { email: `${username}@example.com` },
      });
      if (user.isErr()) throw new Error(`adminCreateUser: ${user.error.message}`);
    };
    return {
      moto,
      stack,
      createUser,
      async createConfirmedUser(username, password) {
        await createUser(username, `${password}-temp`);
        const set = await admin.setUserPassword(username, password, { permanent: true });
        if (set.isErr()) throw new Error(`setUserPassword: ${set.error.message}`);
      },
    };
  } catch (error) {
    await moto.stop();
    throw error;
  }
}
