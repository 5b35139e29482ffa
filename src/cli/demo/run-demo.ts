import { type MotoServer, motoAvailable, startMoto } from './moto-server.js';
import { provisionStack } from './provision.js';
import { type Print, runStory } from './story.js';
import { demoTargetFromEnvironment } from './target.js';

/**
 * What `npm run demo` and `cognito-flow demo` do: with COGNITO_USER_POOL_ID (and COGNITO_CLIENT_ID,
 * COGNITO_IDENTITY_POOL_ID, optionally COGNITO_CLIENT_SECRET) set, the story runs against AWS; otherwise
 * it starts moto_server on loopback, provisions a user pool, two app clients and an identity pool through
 * `cognito-flow/admin`, runs the story there and stops the server by its PID.
 */
export async function runDemo(env: NodeJS.ProcessEnv, print: Print): Promise<void> {
  const fromEnv = demoTargetFromEnvironment(env);
  if (fromEnv) {
    print(`Running the story against AWS (${fromEnv.region}).`);
    await runStory(fromEnv, print);
    return;
  }
  if (!(await motoAvailable())) {
    throw new Error(
      'moto_server is not installed: pip install "moto[server]==5.2.1", or set COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID and COGNITO_IDENTITY_POOL_ID to run against AWS',
    );
  }
  let moto: MotoServer | undefined;
  try {
    moto = await startMoto();
    print(
      `Started moto_server on ${moto.url} (pid ${moto.pid}); provisioning a user pool, two app clients and an identity pool…`,
    );
    const stack = await provisionStack(moto.url);
    print(
      `   user pool ${stack.userPoolId}, app client ${stack.clientId}, identity pool ${stack.identityPoolId}`,
    );
    await runStory({ ...stack, local: true }, print);
  } finally {
    await moto?.stop();
    if (moto) print(`\nStopped moto_server (pid ${moto.pid}).`);
  }
}
