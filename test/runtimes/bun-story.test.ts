import { beforeAll, describe, expect, it } from 'vitest';
import { stack } from '../integration/clients.js';
import { bundleStory, STORY_TARGETS, type StoryBundle } from './bundle-story.js';
import { expectStoryPassed, timingLine } from './expect-story.js';
import { provisionStory } from './provision-story.js';
import { runScript } from './run-script.js';
import { runtimeBinary } from './runtime-binary.js';

const bun = stack ? await runtimeBinary('bun') : { missing: 'moto_server is absent' };

describe.skipIf(!stack || 'missing' in bun)('cognito-flow/browser on Bun against moto', () => {
  const s = stack as NonNullable<typeof stack>;
  const binary = 'path' in bun ? bun.path : '';
  let bundle: StoryBundle;
  beforeAll(async () => {
    bundle = await bundleStory(STORY_TARGETS.bun);
  });

  it('bundles with Bun’s conditions (`bun`, `node`) to native BigInt SRP: no node:crypto, whose RSA on Bun is about twice as slow as its BigInt (bench:srp)', () => {
    expect(bundle.nodeImports).toEqual([]);
  });

  it('runs the story: SRP → NEW_PASSWORD_REQUIRED → SRP again → NotAuthorized → refresh → identity credentials → signed S3 → SRP proof checked by a verifier', async () => {
    const story = await provisionStory(s, 'bun');
    try {
      const run = await runScript(binary, ['run', '{story}'], bundle.code, story.config, 60_000);
      console.info(timingLine('bun', run));
      await expectStoryPassed(s, run, story, /^written on bun \d+\.\d+\.\d+ by /);
    } finally {
      await story.verifier.stop();
    }
  });
});
