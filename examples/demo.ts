/**
 * The story users tell with boto3, in TypeScript, end to end:
 *   1. an administrator creates a user with attributes and a temporary password;
 *   2. the user signs in with USER_PASSWORD_AUTH and Cognito answers NEW_PASSWORD_REQUIRED;
 *   3. the app completes the new password and gets tokens;
 *   4. the app exchanges the ID token for AWS credentials and calls S3 with them.
 *
 * Without configuration it starts moto on loopback and provisions everything there through
 * `cognito-flow/admin`. With COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID, COGNITO_IDENTITY_POOL_ID (and
 * optionally COGNITO_CLIENT_SECRET; admin calls use your AWS credentials) it runs against real AWS.
 * The story itself ships with the package as `cognito-flow demo` (src/cli/demo/).
 *
 *   npm run demo
 */
import { runDemo } from '../src/cli/demo/run-demo.js';

// The SDK warns once per process that its 2027 releases need Node 22; the demo's output stays on the story.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

runDemo(process.env, (line) => console.log(line)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
