import { expect } from 'vitest';
import type { Stack } from '../../examples/support/provision.js';
import { type ProvisionedStory, storedObject } from './provision-story.js';
import type { StoryRun } from './run-script.js';

/** The steps every runtime must report, in order. */
export const STORY_STEPS = [
  'srp-sign-in-temporary-password',
  'complete-new-password',
  'srp-sign-in',
  'wrong-password',
  'unreachable-endpoint',
  'session-refresh',
  'identity-credentials',
  's3-signed-put-and-get',
  'srp-verified-sign-in',
] as const;

/**
 * Asserts the whole story from what the runtime reported, from moto's side (the object it wrote, read back
 * from Node) and from the SRP verifier's: every step in order with the values it observed, and no failure.
 */
export async function expectStoryPassed(
  stack: Stack,
  run: StoryRun,
  story: ProvisionedStory,
  runtimeLabel: RegExp,
): Promise<void> {
  const { config, sub } = story;
  const context = `status ${run.status}\nstdout: ${run.stdout.slice(0, 4000)}\nstderr: ${run.stderr.slice(0, 4000)}`;
  expect(run.report, context).toBeDefined();
  const report = run.report;
  if (!report) return;
  expect(report.failure, context).toBeUndefined();
  expect(run.status, context).toBe(run.kind === 'worker' ? 200 : 0);
  expect(report.steps.map((s) => s.name)).toEqual([...STORY_STEPS]);
  const observed = Object.fromEntries(report.steps.map((s) => [s.name, s.observed]));
  const user = { username: config.username, sub };
  expect(observed['srp-sign-in-temporary-password']).toEqual({
    step: 'NEW_PASSWORD_REQUIRED',
    username: config.username,
  });
  expect(observed['complete-new-password']).toEqual({ step: 'SIGNED_IN', ...user });
  expect(observed['srp-sign-in']).toEqual({ step: 'SIGNED_IN', ...user });
  expect(observed['wrong-password']).toEqual({ type: 'NotAuthorized', message: expect.any(String) });
  expect(String(observed['wrong-password']?.message)).not.toContain(config.newPassword);
  // Each runtime fails a refused connection its own way (Bun and Deno a TypeError, workerd a plain Error).
  expect(observed['unreachable-endpoint']).toEqual({ type: 'Network', retryable: true });
  expect(observed['session-refresh']).toEqual({ idTokenChanged: true, accessTokenChanged: true, ...user });
  expect(observed['identity-credentials']).toEqual({
    identityId: expect.stringMatching(new RegExp(`^${config.region}:[0-9a-f-]{36}$`)),
    hasSessionToken: true,
    expiresInFuture: true,
    cachedSameIdentity: true,
  });
  const written = observed['s3-signed-put-and-get'];
  expect(written).toEqual({ putStatus: 200, body: expect.stringMatching(runtimeLabel) });
  expect(String(written?.body)).toMatch(new RegExp(` by ${config.username}$`));
  expect(await storedObject(stack, config.bucket, config.key)).toBe(written?.body);
  // The runtime's SRP arithmetic, checked by a verifier: one proof accepted, the wrong password's refused.
  expect(observed['srp-verified-sign-in']).toEqual({
    step: 'SIGNED_IN',
    username: config.username,
    wrongPassword: 'NotAuthorized',
  });
  expect(story.verifier.counts).toEqual({ verified: 1, refused: 1 });
}

/** One line per run for the test output: the story's own time and the wall time from spawn. */
export function timingLine(runtime: string, run: StoryRun): string {
  const steps = (run.report?.steps ?? []).map((s) => `${s.name} ${s.ms}`).join(', ');
  return `[runtimes] ${runtime}: story ${run.report?.totalMs ?? '?'} ms inside the runtime, ${run.wallMs} ms wall (spawn to result); ms per step: ${steps}`;
}
