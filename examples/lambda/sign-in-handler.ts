import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { AuthClient, SignInStep, TokenSet } from 'cognito-flow';
import { errorResult, invalidRequest, json } from './responses.js';

/** How the handler proves the password to Cognito. */
export type PasswordFlow = 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH';

/** What `POST /sign-in` expects. */
export interface SignInBody {
  readonly username: string;
  readonly password: string;
  /** Required when the user still has a temporary password (NEW_PASSWORD_REQUIRED). */
  readonly newPassword?: string;
  /** Attributes Cognito requires with the new password (`requiredAttributes` of the 409 answer). */
  readonly attributes?: Readonly<Record<string, string>>;
}

const isText = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** The body, decoded (API Gateway base64-encodes it for binary media types) and checked; or the 400 to send. */
export function parseSignInBody(event: APIGatewayProxyEvent): SignInBody | APIGatewayProxyResult {
  if (!event.body) return invalidRequest('The body must be JSON: { username, password, newPassword? }');
  let parsed: unknown;
  try {
    const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
    parsed = JSON.parse(text);
  } catch {
    return invalidRequest('The body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return invalidRequest('The body must be a JSON object');
  }
  const { username, password, newPassword, attributes } = parsed as Record<string, unknown>;
  if (!isText(username) || !isText(password))
    return invalidRequest('username and password are required strings');
  if (newPassword !== undefined && !isText(newPassword))
    return invalidRequest('newPassword must be a string');
  if (
    attributes !== undefined &&
    (typeof attributes !== 'object' ||
      attributes === null ||
      Array.isArray(attributes) ||
      !Object.values(attributes).every((value) => typeof value === 'string'))
  ) {
    return invalidRequest('attributes must map attribute names to strings');
  }
  return {
    username,
    password,
    ...(newPassword === undefined ? {} : { newPassword }),
    ...(attributes === undefined ? {} : { attributes: attributes as Record<string, string> }),
  };
}

const signedIn = (tokens: TokenSet) => json(200, { tokens });

/** What to answer for a step this one-shot handler cannot take further. */
function unfinished(step: SignInStep): APIGatewayProxyResult {
  if (step.step === 'NEW_PASSWORD_REQUIRED') {
    return errorResult(
      {
        type: 'NewPasswordRequired',
        message: 'The password is temporary: send it again with newPassword (and the required attributes)',
        retryable: false,
      },
      { requiredAttributes: step.requiredAttributes },
    );
  }
  return errorResult({
    type: 'UnsupportedStep',
    message: `Cognito asks for ${step.step}, which this handler does not answer`,
    retryable: false,
  });
}

/**
 * A REST API (proxy integration) handler for `POST /sign-in`: signs in with the password and, when the user
 * still has a temporary one, completes NEW_PASSWORD_REQUIRED with `newPassword` in the same invocation.
 * 200 `{ tokens }`; 400 bad body, 401 wrong credentials, 409 `NewPasswordRequired` (with `requiredAttributes`)
 * or a step it does not answer (MFA…), 429/5xx when Cognito throttles or fails.
 */
export function createSignInHandler(auth: AuthClient, flow: PasswordFlow = 'USER_SRP_AUTH') {
  return async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
    const body = parseSignInBody(event);
    if ('statusCode' in body) return body;
    const { username, password } = body;
    const first = await auth.signIn(
      flow === 'USER_PASSWORD_AUTH' ? { username, password, flow } : { username, password },
    );
    if (first.isErr()) return errorResult(first.error);
    if (first.value.step === 'SIGNED_IN') return signedIn(first.value.tokens);
    if (first.value.step !== 'NEW_PASSWORD_REQUIRED' || body.newPassword === undefined) {
      return unfinished(first.value);
    }
    const done = await auth.completeNewPassword(first.value, body.newPassword, {
      attributes: body.attributes ?? {},
    });
    if (done.isErr()) return errorResult(done.error);
    return done.value.step === 'SIGNED_IN' ? signedIn(done.value.tokens) : unfinished(done.value);
  };
}
