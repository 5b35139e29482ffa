import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AuthClient } from '../../src/index.js';
import { clientsFor, NEW_PASSWORD, stack, TEMPORARY_PASSWORD, uniqueUsername } from './clients.js';

describe.skipIf(!stack)('a sealed step travels between two service instances (real SDK client, moto)', () => {
  const s = stack as NonNullable<typeof stack>;
  const stepKeys = [{ id: 'k1', secret: randomBytes(32) }];
  const instance = () =>
    AuthClient.create({
      userPoolId: s.userPoolId,
      clientId: s.clientId,
      client: clientsFor(s).idp,
      stepKeys,
    })._unsafeUnwrap();

  async function newPasswordStep(auth: AuthClient) {
    const username = uniqueUsername('sealed');
    (
      await clientsFor(s).admin.adminCreateUser({
        username,
        temporaryPassword: TEMPORARY_PASSWORD,
        messageAction: 'SUPPRESS',
      })
    )._unsafeUnwrap();
    const step = (
      await auth.signIn({ username, password: TEMPORARY_PASSWORD, flow: 'USER_PASSWORD_AUTH' })
    )._unsafeUnwrap();
    if (step.step !== 'NEW_PASSWORD_REQUIRED') throw new Error(`unexpected ${step.step}`);
    return { username, step };
  }

  it('sealed on one instance, opened on another, answered there: SIGNED_IN as the user', async () => {
    const [first, second] = [instance(), instance()];
    const { username, step } = await newPasswordStep(first);
    const sealed = (await first.sealStep(step))._unsafeUnwrap();
    expect(sealed).not.toContain(step.session.slice(0, 32));
    const opened = (await second.openStep(sealed))._unsafeUnwrap();
    if (opened.step !== 'NEW_PASSWORD_REQUIRED') throw new Error(`unexpected ${opened.step}`);
    const done = (await second.completeNewPassword(opened, NEW_PASSWORD))._unsafeUnwrap();
    expect(done).toMatchObject({ step: 'SIGNED_IN', username });
  });

  it("an unsealed step renamed to someone else: SIGNED_IN names the user Cognito's tokens name", async () => {
    const auth = instance();
    const { username, step } = await newPasswordStep(auth);
    const resumed = auth
      .resume({ ...JSON.parse(JSON.stringify(step)), username: 'someone-else' })
      ._unsafeUnwrap();
    if (resumed.step !== 'NEW_PASSWORD_REQUIRED') throw new Error(`unexpected ${resumed.step}`);
    const done = (await auth.completeNewPassword(resumed, NEW_PASSWORD))._unsafeUnwrap();
    expect(done).toMatchObject({ step: 'SIGNED_IN', username });
  });
});
