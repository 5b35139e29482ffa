import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEvent, APIGatewayTokenAuthorizerEvent } from 'aws-lambda';

const ACCOUNT = '123456789012';
const API = 'a1b2c3d4e5';
const STAGE = 'prod';
const REGION = 'us-east-1';

/** What a request to the REST API looks like from the client's side. */
export interface RestRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  /** A string is sent as is; anything else as JSON. */
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Base64-encode the body, as API Gateway does for binary media types. */
  readonly base64?: boolean;
}

/**
 * The event API Gateway (REST API, Lambda proxy integration) hands the function for `request`, with the
 * fields a real one carries: headers in the client's case and their multi-value twin, the request context
 * with its ids, stage, source IP and time.
 *
 * @example
 * ```ts
 * await handler(restApiEvent({ method: 'POST', path: '/sign-in', body: { username, password } }));
 * ```
 */
export function restApiEvent(request: RestRequest): APIGatewayProxyEvent {
  const text =
    request.body === undefined
      ? null
      : typeof request.body === 'string'
        ? request.body
        : JSON.stringify(request.body);
  const headers: Record<string, string> = {
    Accept: 'application/json',
    Host: `${API}.execute-api.${REGION}.amazonaws.com`,
    'User-Agent': 'cognito-flow-example/1.0',
    'X-Forwarded-For': '203.0.113.7',
    'X-Forwarded-Port': '443',
    'X-Forwarded-Proto': 'https',
    ...(text === null ? {} : { 'Content-Type': 'application/json' }),
    ...request.headers,
  };
  const now = new Date();
  return {
    resource: request.path,
    path: request.path,
    httpMethod: request.method,
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]])),
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: null,
    stageVariables: null,
    body: text === null ? null : request.base64 ? Buffer.from(text).toString('base64') : text,
    isBase64Encoded: request.base64 === true,
    requestContext: {
      accountId: ACCOUNT,
      apiId: API,
      authorizer: {},
      protocol: 'HTTP/1.1',
      httpMethod: request.method,
      identity: {
        accessKey: null,
        accountId: null,
        apiKey: null,
        apiKeyId: null,
        caller: null,
        clientCert: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: '203.0.113.7',
        user: null,
        userAgent: 'cognito-flow-example/1.0',
        userArn: null,
      },
      domainName: `${API}.execute-api.${REGION}.amazonaws.com`,
      domainPrefix: API,
      extendedRequestId: randomUUID(),
      path: `/${STAGE}${request.path}`,
      stage: STAGE,
      requestId: randomUUID(),
      requestTime: now.toUTCString(),
      requestTimeEpoch: now.getTime(),
      resourceId: 'abc123',
      resourcePath: request.path,
    },
  };
}

/**
 * The event API Gateway hands a TOKEN authorizer for a call to `method path` with `Authorization: header`.
 *
 * @example
 * ```ts
 * await authorize(tokenAuthorizerEvent(`Bearer ${accessToken}`));
 * ```
 */
export function tokenAuthorizerEvent(
  header: string,
  method = 'GET',
  path = '/me',
): APIGatewayTokenAuthorizerEvent {
  return {
    type: 'TOKEN',
    authorizationToken: header,
    methodArn: `arn:aws:execute-api:${REGION}:${ACCOUNT}:${API}/${STAGE}/${method}${path}`,
  };
}
