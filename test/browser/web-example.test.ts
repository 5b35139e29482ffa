import { mkdirSync } from 'node:fs';
import {
  GetCredentialsForIdentityCommand,
  type IdentityDescription,
  ListIdentitiesCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  AdminConfirmSignUpCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LOCAL_CREDENTIALS, type Stack } from '../../examples/support/provision.js';
import { createDemoBucket, DEMO_BUCKET, S3_BROWSER_HEADERS } from '../../examples/web/demo-bucket.js';
import { letWebClientReadClaims } from '../../examples/web/moto-workaround.js';
import { startWebExample, type WebExample, webConfigFor } from '../../examples/web/server.js';
import {
  clientsFor,
  NEW_PASSWORD,
  stack,
  TEMPORARY_PASSWORD,
  uniqueUsername,
} from '../integration/clients.js';
import { chromiumAvailable, launchChromium } from './chromium.js';
import { type PageProblems, recordProblems } from './page-problems.js';
import { cell, shownError, signIn, signUp, waitForView } from './web-page.js';

const SCREENSHOT = 'test-results/web-example.png';
const SDK_CODE = /node_modules\/(@aws-sdk|@smithy|@aws-crypto)\//;
const LOAD_FAILED_400 = /^Failed to load resource: the server responded with a status of 400\b/;

async function identityIds(s: Stack): Promise<string[]> {
  const { identity } = clientsFor(s);
  const listed = await identity.send(
    new ListIdentitiesCommand({ IdentityPoolId: s.identityPoolId, MaxResults: 60 }),
  );
  return (listed.Identities ?? []).flatMap((i: IdentityDescription) => (i.IdentityId ? [i.IdentityId] : []));
}

/** A confirmed user created through the Node SDK (not the page), for the sign-in error paths. */
async function confirmedUser(s: Stack, prefix: string): Promise<{ username: string; password: string }> {
  const { idp } = clientsFor(s);
  const username = uniqueUsername(prefix);
  await idp.send(
    new SignUpCommand({
      ClientId: s.clientId,
      Username: username,
      Password: NEW_PASSWORD,
      UserAttributes: [{ Name: 'email', Value: `${username}@example.com` }],
    }),
  );
  await idp.send(new AdminConfirmSignUpCommand({ UserPoolId: s.userPoolId, Username: username }));
  return { username, password: NEW_PASSWORD };
}

const ready = stack !== null && chromiumAvailable();

