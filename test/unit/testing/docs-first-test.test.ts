// The "Your first test" example of docs/testing.md, as written there.
import { AuthClient } from 'cognito-flow';
import { mockCognito } from 'cognito-flow/testing';
import 'cognito-flow/testing/vitest';
import { afterAll, afterEach, expect, it } from 'vitest';

const created = AuthClient.create({ userPoolId: 'eu-west-1_Shop42', clientId: 'shopweb' });
if (!created.isOk()) throw new Error(created.error.message);
const auth = created.value;
const cognito = mockCognito(auth);
afterEach(() => cognito.reset()); // forget this test's scenarios and calls
afterAll(() => cognito.restore()); // uninstall the mock

it('asks alice for a new password and her email', async () => {
  cognito.signInRequiresNewPassword('alice', { requiredAttributes: ['email'] });

  const result = await auth.signIn({ username: 'alice', password: 'Temp0rary!' });

  expect(result).toBeAtStep('NEW_PASSWORD_REQUIRED');
  if (!result.isOk() || result.value.step !== 'NEW_PASSWORD_REQUIRED') throw new Error('unreachable');
  const step = result.value;
  expect(step.requiredAttributes).toEqual(['email']);

  const done = await auth.completeNewPassword(step, 'N3w-Passw0rd!', {
    attributes: { email: 'alice@example.com' },
  });
  expect(done).toBeAtStep('SIGNED_IN');
});

it('reset() forgot the previous test’s scenario: alice is unknown again', async () => {
  expect(await auth.signIn({ username: 'alice', password: 'Temp0rary!' })).toBeErrType('Unexpected');
});

it('docs/testing.md shows this test and the Express example exactly as they run here', async () => {
  const { readFile } = await import('node:fs/promises');
  const read = (path: string) => readFile(new URL(path, import.meta.url), 'utf8');
  const docs = await read('../../../docs/testing.md');
  const thisFile = await read('./docs-first-test.test.ts');
  const firstTest = thisFile.slice(thisFile.indexOf('import'), thisFile.indexOf("\nit('reset()")).trim();
  expect(docs).toContain(firstTest);
  for (const file of ['./express-login/app.ts', './express-login/express-login.test.ts']) {
    expect(docs).toContain((await read(file)).trim());
  }
});
