/**
 * Entry for runtimes that run a script (Bun, Deno): the story's config is the first argument (JSON); the
 * report is one stdout line after {@link REPORT_PREFIX}; the exit code is 1 when the story failed.
 */
import { REPORT_PREFIX } from '../report.js';
import { runStory, type StoryConfig } from '../story.js';

declare const Deno: { args: string[]; exit(code: number): never } | undefined;
declare const process: { argv: string[]; exitCode?: number } | undefined;

const args = typeof Deno === 'object' ? Deno.args : (process?.argv.slice(2) ?? []);
const report = await runStory(JSON.parse(args[0] ?? '{}') as StoryConfig);
console.log(`${REPORT_PREFIX}${JSON.stringify(report)}`);
if (report.failure) {
  if (typeof Deno === 'object') Deno.exit(1);
  else if (process) process.exitCode = 1;
}
