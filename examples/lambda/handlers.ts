/**
 * The deployable entry points: point the Lambda functions' handlers at `handlers.signIn`, `handlers.me` and
 * `handlers.authorize`. Configuration comes from the function's environment:
 *
 *   COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID   required
 *   COGNITO_CLIENT_SECRET                     when the app client has a secret
 *   COGNITO_PASSWORD_FLOW                     USER_SRP_AUTH (default) or USER_PASSWORD_AUTH
 *   COGNITO_ENDPOINT, COGNITO_JWKS_URL        a local Cognito (moto) and where its keys are
 *
 * The clients are built on the first invocation and reused while the execution environment stays warm.
 */

import type { APIGatewayProxyEvent, APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
import { AuthClient, type InvalidConfigError } from 'cognito-flow';
import { TokenVerifier } from 'cognito-flow/verify';
import { err, type Result } from 'neverthrow';
import { createAuthorizer } from './authorizer.js';
import { createMeHandler } from './me-handler.js';
import { errorResult } from './responses.js';
import { createSignInHandler, type PasswordFlow } from './sign-in-handler.js';

type Environment = Readonly<Record<string, string | undefined>>;

/** The sign-in client and the token verifier a function's environment describes, or why it cannot. */
export function clientsFromEnvironment(
  env: Environment,
): Result<{ auth: AuthClient; verifier: TokenVerifier; flow: PasswordFlow }, InvalidConfigError> {
  const {
    COGNITO_USER_POOL_ID,
    COGNITO_CLIENT_ID,
    COGNITO_CLIENT_SECRET,
    COGNITO_ENDPOINT,
    COGNITO_JWKS_URL,
  } = env;
  if (!COGNITO_USER_POOL_ID || !COGNITO_CLIENT_ID) {
    return err({
      type: 'InvalidConfig',
      message: 'Set COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID in the function environment',
      retryable: false,
    });
  }
  const flow = env.COGNITO_PASSWORD_FLOW ?? 'USER_SRP_AUTH';
  if (flow !== 'USER_SRP_AUTH' && flow !== 'USER_PASSWORD_AUTH') {
    return err({
      type: 'InvalidConfig',
      message: 'COGNITO_PASSWORD_FLOW must be USER_SRP_AUTH or USER_PASSWORD_AUTH',
      retryable: false,
    });
  }
  const passwordFlow: PasswordFlow = flow;
  return AuthClient.create({
    userPoolId: COGNITO_USER_POOL_ID,
    clientId: COGNITO_CLIENT_ID,
    ...(COGNITO_CLIENT_SECRET ? { clientSecret: COGNITO_CLIENT_SECRET } : {}),
    ...(COGNITO_ENDPOINT ? { endpoint: COGNITO_ENDPOINT } : {}),
  }).andThen((auth) =>
    TokenVerifier.create({
      userPoolId: COGNITO_USER_POOL_ID,
      clientId: COGNITO_CLIENT_ID,
      ...(COGNITO_JWKS_URL ? { jwks: COGNITO_JWKS_URL } : {}),
    }).map((verifier) => ({ auth, verifier, flow: passwordFlow })),
  );
}

/** The three handlers over one set of clients, built on the first invocation (or the configuration error). */
function buildHandlers(env: Environment) {
  return clientsFromEnvironment(env).map(({ auth, verifier, flow }) => ({
    signIn: createSignInHandler(auth, flow),
    me: createMeHandler(verifier),
    authorize: createAuthorizer(verifier),
  }));
}

let handlers: ReturnType<typeof buildHandlers> | undefined;
const configured = () => {
  handlers ??= buildHandlers(process.env);
  return handlers;
};

/** `POST /sign-in` (REST API proxy integration). */
export async function signIn(event: APIGatewayProxyEvent) {
  const h = configured();
  return h.isErr() ? errorResult(h.error) : h.value.signIn(event);
}

/** `GET /me` (REST API proxy integration), verifying the bearer token itself. */
export async function me(event: APIGatewayProxyEvent) {
  const h = configured();
  return h.isErr() ? errorResult(h.error) : h.value.me(event);
}

/** A TOKEN authorizer to put in front of any method (a configuration error fails the call: API Gateway 500). */
export async function authorize(event: APIGatewayTokenAuthorizerEvent) {
  const h = configured();
  if (h.isErr()) throw new Error(h.error.message);
  return h.value.authorize(event);
}
