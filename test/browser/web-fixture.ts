import { type IdentityDescription, ListIdentitiesCommand } from '@aws-sdk/client-cognito-identity';
import { AdminConfirmSignUpCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { Page, Route } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Stack } from '../../examples/support/provision.js';
import { createDemoBucket } from '../../examples/web/demo-bucket.js';
import { letWebClientReadClaims } from '../../examples/web/moto-workaround.js';
import { startWebExample, type WebExample, webConfigFor } from '../../examples/web/server.js';
import { clientsFor, NEW_PASSWORD, stack, uniqueUsername } from '../integration/clients.js';
import { chromiumAvailable, launchChromium } from './chromium.js';
import { type PageProblems, recordProblems } from './page-problems.js';

/** Whether the browser suite runs: moto's stack is provisioned and Chromium is here (else skipped loudly). */
export const browserReady = stack !== null && chromiumAvailable();

/** A page with nothing wrong in it. */
export const NO_PROBLEMS: PageProblems = {
  consoleErrors: [],
  pageErrors: [],
  failedRequests: [],
  badResponses: [],
};

/** Chromium's console line for a 400 answer (it logs every 4xx fetch as an error). */
export const LOAD_FAILED_400 = /^Failed to load resource: the server responded with a status of 400\b/;

/** The web example served against the suite's moto, and a fresh page on it for each test. */
export interface WebRun {
  readonly stack: Stack;
  readonly web: WebExample;
  /** The page's origin (the page and moto are on different ports). */
  readonly origin: string;
  readonly page: Page;
  readonly problems: PageProblems;
  /** Paths of the page's own scripts the browser fetched, in order. */
  readonly scriptsLoaded: readonly string[];
}

/**
 * Registers the hooks that serve the example (listing `bucket`), launch Chromium once, and open a fresh
 * page on it for each test with its problems recorded. Call inside a `describe.skipIf(!browserReady)`.
 */
export function useWebExample(bucket: string): WebRun {
  const s = stack as Stack;
  let web: WebExample | undefined;
  let chromium: Awaited<ReturnType<typeof launchChromium>> | undefined;
  let page: Page | undefined;
  let problems: PageProblems = NO_PROBLEMS;
  let scriptsLoaded: string[] = [];

  beforeAll(async () => {
    await letWebClientReadClaims(s); // moto puts no attribute in ID tokens otherwise
    web = await startWebExample(webConfigFor(s, bucket));
    await createDemoBucket(s, new URL(web.url).origin, [], bucket);
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    await web?.close();
  });
  beforeEach(async () => {
    if (!web || !chromium) throw new Error('the web example did not start');
    const origin = new URL(web.url).origin;
    const opened = await chromium.context.newPage();
    page = opened;
    problems = recordProblems(opened);
    const loaded: string[] = [];
    scriptsLoaded = loaded;
    opened.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin === origin && url.pathname.endsWith('.js')) loaded.push(url.pathname);
    });
    await opened.goto(web.url);
    await opened.waitForSelector('body[data-ready]');
  });
  afterEach(async () => {
    await page?.close();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not ready`);
    return value;
  };
  return {
    stack: s,
    get web() {
      return started(web, 'the web example');
    },
    get origin() {
      return new URL(started(web, 'the web example').url).origin;
    },
    get page() {
      return started(page, 'the page');
    },
    get problems() {
      return problems;
    },
    get scriptsLoaded() {
      return scriptsLoaded;
    },
  };
}

/** The identity ids moto's identity pool has handed out (ListIdentities, through the Node SDK). */
export async function identityIds(s: Stack): Promise<string[]> {
  const { identity } = clientsFor(s);
  const listed = await identity.send(
    new ListIdentitiesCommand({ IdentityPoolId: s.identityPoolId, MaxResults: 60 }),
  );
  return (listed.Identities ?? []).flatMap((i: IdentityDescription) => (i.IdentityId ? [i.IdentityId] : []));
}

/** A user signed up through the Node SDK (not the page), confirmed unless `confirmed: false`. */
export async function sdkUser(
  s: Stack,
  prefix: string,
  options: { confirmed?: boolean } = {},
): Promise<{ username: string; password: string }> {
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
  if (options.confirmed !== false) {
    await idp.send(new AdminConfirmSignUpCommand({ UserPoolId: s.userPoolId, Username: username }));
  }
  return { username, password: NEW_PASSWORD };
}

/**
 * Answers, in the browser, the page's Cognito requests for `operation` (e.g. `ConfirmSignUp`) as Cognito
 * would — for what moto cannot do — and lets every other request through to moto. Returns the bodies sent.
 */
export async function answerCognito(
  run: WebRun,
  operation: string,
  answer: { status: number; body: unknown; errorType?: string },
): Promise<unknown[]> {
  const sent: unknown[] = [];
  const moto = new URL(run.stack.endpoint).origin;
  await run.page.route(
    (url) => url.origin === moto,
    async (route: Route) => {
      const target = route.request().headers()['x-amz-target'];
      if (target !== `AWSCognitoIdentityProviderService.${operation}`) return route.continue();
      sent.push(JSON.parse(route.request().postData() ?? 'null'));
      return route.fulfill({
        status: answer.status,
        headers: {
          'access-control-allow-origin': run.origin,
          'content-type': 'application/x-amz-json-1.1',
          ...(answer.errorType ? { 'x-amzn-errortype': answer.errorType } : {}),
        },
        body: JSON.stringify(answer.body),
      });
    },
  );
  return sent;
}
