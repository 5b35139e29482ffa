import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

/** Debian's Chromium (no browser download); `CHROMIUM_PATH` points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Whether Chromium is here. Missing in CI (`CI=true`) is an error; elsewhere the browser suite is skipped
 * with a loud message, like the moto global setup does for moto_server.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI === 'true') {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}: the browser suite must run in CI (apt-get install chromium)`,
    );
  }
  const bar = '!'.repeat(78);
  console.warn(
    `\n${bar}\n!! Chromium not found at ${CHROMIUM_PATH}: the browser suite is SKIPPED.\n!! Install it (apt-get install chromium) or set CHROMIUM_PATH.\n${bar}\n`,
  );
  return false;
}

/**
 * A headless Chromium with a fresh profile (Playwright takes the profile directory as `userDataDir`, not
 * as a `--user-data-dir` flag), deleted on close.
 */
export async function launchChromium(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'cognito-flow-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
