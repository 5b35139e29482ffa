/**
 * Invokes the Lambda handlers locally with realistic API Gateway events: sign-in (bad body, wrong password,
 * temporary password → NEW_PASSWORD_REQUIRED completed in one call), then the protected handler and the
 * TOKEN authorizer with a good and a bad token. It calls the deployable entry points (handlers.ts), set up
 * through the function environment as in AWS.
 *
 * Without configuration it starts moto on loopback and provisions a pool there (examples/support/).
 * Against AWS: COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID, COGNITO_CLIENT_SECRET (if any),
 * and AWS credentials allowed to create and delete a user in the pool.
 *
 *   npx tsx --conditions=cognito-flow-source examples/lambda/main.ts
 */
import type { APIGatewayProxyResult } from 'aws-lambda';
import { createWalkthroughUser, runMain, withExampleTarget } from '../support/example-target.js';
import { restApiEvent, tokenAuthorizerEvent } from './events.js';
import * as handlers from './handlers.js';

const NEW_PASSWORD = 'N3w-Passw0rd!-lambda';

/** A one-line account of a proxy result, without tokens. */
function summary(result: APIGatewayProxyResult): string {
  const body = JSON.parse(result.body) as {
    error?: { type: string; message: string };
    tokens?: { expiresAt: number };
    claims?: { username: string; token_use: string };
  };
  if (body.error) return `${result.statusCode} ${body.error.type}: ${body.error.message}`;
  if (body.tokens)
    return `${result.statusCode} tokens (id, access, refresh), expire at ${new Date(body.tokens.expiresAt).toISOString()}`;
  if (body.claims)
    return `${result.statusCode} claims: username=${body.claims.username} token_use=${body.claims.token_use}`;
  return `${result.statusCode} ${result.body}`;
}

function expectStatus(result: APIGatewayProxyResult, status: number, what: string) {
  if (result.statusCode !== status) throw new Error(`${what}: expected ${status}, got ${summary(result)}`);
}

async function main(): Promise<void> {
  await withExampleTarget({ secretClient: true }, async (target) => {
    // The functions' environment, as a deployment would set it.
    process.env.COGNITO_USER_POOL_ID = target.userPoolId;
    process.env.COGNITO_CLIENT_ID = target.clientId;
    if (target.clientSecret) process.env.COGNITO_CLIENT_SECRET = target.clientSecret;
    if (target.endpoint) process.env.COGNITO_ENDPOINT = target.endpoint;
    if (target.jwks) process.env.COGNITO_JWKS_URL = target.jwks;
    // moto fakes SRP without checking the password: locally the handler sends it, for a wrong one to fail.
    if (target.local) process.env.COGNITO_PASSWORD_FLOW = 'USER_PASSWORD_AUTH';

    const { user, remove } = await createWalkthroughUser(target, 'lambda-user');
    console.log(`\nThe administrator created ${user.username} with a temporary password.\n`);
    try {
      const signIn = (body: unknown, base64 = false) =>
        handlers.signIn(restApiEvent({ method: 'POST', path: '/sign-in', body, base64 }));

      const garbage = await signIn('username=alice&password=x');
      console.log(`signIn  POST /sign-in with a form body instead of JSON      → ${summary(garbage)}`);
      expectStatus(garbage, 400, 'a body that is not JSON');

      const wrong = await signIn({ username: user.username, password: 'Wrong-Passw0rd!' });
      console.log(`signIn  POST /sign-in with a wrong password                 → ${summary(wrong)}`);
      expectStatus(wrong, 401, 'a wrong password');

      const temporary = await signIn({ username: user.username, password: user.temporaryPassword });
      console.log(`signIn  POST /sign-in with the temporary password           → ${summary(temporary)}`);
      expectStatus(temporary, 409, 'a temporary password without newPassword');

      const completed = await signIn({
        username: user.username,
        password: user.temporaryPassword,
        newPassword: NEW_PASSWORD,
      });
      console.log(`signIn  POST /sign-in with the temporary and a new password → ${summary(completed)}`);
      expectStatus(completed, 200, 'NEW_PASSWORD_REQUIRED completed');

      const again = await signIn({ username: user.username, password: NEW_PASSWORD }, true);
      console.log(`signIn  POST /sign-in with the new password (base64 body)   → ${summary(again)}`);
      expectStatus(again, 200, 'the new password');
      const { accessToken } = (JSON.parse(again.body) as { tokens: { accessToken: string } }).tokens;

      const me = await handlers.me(
        restApiEvent({ method: 'GET', path: '/me', headers: { Authorization: `Bearer ${accessToken}` } }),
      );
      console.log(`me      GET /me with the access token                       → ${summary(me)}`);
      expectStatus(me, 200, 'a valid token');
      const bad = await handlers.me(
        restApiEvent({ method: 'GET', path: '/me', headers: { Authorization: 'Bearer not.a.token' } }),
      );
      console.log(`me      GET /me with a malformed token                      → ${summary(bad)}`);
      expectStatus(bad, 401, 'a malformed token');

      const allowed = await handlers.authorize(tokenAuthorizerEvent(`Bearer ${accessToken}`));
      const statement = allowed.policyDocument.Statement[0] as { Effect: string; Resource?: unknown };
      console.log(
        `authorize  a valid token  → ${statement.Effect} ${String(statement.Resource)} for ${allowed.context?.username}`,
      );
      const refused = await handlers
        .authorize(tokenAuthorizerEvent(`Bearer ${accessToken.slice(0, -4)}AAAA`))
        .then(
          () => 'allowed',
          (error: Error) => `rejected with "${error.message}" (API Gateway answers 401)`,
        );
      console.log(`authorize  a forged token → ${refused}`);
      if (refused === 'allowed') throw new Error('the authorizer allowed a forged token');
    } finally {
      await remove();
    }
  });
}

runMain(main);
