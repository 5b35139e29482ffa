#!/usr/bin/env node
/**
 * The `cognito-flow` command (package.json "bin"): `sign-in`, `credentials` and `demo`.
 * See docs/cli.md for the flags, exit codes and recipes.
 */
import { processIo } from './io.js';
import { runCli } from './program.js';

// The AWS SDK warns once per process that its 2027 releases need Node 22; keep the terminal on the task.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// A reader that goes away early (`cognito-flow … | head -1`) is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  process.exit(error.code === 'EPIPE' ? 0 : 3);
});

runCli(process.argv, processIo()).then((code) => {
  process.exitCode = code;
});