describe.skipIf(!ready)('web example (examples/web) in headless Chromium against moto', () => {
  const s = stack as Stack;
  let web: WebExample;
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;
  /** Paths of the page's own scripts the browser fetched, in order. */
  let scriptsLoaded: string[];

  beforeAll(async () => {
    await letWebClientReadClaims(s); // moto puts no attribute in ID tokens otherwise
    web = await startWebExample(webConfigFor(s, DEMO_BUCKET));
    await createDemoBucket(s, new URL(web.url).origin, []);
    chromium = await launchChromium();
    context = chromium.context;
  });

  afterAll(async () => {
    await chromium?.close();
    await web?.close();
  });

  beforeEach(async () => {
    page = await context.newPage();
    problems = recordProblems(page);
    scriptsLoaded = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin === new URL(web.url).origin && url.pathname.endsWith('.js'))
        scriptsLoaded.push(url.pathname);
    });
    await page.goto(web.url);
    await page.waitForSelector('body[data-ready]');
  });

  afterEach(async () => {
    await page?.close();
  });

  it('serves a page whose loaded script holds cognito-flow/browser (BigInt SRP) and no AWS SDK code; the SDK S3 client is an on-demand chunk', () => {
    const [app, ...chunks] = web.page.scripts;
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
    const origin = new URL(web.url).origin;
    expect(origin).not.toBe(new URL(s.endpoint).origin);
    const preflights = [
      { path: '/', method: 'POST', headers: 'content-type,x-amz-target' },
      {
        path: `/${DEMO_BUCKET}`,
        method: 'GET',
        headers: S3_BROWSER_HEADERS.join(','),
      },
    ];
    for (const { path, method, headers } of preflights) {
      const answer = await fetch(`${s.endpoint}${path}`, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': method,
          'Access-Control-Request-Headers': headers,
        },
      });
      expect(answer.ok).toBe(true);
      expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
      expect(answer.headers.get('access-control-allow-methods')).toContain(method);
      const allowed = (answer.headers.get('access-control-allow-headers') ?? '').split(/,\s*/);
      expect(allowed).toEqual(expect.arrayContaining(headers.split(',')));
    }
  });

  it('signs up, confirms with a code, signs in with SRP and shows the claims, identity id and access key id moto issued; lists the S3 bucket with those credentials', async () => {
    const username = uniqueUsername('web');
    const email = `${username}@example.com`;
    const identitiesBefore = await identityIds(s);
    const key = `${username}.txt`;
    await new S3Client({
      region: s.region,
      endpoint: s.endpoint,
      forcePathStyle: true,
      credentials: LOCAL_CREDENTIALS,
      maxAttempts: 1,
    }).send(new PutObjectCommand({ Bucket: DEMO_BUCKET, Key: key, Body: 'hello' }));

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

    const { idp } = clientsFor(s);
    const user = await idp.send(new AdminGetUserCommand({ UserPoolId: s.userPoolId, Username: username }));
    const attribute = (name: string) => user.UserAttributes?.find((a) => a.Name === name)?.Value;
    expect(user.UserStatus).toBe('CONFIRMED');
    expect(attribute('sub')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await cell(page, 'td[data-claim="sub"]')).toBe(attribute('sub'));
    expect(await cell(page, 'td[data-claim="email"]')).toBe(email);
    expect(attribute('email')).toBe(email);
    expect(await cell(page, 'td[data-claim="cognito:username"]')).toBe(username);

    const identityId = await cell(page, '#identity-id');
    expect(identityId).toMatch(new RegExp(`^${s.region}:[0-9a-f-]{36}$`));
    expect(identitiesBefore).not.toContain(identityId);
    expect(await identityIds(s)).toContain(identityId);
    const { identity } = clientsFor(s);
    const issued = await identity.send(new GetCredentialsForIdentityCommand({ IdentityId: identityId }));
    expect(await cell(page, '#access-key-id')).toBe(issued.Credentials?.AccessKeyId);
    expect(Date.parse(await cell(page, '#credentials-expiration'))).toBeGreaterThan(Date.now());

    expect(scriptsLoaded).toEqual(['/app.js']);
    await page.click('#list-objects');
    await page.waitForSelector(`#objects li:text-is("${key}")`, { timeout: 20_000 });
    expect(await cell(page, '#status')).toBe(
      `${await page.locator('#objects li').count()} object(s) in s3://${DEMO_BUCKET}, listed as identity ${identityId}.`,
    );
    expect(scriptsLoaded.length).toBeGreaterThan(1); // the S3 chunk came only now

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], badResponses: [] });
  });

  it('a wrong password shows the typed NotAuthorized error and stays on sign-in; the right one then signs in', async () => {
    const user = await confirmedUser(s, 'web-wrong');
    await page.click('#sign-up button[data-go="sign-in"]');
    await waitForView(page, 'sign-in');
    // USER_PASSWORD_AUTH: moto fakes SRP and never checks its password proof, so only this flow can fail here.
    await signIn(page, { username: user.username, password: 'Wr0ng-Passw0rd!', flow: 'USER_PASSWORD_AUTH' });
    const shown = await shownError(page);
    expect(shown?.type).toBe('NotAuthorized');
    expect(shown?.text).toMatch(/^Wrong user name or password\. \(NotAuthorized: .+\)$/);
    expect(shown?.text).not.toContain('Wr0ng-Passw0rd!');
    expect(await page.getAttribute('body', 'data-current-view')).toBe('sign-in');
    expect(problems.badResponses).toEqual([
      { operation: 'AWSCognitoIdentityProviderService.InitiateAuth', status: 400 },
    ]);

    await signIn(page, { ...user, flow: 'USER_PASSWORD_AUTH' });
    await waitForView(page, 'signed-in');
    expect(await shownError(page)).toBeNull();
    expect(await cell(page, 'td[data-claim="cognito:username"]')).toBe(user.username);
    // Chromium logs each 4xx answer as a console error: exactly the one expected, nothing else.
    expect(problems.consoleErrors).toHaveLength(1);
    expect(problems.consoleErrors[0]).toMatch(LOAD_FAILED_400);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
  });

  it('signing up with a taken user name shows the typed UsernameExists error', async () => {
    const taken = await confirmedUser(s, 'web-taken');
    await waitForView(page, 'sign-up');
    await signUp(page, { username: taken.username, email: 'other@example.com', password: NEW_PASSWORD });
    const shown = await shownError(page);
    expect(shown?.type).toBe('UsernameExists');
    expect(shown?.text).toMatch(/^That user name is already taken\. \(UsernameExists: .+\)$/);
    expect(await page.getAttribute('body', 'data-current-view')).toBe('sign-up');
    expect(problems.badResponses).toEqual([
      { operation: 'AWSCognitoIdentityProviderService.SignUp', status: 400 },
    ]);
    expect(problems.consoleErrors).toHaveLength(1);
    expect(problems.consoleErrors[0]).toMatch(LOAD_FAILED_400);
    expect(problems.pageErrors).toEqual([]);
  });

  it("signing up with a password the pool's policy refuses shows the typed InvalidPassword error", async () => {
    await waitForView(page, 'sign-up');
    const username = uniqueUsername('web-weak');
    await signUp(page, { username, email: `${username}@example.com`, password: 'weakpassword' });
    const shown = await shownError(page);
    expect(shown?.type).toBe('InvalidPassword');
    expect(shown?.text).toMatch(/^The password does not meet the pool's policy\. \(InvalidPassword: .+\)$/);
    expect(shown?.text).not.toContain('weakpassword');
    expect(problems.badResponses).toEqual([
      { operation: 'AWSCognitoIdentityProviderService.SignUp', status: 400 },
    ]);
    expect(problems.pageErrors).toEqual([]);
  });

  it('an administrator-created user answers NEW_PASSWORD_REQUIRED in the page and is signed in', async () => {
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
    await page.waitForFunction(() => document.getElementById('identity-id')?.textContent !== '…');
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], badResponses: [] });
  });

  it('a wrong confirmation code shows the typed CodeMismatch error (answer injected with page.route: moto accepts any code)', async () => {
    const origin = new URL(web.url).origin;
    const sent: string[] = [];
    await page.route(
      (url) => url.origin === new URL(s.endpoint).origin,
      async (route) => {
        const target = route.request().headers()['x-amz-target'];
        if (target !== 'AWSCognitoIdentityProviderService.ConfirmSignUp') return route.continue();
        sent.push(route.request().postData() ?? '');
        return route.fulfill({
          status: 400,
          headers: {
            'access-control-allow-origin': origin,
            'content-type': 'application/x-amz-json-1.1',
            'x-amzn-errortype': 'CodeMismatchException',
          },
          body: JSON.stringify({
            __type: 'CodeMismatchException',
            message: 'Invalid verification code provided, please try again.',
          }),
        });
      },
    );
    const username = uniqueUsername('web-code');
    await signUp(page, { username, email: `${username}@example.com`, password: NEW_PASSWORD });
    await waitForView(page, 'confirm');
    await page.fill('#confirm [name=code]', '000000');
    await page.click('#confirm button[type=submit]');
    const shown = await shownError(page);
    expect(shown?.type).toBe('CodeMismatch');
    expect(shown?.text).toBe(
      'That code is not the one we sent. (CodeMismatch: Invalid verification code provided, please try again.)',
    );
    expect(await page.getAttribute('body', 'data-current-view')).toBe('confirm');
    expect(sent.map((body) => JSON.parse(body))).toEqual([
      { ClientId: s.clientId, Username: username, ConfirmationCode: '000000' },
    ]);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
  });

  it('"send the code again" calls ResendConfirmationCode and says where the code went (answer injected with page.route: moto lacks the operation)', async () => {
    const origin = new URL(web.url).origin;
    const sent: unknown[] = [];
    await page.route(
      (url) => url.origin === new URL(s.endpoint).origin,
      async (route) => {
        const target = route.request().headers()['x-amz-target'];
        if (target !== 'AWSCognitoIdentityProviderService.ResendConfirmationCode') return route.continue();
        sent.push(JSON.parse(route.request().postData() ?? 'null'));
        return route.fulfill({
          status: 200,
          headers: { 'access-control-allow-origin': origin, 'content-type': 'application/x-amz-json-1.1' },
          body: JSON.stringify({
            CodeDeliveryDetails: {
              AttributeName: 'email',
              DeliveryMedium: 'EMAIL',
              Destination: 'w***@e***',
            },
          }),
        });
      },
    );
    const username = uniqueUsername('web-resend');
    await signUp(page, { username, email: `${username}@example.com`, password: NEW_PASSWORD });
    await waitForView(page, 'confirm');
    await page.click('#resend-code');
    await waitForView(page, 'confirm');
    expect(await shownError(page)).toBeNull();
    expect(await cell(page, '#status')).toBe('We sent a new code to w***@e***.');
    expect(sent).toEqual([{ ClientId: s.clientId, Username: username }]);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], badResponses: [] });
  });

  it('an S3 refusal shows the S3 error in the page (AccessDenied injected with page.route: moto does not enforce IAM)', async () => {
    const user = await confirmedUser(s, 'web-s3');
    const origin = new URL(web.url).origin;
    await page.route(
      (url) => url.origin === new URL(s.endpoint).origin && url.pathname.startsWith(`/${DEMO_BUCKET}`),
      (route) =>
        route.fulfill({
          status: 403,
          headers: { 'access-control-allow-origin': origin, 'content-type': 'application/xml' },
          body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>',
        }),
    );
    await page.click('#sign-up button[data-go="sign-in"]');
    await signIn(page, { ...user, flow: 'USER_SRP_AUTH' });
    await waitForView(page, 'signed-in');
    await page.click('#list-objects');
    await page.waitForSelector('#error:visible', { timeout: 20_000 });
    const shown = await shownError(page);
    expect(shown).toEqual({ type: 'S3 AccessDenied', text: 'S3 AccessDenied: Access Denied' });
    expect(await page.locator('#objects li').count()).toBe(0);
    expect(problems.badResponses).toEqual([{ operation: `GET /${DEMO_BUCKET}/`, status: 403 }]);
    expect(problems.pageErrors).toEqual([]);
  });
});
