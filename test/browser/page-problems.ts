import type { Page } from 'playwright-core';

/** An HTTP answer of 400 or more, named by its AWS operation (X-Amz-Target) or its method and path. */
export interface BadResponse {
  readonly operation: string;
  readonly status: number;
}

/** What went wrong in a page while a test drove it. */
export interface PageProblems {
  /** `console.error` and Chromium's own error lines (e.g. "Failed to load resource: … 400"). */
  readonly consoleErrors: string[];
  /** Uncaught exceptions in the page. */
  readonly pageErrors: string[];
  /** Requests that got no answer at all (network, CORS, aborted). */
  readonly failedRequests: string[];
  readonly badResponses: BadResponse[];
}

/**
 * Records every console error, page error, failed request and 4xx/5xx answer of `page`.
 *
 * @example
 * ```ts
 * const problems = recordProblems(page);
 * expect(problems.pageErrors).toEqual([]);
 * ```
 */
export function recordProblems(page: Page): PageProblems {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [], badResponses: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.message));
  page.on('requestfailed', (request) =>
    problems.failedRequests.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText}`),
  );
  page.on('response', (response) => {
    if (response.status() < 400) return;
    const request = response.request();
    const target = request.headers()['x-amz-target'];
    problems.badResponses.push({
      operation: target ?? `${request.method()} ${new URL(request.url()).pathname}`,
      status: response.status(),
    });
  });
  return problems;
}
