import { beforeAll, describe, expect, it } from 'vitest';
import { stack } from '../integration/clients.js';
import { bundleStory, STORY_TARGETS, type StoryBundle } from './bundle-story.js';
import { expectStoryPassed, timingLine } from './expect-story.js';
import { provisionStory } from './provision-story.js';
import { runWorkerd } from './run-workerd.js';
import { runtimeBinary } from './runtime-binary.js';

const workerd = stack ? await runtimeBinary('workerd') : { missing: 'moto_server is absent' };

/** The story's compatibility date: a recent one, no flags (see docs/browser.md#runtimes). */
const COMPATIBILITY_DATE = '2026-11-01';

describe.skipIf(!stack || 'missing' in workerd)(
  'cognito-flow/browser on workerd (Cloudflare Workers) against moto',
  () => {
    const s = stack as NonNullable<typeof stack>;
    const binary = 'path' in workerd ? workerd.path : '';
    let bundle: StoryBundle;
    beforeAll(async () => {
      bundle = await bundleStory(STORY_TARGETS.workerd);
    });

    it('bundles with wrangler’s conditions (`workerd`, `worker`, `browser`) to no node: import at all, so no nodejs_compat flag', () => {
      expect(bundle.nodeImports).toEqual([]);
    });

    it('runs the story in a module worker: SRP → NEW_PASSWORD_REQUIRED → SRP again → NotAuthorized → refresh → identity credentials → signed S3 → SRP proof checked by a verifier', async () => {
      const story = await provisionStory(s, 'workerd');
      try {
        const run = await runWorkerd(binary, bundle.code, story.config, {
          compatibilityDate: COMPATIBILITY_DATE,
          timeoutMs: 60_000,
        });
        console.info(timingLine('workerd', run));
        await expectStoryPassed(s, run, story, /^written on Cloudflare-Workers by /);
      } finally {
        await story.verifier.stop();
      }
    });

    it('answers an endpoint its outbound policy refuses (default: public addresses only) with InvalidConfig naming globalOutbound, at the first call', async () => {
      const story = await provisionStory(s, 'workerd-denied');
      try {
        const run = await runWorkerd(binary, bundle.code, story.config, {
          compatibilityDate: COMPATIBILITY_DATE,
          timeoutMs: 60_000,
          outbound: 'public',
        });
        expect(run.status).toBe(500);
        expect(run.report?.steps).toEqual([]);
        const host = new URL(s.endpoint).host;
        expect(run.report?.failure).toEqual({
          step: 'srp-sign-in-temporary-password',
          type: 'InvalidConfig',
          message: `Network connection failed: connecting to ${host} is not allowed (workerd: allow it in globalOutbound)`,
        });
      } finally {
        await story.verifier.stop();
      }
    });
  },
);
