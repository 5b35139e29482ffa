import type { Stack } from '../../../examples/support/provision.js';
import type { AuthClient } from '../../../src/index.js';
import { adminCreatedUser, TEMPORARY_PASSWORD } from '../clients.js';

/**
 * A new administrator-created user, signed in through `auth` up to the NEW_PASSWORD_REQUIRED step
 * (InitiateAuth answered): the step whose answer the fault tests break.
 */
export async function pendingNewPassword(s: Stack, auth: Pick<AuthClient, 'signIn'>, prefix: string) {
  const username = await adminCreatedUser(s, prefix);
  const first = await auth.signIn({ username, password: TEMPORARY_PASSWORD, flow: 'USER_PASSWORD_AUTH' });
  if (first.isErr()) throw new Error(`signIn: ${first.error.type}: ${first.error.message}`);
  if (first.value.step !== 'NEW_PASSWORD_REQUIRED') throw new Error(`unexpected step ${first.value.step}`);
  return { username, step: first.value };
}
