import type { StoryReport } from './story.js';

/** Marks the report's line on a runtime's stdout (anything else there is the runtime's own output). */
export const REPORT_PREFIX = 'COGNITO_FLOW_STORY_REPORT ';

/** The report a script runtime printed on stdout, or undefined when no line carries one. */
export function reportFromStdout(stdout: string): StoryReport | undefined {
  const line = stdout.split('\n').find((l) => l.startsWith(REPORT_PREFIX));
  return line === undefined ? undefined : (JSON.parse(line.slice(REPORT_PREFIX.length)) as StoryReport);
}
