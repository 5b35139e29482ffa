/**
 * One process of the fleet-redis example: an Express service keeping users' sessions in Redis. Start two
 * (or twenty) on the same Redis; any of them serves any user, and each session is refreshed once for all.
 *
 *   REDIS_URL=redis://127.0.0.1:6379 COGNITO_USER_POOL_ID=… COGNITO_CLIENT_ID=… PORT=3001 \
 *     npx tsx --conditions=cognito-flow-source examples/fleet-redis/main.ts
 *
 * COGNITO_ENDPOINT points the SDK at a local server (moto); CLOCK_OFFSET_MS moves this process's clock
 * (the example's test uses it to make tokens expire without waiting an hour).
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { AuthClient } from 'cognito-flow';
import { redisRefreshCoordinator, redisTokenStore } from 'cognito-flow/redis';
import { createClient } from 'redis';
import { createFleetApp } from './app.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const redis = createClient({ url: env('REDIS_URL') });
redis.on('error', (error: Error) => console.error(`redis: ${error.message}`));
await redis.connect();

const endpoint = process.env.COGNITO_ENDPOINT;
const offset = Number(process.env.CLOCK_OFFSET_MS ?? 0);
const client = new CognitoIdentityProviderClient({
  region: process.env.COGNITO_REGION ?? env('COGNITO_USER_POOL_ID').split('_')[0] ?? 'us-east-1',
  ...(endpoint ? { endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
});
const auth = AuthClient.create({
  userPoolId: env('COGNITO_USER_POOL_ID'),
  clientId: env('COGNITO_CLIENT_ID'),
  client,
  now: () => Date.now() + offset,
});
if (auth.isErr()) {
  console.error(auth.error.message);
  process.exit(1);
}

// moto answers GetTokensFromRefreshToken with HTTP 500, which is not proof the operation is missing:
// against moto set COGNITO_REFRESH_OPERATION=REFRESH_TOKEN_AUTH (Cognito itself needs nothing).
const refreshOperation = process.env.COGNITO_REFRESH_OPERATION ?? 'auto';
if (
  refreshOperation !== 'auto' &&
  refreshOperation !== 'REFRESH_TOKEN_AUTH' &&
  refreshOperation !== 'GetTokensFromRefreshToken'
) {
  console.error(`COGNITO_REFRESH_OPERATION must be auto, REFRESH_TOKEN_AUTH or GetTokensFromRefreshToken`);
  process.exit(1);
}
const app = createFleetApp({
  auth: auth.value,
  store: redisTokenStore(redis),
  coordinator: redisRefreshCoordinator(redis),
  refreshOperation,
});
const server = app.listen(Number(process.env.PORT ?? 3000), '127.0.0.1', () => {
  const address = server.address();
  console.log(
    `listening on ${typeof address === 'object' && address ? address.port : '?'} (pid ${process.pid})`,
  );
});
const stop = () => {
  server.close();
  void redis.quit();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
