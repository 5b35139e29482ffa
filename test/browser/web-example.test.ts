import { mkdirSync } from 'node:fs';
import { GetCredentialsForIdentityCommand } from '@aws-sdk/client-cognito-identity';
import { AdminCreateUserCommand, AdminGetUserCommand } from '@aws-sdk/client-cognito-identity-provider';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS } from '../../examples/support/provision.js';
import { S3_BROWSER_HEADERS } from '../../examples/web/demo-bucket.js';
import { clientsFor, NEW_PASSWORD, TEMPORARY_PASSWORD, uniqueUsername } from '../integration/clients.js';
import { browserReady, identityIds, NO_PROBLEMS, sdkUser, useWebExample } from './web-fixture.js';
import { cell, shownError, signIn, signUp, waitForView } from './web-page.js';

const SCREENSHOT = 'test-results/web-example.png';
const SDK_CODE = /node_modules\/(@aws-sdk|@smithy|@aws-crypto)\//;
const BUCKET = 'cognito-flow-web-example';

describe.skipIf(!browserReady)('web example (examples/web) in headless Chromium against moto', () => {
  const run = useWebExample(BUCKET);

  it('serves a page whose loaded script holds cognito-flow/browser (BigInt SRP) and no AWS SDK code; the SDK S3 client is an on-demand chunk', () => {
    const [app, ...chunks] = run.web.page.scripts;
    expect(app?.name).toBe('app.js');
    expect(app?.inputs).toContain('src/browser/index.ts');
    expect(app?.inputs).toContain('src/srp/modpow-bigint.ts');
    expect(app?.inputs).not.toContain('src/srp/modpow-node.ts');
    expect(app?.inputs.filter((input) => SDK_CODE.test(input))).toEqual([]);
    // The same check finds the SDK where it is, so it can fail.
    const s3Chunk = chunks.find((chunk) => chunk.inputs.includes('examples/web/src/s3-objects.ts'));
    expect(s3Chunk?.inputs.some((input) => input.includes('node_modules/@aws-sdk/client-s3/'))).toBe(true);
    expect(app?.gzipBytes).toBeGreaterThan(0);
  });

  it("moto answers the CORS preflights of the page's cross-origin calls (Cognito JSON with X-Amz-Target; the bucket's CORS rule for S3 with SigV4 headers)", async () => {
    const s = run.stack;
    expect(run.origin).not.toBe(new URL(s.endpoint).origin);
    const preflights = [
      { path: '/', method: 'POST', headers: 'content-type,x-amz-target' },
      { path: `/${BUCKET}`, method: 'GET', headers: S3_BROWSER_HEADERS.join(',') },
    ];
    for (const { path, method, headers } of preflights) {
      const answer = await fetch(`${s.endpoint}${path}`, {
        method: 'OPTIONS',
        headers: {
          Origin: run.origin,
          'Access-Control-Request-Method': method,
          'Access-Control-Request-Headers': headers,
        },
      });
      expect(answer.ok).toBe(true);
      expect(answer.headers.get('access-control-allow-origin')).toBe(run.origin);
      expect(answer.headers.get('access-control-allow-methods')).toContain(method);
      const allowed = (answer.headers.get('access-control-allow-headers') ?? '').split(/,\s*/);
      expect(allowed).toEqual(expect.arrayContaining(headers.split(',')));
    }
  });

  it('signs up, confirms with a code, signs in with SRP and shows the claims, identity id and access key id moto issued; lists the S3 bucket with those credentials', async () => {
    const { page, stack: s } = run;
    const username = uniqueUsername('web');
    const email = `${username}@example.com`;
    const identitiesBefore = await identityIds(s);
    const key = `${username}.txt`;
    const s3 = new S3Client({
      region: s.region,
      endpoint: s.endpoint,
      forcePathStyle: true,
      credentials: LOCAL_CREDENTIALS,
      maxAttempts: 1,
    });
    await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: 'hello' }));
    s3.destroy();

    await waitForView(page, 'sign-up');
    await signUp(page, { username, email, password: NEW_PASSWORD });
    await waitForView(page, 'confirm');
    expect(await page.inputValue('#confirm [name=username]')).toBe(username);
    await page.fill('#confirm [name=code]', '123456'); // moto accepts any code
    await page.click('#confirm button[type=submit]');
    await waitForView(page, 'sign-in');
    expect(await cell(page, '#status')).toBe('Account confirmed: sign in.');
    expect(await page.inputValue('#sign-in [name=username]')).toBe(username);
    await signIn(page, { username, password: NEW_PASSWORD, flow: 'USER_SRP_AUTH' });
    await waitForView(page, 'signed-in');
    expect(await shownError(page)).toBeNull();

    const { idp, identity } = clientsFor(s);
    const user = await idp.send(new AdminGetUserCommand({ UserPoolId: s.userPoolId, Username: username }));
    const attribute = (name: string) => user.UserAttributes?.find((a) => a.Name === name)?.Value;
    expect(user.UserStatus).toBe('CONFIRMED');
    expect(attribute('sub')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await cell(page, 'td[data-claim="sub"]')).toBe(attribute('sub'));
    expect(attribute('email')).toBe(email);
    expect(await cell(page, 'td[data-claim="email"]')).toBe(email);
    expect(await cell(page, 'td[data-claim="cognito:username"]')).toBe(username);

    const identityId = await cell(page, '#identity-id');
    expect(identityId).toMatch(new RegExp(`^${s.region}:[0-9a-f-]{36}$`));
    expect(identitiesBefore).not.toContain(identityId);
    expect(await identityIds(s)).toContain(identityId);
    const issued = await identity.send(new GetCredentialsForIdentityCommand({ IdentityId: identityId }));
    expect(await cell(page, '#access-key-id')).toBe(issued.Credentials?.AccessKeyId);
    expect(Date.parse(await cell(page, '#credentials-expiration'))).toBeGreaterThan(Date.now());

    expect(run.scriptsLoaded).toEqual(['/app.js']);
    await page.click('#list-objects');
    await page.waitForSelector(`#objects li:text-is("${key}")`, { timeout: 20_000 });
    expect(await cell(page, '#status')).toBe(
      `${await page.locator('#objects li').count()} object(s) in s3://${BUCKET}, listed as identity ${identityId}.`,
    );
    expect(run.scriptsLoaded.length).toBeGreaterThan(1); // the S3 chunk came only now

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(run.problems).toEqual(NO_PROBLEMS);
  });

  it('an administrator-created user answers NEW_PASSWORD_REQUIRED in the page, is signed in, and signs out', async () => {
    const { page, stack: s } = run;
    const username = uniqueUsername('web-admin');
    const { idp } = clientsFor(s);
    await idp.send(
      new AdminCreateUserCommand({
        UserPoolId: s.userPoolId,
        Username: username,
        TemporaryPassword: TEMPORARY_PASSWORD,
        MessageAction: 'SUPPRESS',
        UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
      }),
    );
    await page.click('#sign-up button[data-go="sign-in"]');
    await signIn(page, { username, password: TEMPORARY_PASSWORD, flow: 'USER_SRP_AUTH' });
    await waitForView(page, 'new-password');
    await page.fill('#new-password [name=password]', NEW_PASSWORD);
    for (const input of await page.locator('#required-attributes input').all()) {
      if ((await input.inputValue()) === '') await input.fill(`${username}@example.com`);
    }
    await page.click('#new-password button[type=submit]');
    await waitForView(page, 'signed-in');
    expect(await shownError(page)).toBeNull();
    expect(await cell(page, 'td[data-claim="cognito:username"]')).toBe(username);
    const user = await idp.send(new AdminGetUserCommand({ UserPoolId: s.userPoolId, Username: username }));
    expect(user.UserStatus).toBe('CONFIRMED');
    expect(await cell(page, 'td[data-claim="sub"]')).toBe(
      user.UserAttributes?.find((a) => a.Name === 'sub')?.Value,
    );
    expect(await cell(page, '#identity-id')).toMatch(new RegExp(`^${s.region}:`));
    await page.click('#sign-out');
    await waitForView(page, 'sign-in');
    expect(await cell(page, '#status')).toBe('Signed out.');
    expect(await page.locator('#claims tr').count()).toBe(0);
    expect(run.problems).toEqual(NO_PROBLEMS);
  });

  it('signing in before confirming leads to the confirm form, and confirming there lets the user sign in', async () => {
    const { page, stack: s } = run;
    const user = await sdkUser(s, 'web-unconfirmed', { confirmed: false });
    await page.click('#sign-up button[data-go="sign-in"]');
    await signIn(page, { ...user, flow: 'USER_PASSWORD_AUTH' });
    await waitForView(page, 'confirm');
    expect(await cell(page, '#confirm-destination')).toBe(
      'Confirm your account first: enter the code we sent you.',
    );
    expect(await page.inputValue('#confirm [name=username]')).toBe(user.username);
    await page.fill('#confirm [name=code]', '123456');
    await page.click('#confirm button[type=submit]');
    await waitForView(page, 'sign-in');
    await signIn(page, { ...user, flow: 'USER_SRP_AUTH' });
    await waitForView(page, 'signed-in');
    expect(await cell(page, 'td[data-claim="cognito:username"]')).toBe(user.username);
    // Cognito answers the first sign-in with UserNotConfirmedException (HTTP 400); Chromium logs it.
    expect(run.problems.badResponses).toEqual([
      { operation: 'AWSCognitoIdentityProviderService.InitiateAuth', status: 400 },
    ]);
    expect(run.problems.pageErrors).toEqual([]);
    expect(run.problems.failedRequests).toEqual([]);
  });

  it('forgot password: the emailed code and a new password, then the new password signs in (USER_PASSWORD_AUTH, which moto checks)', async () => {
    const { page } = run;
    const user = await sdkUser(run.stack, 'web-forgot');
    const newPassword = 'An0ther-Passw0rd!';
    await page.click('#sign-up button[data-go="sign-in"]');
    await page.click('#sign-in button[data-go="forgot-password"]');
    await waitForView(page, 'forgot-password');
    await page.fill('#forgot-password [name=username]', user.username);
    await page.click('#forgot-password button[type=submit]');
    await waitForView(page, 'reset-password');
    expect(await page.inputValue('#reset-password [name=username]')).toBe(user.username);
    await page.fill('#reset-password [name=code]', '123456'); // moto accepts any code
    await page.fill('#reset-password [name=password]', newPassword);
    await page.click('#reset-password button[type=submit]');
    await waitForView(page, 'sign-in');
    expect(await cell(page, '#status')).toBe('Password changed: sign in with the new one.');
    await signIn(page, { username: user.username, password: newPassword, flow: 'USER_PASSWORD_AUTH' });
    await waitForView(page, 'signed-in');
    expect(await shownError(page)).toBeNull();
    expect(await cell(page, 'td[data-claim="cognito:username"]')).toBe(user.username);
    expect(run.problems).toEqual(NO_PROBLEMS);
  });
});
