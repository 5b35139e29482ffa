/**
 * Entry for workerd (a Cloudflare Workers module worker): POST the story's config as JSON; the answer is
 * the report (200 when the story passed, 500 when it failed).
 */
import { runStory, type StoryConfig } from '../story.js';

export default {
  async fetch(request: Request): Promise<Response> {
    if (request.method !== 'POST') return new Response('POST the story config', { status: 405 });
    const report = await runStory((await request.json()) as StoryConfig);
    return Response.json(report, { status: report.failure ? 500 : 200 });
  },
};
