import { describe, expect, it } from 'vitest';
import { NEW_PASSWORD, uniqueUsername } from '../integration/clients.js';
import {
  answerCognito,
  browserReady,
  LOAD_FAILED_400,
  NO_PROBLEMS,
  sdkUser,
  useWebExample,
} from './web-fixture.js';
import { cell, shownError, signIn, signUp, waitForView } from './web-page.js';

const BUCKET = 'cognito-flow-web-example-errors';

describe.skipIf(!browserReady)('web example (examples/web): typed errors shown in the page', () => {
  const run = useWebExample(BUCKET);

  it('a wrong password shows the typed NotAuthorized error and stays on sign-in; the right one then signs in', async () => {
    const { page } = run;
    const user = await sdkUser(run.stack, 'web-wrong');
    await page.click('#sign-up button[data-go="sign-in"]');
    await waitForView(page, 'sign-in');
    // USER_PASSWORD_AUTH: moto fakes SRP and never checks its password proof, so only this flow can fail here.
    await signIn(page, { username: user.username, password: 'Wr0ng-Passw0rd!', flow: 'USER_PASSWORD_AUTH' });
    const shown = await shownError(page);
    expect(shown?.type).toBe('NotAuthorized');
    expect(shown?.text).toMatch(/^Wrong user name or password\. \(NotAuthorized: .+\)$/);
    expect(shown?.text).not.toContain('Wr0ng-Passw0rd!');
    expect(await page.getAttribute('body', 'data-current-view')).toBe('sign-in');
    expect(run.problems.badResponses).toEqual([
      { operation: 'AWSCognitoIdentityProviderService.InitiateAuth', status: 400 },
    ]);

    await signIn(page, { ...user, flow: 'USER_PASSWORD_AUTH' });
    await waitForView(page, 'signed-in');
    expect(await shownError(page)).toBeNull();
    expect(await cell(page, 'td[data-claim="cognito:username"]')).toBe(user.username);
    // Chromium logs each 4xx answer as a console error: exactly the one expected, nothing else.
    expect(run.problems.consoleErrors).toHaveLength(1);
    expect(run.problems.consoleErrors[0]).toMatch(LOAD_FAILED_400);
    expect(run.problems.pageErrors).toEqual([]);
    expect(run.problems.failedRequests).toEqual([]);
  });

  it('signing up with a taken user name shows the typed UsernameExists error', async () => {
    const { page } = run;
    const taken = await sdkUser(run.stack, 'web-taken');
    await waitForView(page, 'sign-up');
    await signUp(page, { username: taken.username, email: 'other@example.com', password: NEW_PASSWORD });
    const shown = await shownError(page);
    expect(shown?.type).toBe('UsernameExists');
    expect(shown?.text).toMatch(/^That user name is already taken\. \(UsernameExists: .+\)$/);
    expect(await page.getAttribute('body', 'data-current-view')).toBe('sign-up');
    expect(run.problems.badResponses).toEqual([
      { operation: 'AWSCognitoIdentityProviderService.SignUp', status: 400 },
    ]);
    expect(run.problems.consoleErrors).toHaveLength(1);
    expect(run.problems.consoleErrors[0]).toMatch(LOAD_FAILED_400);
    expect(run.problems.pageErrors).toEqual([]);
  });

  it("signing up with a password the pool's policy refuses shows the typed InvalidPassword error", async () => {
    const { page } = run;
    await waitForView(page, 'sign-up');
    const username = uniqueUsername('web-weak');
    await signUp(page, { username, email: `${username}@example.com`, password: 'weakpassword' });
    const shown = await shownError(page);
    expect(shown?.type).toBe('InvalidPassword');
    expect(shown?.text).toMatch(/^The password does not meet the pool's policy\. \(InvalidPassword: .+\)$/);
    expect(shown?.text).not.toContain('weakpassword');
    expect(run.problems.badResponses).toEqual([
      { operation: 'AWSCognitoIdentityProviderService.SignUp', status: 400 },
    ]);
    expect(run.problems.pageErrors).toEqual([]);
  });

  it('a wrong confirmation code shows the typed CodeMismatch error (answer injected with page.route: moto accepts any code)', async () => {
    const { page } = run;
    const sent = await answerCognito(run, 'ConfirmSignUp', {
      status: 400,
      errorType: 'CodeMismatchException',
      body: {
        __type: 'CodeMismatchException',
        message: 'Invalid verification code provided, please try again.',
      },
    });
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
    expect(sent).toEqual([{ ClientId: run.stack.clientId, Username: username, ConfirmationCode: '000000' }]);
    expect(run.problems.pageErrors).toEqual([]);
    expect(run.problems.failedRequests).toEqual([]);
  });

  it('"send the code again" calls ResendConfirmationCode and says where the code went (answer injected with page.route: moto lacks the operation)', async () => {
    const { page } = run;
    const sent = await answerCognito(run, 'ResendConfirmationCode', {
      status: 200,
      body: {
        CodeDeliveryDetails: { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'w***@e***' },
      },
    });
    const username = uniqueUsername('web-resend');
    await signUp(page, { username, email: `${username}@example.com`, password: NEW_PASSWORD });
    await waitForView(page, 'confirm');
    await page.click('#resend-code');
    await waitForView(page, 'confirm');
    expect(await shownError(page)).toBeNull();
    expect(await cell(page, '#status')).toBe('We sent a new code to w***@e***.');
    expect(sent).toEqual([{ ClientId: run.stack.clientId, Username: username }]);
    expect(run.problems).toEqual(NO_PROBLEMS);
  });

  it('an S3 refusal shows the S3 error in the page (AccessDenied injected with page.route: moto does not enforce IAM)', async () => {
    const { page } = run;
    const user = await sdkUser(run.stack, 'web-s3');
    const moto = new URL(run.stack.endpoint).origin;
    await page.route(
      (url) => url.origin === moto && url.pathname.startsWith(`/${BUCKET}`),
      (route) =>
        route.fulfill({
          status: 403,
          headers: { 'access-control-allow-origin': run.origin, 'content-type': 'application/xml' },
          body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>',
        }),
    );
    await page.click('#sign-up button[data-go="sign-in"]');
    await signIn(page, { ...user, flow: 'USER_SRP_AUTH' });
    await waitForView(page, 'signed-in');
    await page.click('#list-objects');
    await page.waitForSelector('#error:visible', { timeout: 20_000 });
    expect(await shownError(page)).toEqual({
      type: 'S3 AccessDenied',
      text: 'S3 AccessDenied: Access Denied',
    });
    expect(await page.locator('#objects li').count()).toBe(0);
    expect(run.problems.badResponses).toEqual([{ operation: `GET /${BUCKET}/`, status: 403 }]);
    expect(run.problems.pageErrors).toEqual([]);
  });

  it('a password reset by an administrator leads to the reset form (PasswordResetRequired injected with page.route: moto answers NEW_PASSWORD_REQUIRED instead)', async () => {
    const { page } = run;
    const user = await sdkUser(run.stack, 'web-reset');
    const sent = await answerCognito(run, 'InitiateAuth', {
      status: 400,
      errorType: 'PasswordResetRequiredException',
      body: { __type: 'PasswordResetRequiredException', message: 'Password reset required for the user' },
    });
    await page.click('#sign-up button[data-go="sign-in"]');
    await signIn(page, { ...user, flow: 'USER_PASSWORD_AUTH' });
    await waitForView(page, 'reset-password');
    expect(await shownError(page)).toBeNull();
    expect(await cell(page, '#reset-destination')).toBe(
      'Your password was reset: enter the code we sent you and a new password.',
    );
    expect(await page.inputValue('#reset-password [name=username]')).toBe(user.username);
    expect(sent).toEqual([
      expect.objectContaining({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: run.stack.clientId,
        AuthParameters: expect.objectContaining({ USERNAME: user.username }),
      }),
    ]);
    expect(run.problems.pageErrors).toEqual([]);
  });
});
