import type { Page } from 'playwright-core';

/** Waits until the page shows `view` and no action is running. */
export async function waitForView(page: Page, view: string): Promise<void> {
  await page.waitForSelector(`body[data-current-view="${view}"]:not([data-busy])`, { timeout: 20_000 });
}

/** Waits until no action is running, then returns the error line and its `type`, if any. */
export async function shownError(page: Page): Promise<{ type: string | null; text: string } | null> {
  await page.waitForSelector('body[data-ready]:not([data-busy])', { timeout: 20_000 });
  const box = page.locator('#error');
  if (!(await box.isVisible())) return null;
  return { type: await box.getAttribute('data-error-type'), text: (await box.textContent()) ?? '' };
}

/** Fills the sign-up form and submits it. */
export async function signUp(
  page: Page,
  user: { username: string; email: string; password: string },
): Promise<void> {
  await page.fill('#sign-up [name=username]', user.username);
  await page.fill('#sign-up [name=email]', user.email);
  await page.fill('#sign-up [name=password]', user.password);
  await page.click('#sign-up button[type=submit]');
}

/** Fills the sign-in form (with the chosen flow) and submits it. */
export async function signIn(
  page: Page,
  user: { username: string; password: string; flow?: 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH' },
): Promise<void> {
  await page.fill('#sign-in [name=username]', user.username);
  await page.fill('#sign-in [name=password]', user.password);
  await page.selectOption('#sign-in [name=flow]', user.flow ?? 'USER_SRP_AUTH');
  await page.click('#sign-in button[type=submit]');
}

/** The text of a cell of the signed-in view. */
export async function cell(page: Page, selector: string): Promise<string> {
  return ((await page.textContent(selector)) ?? '').trim();
}
