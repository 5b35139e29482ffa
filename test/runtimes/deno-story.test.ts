import { beforeAll, describe, expect, it } from 'vitest';
import { stack } from '../integration/clients.js';
import { bundleStory, STORY_TARGETS, type StoryBundle } from './bundle-story.js';
import { expectStoryPassed, timingLine } from './expect-story.js';
import { provisionStory } from './provision-story.js';
import { runScript } from './run-script.js';
import { runtimeBinary } from './runtime-binary.js';

const deno = stack ? await runtimeBinary('deno') : { missing: 'moto_server is absent' };

describe.skipIf(!stack || 'missing' in deno)('cognito-flow/browser on Deno against moto', () => {
  const s = stack as NonNullable<typeof stack>;
  const binary = 'path' in deno ? deno.path : '';
  let bundle: StoryBundle;
  beforeAll(async () => {
    bundle = await bundleStory(STORY_TARGETS.deno);
  });

  it('bundles with Deno’s conditions (`deno`, `node`): #modpow takes node:crypto, as it does for Deno users', () => {
    expect(bundle.nodeImports).toEqual(['node:crypto']);
  });

  it('runs the story with network access to its endpoints only: SRP → NEW_PASSWORD_REQUIRED → SRP again → NotAuthorized → refresh → identity credentials → signed S3 → SRP proof checked by a verifier', async () => {
    const story = await provisionStory(s, 'deno');
    try {
      const { srpVerifierEndpoint, unreachableEndpoint } = story.config;
      const hosts = [s.endpoint, srpVerifierEndpoint, unreachableEndpoint].map((url) => new URL(url).host);
      const args = ['run', '--no-config', '--no-lock', `--allow-net=${hosts.join(',')}`, '{story}'];
      const run = await runScript(binary, args, bundle.code, story.config, 60_000);
      console.info(timingLine('deno', run));
      await expectStoryPassed(s, run, story, /^written on deno \d+\.\d+\.\d+ by /);
    } finally {
      await story.verifier.stop();
    }
  });

  it('answers an endpoint Deno may not reach (not in --allow-net) with InvalidConfig in Deno’s words, at the first call', async () => {
    const story = await provisionStory(s, 'deno-denied');
    try {
      const args = ['run', '--no-config', '--no-lock', '--allow-net=example.com', '{story}'];
      const run = await runScript(binary, args, bundle.code, story.config, 60_000);
      expect(run.status).toBe(1);
      expect(run.report?.steps).toEqual([]);
      const host = new URL(s.endpoint).host;
      expect(run.report?.failure).toEqual({
        step: 'srp-sign-in-temporary-password',
        type: 'InvalidConfig',
        message: `Requires net access to "${host}", run again with the --allow-net flag`,
      });
    } finally {
      await story.verifier.stop();
    }
  });
});
