import type { Command } from 'commander';
import { runDemo } from '../demo/run-demo.js';
import { type CliIo, writeLine } from '../io.js';

/**
 * `cognito-flow demo`: the whole story against a local Cognito (moto_server on loopback), or against AWS
 * when COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID and COGNITO_IDENTITY_POOL_ID are set.
 */
export function registerDemo(program: Command, io: CliIo): void {
  program
    .command('demo')
    .description(
      'run the story (admin creates a user, NEW_PASSWORD_REQUIRED, tokens, AWS credentials, S3) on a local moto_server, or on AWS with COGNITO_USER_POOL_ID etc. set',
    )
    .action(async () => {
      await runDemo(io.env, (line) => writeLine(io.stdout, line));
    });
}
