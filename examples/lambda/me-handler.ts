import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { TokenVerifier } from 'cognito-flow/verify';
import { errorResult, header, json } from './responses.js';

const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/;

/**
 * A protected REST API handler for `GET /me`: verifies the bearer access token itself (no authorizer in
 * front) and answers 200 `{ claims }`, or 401 with `WWW-Authenticate` (503 when the keys cannot be fetched).
 */
export function createMeHandler(verifier: TokenVerifier) {
  return async (event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> => {
    const token = BEARER.exec(header(event.headers, 'authorization') ?? '')?.[1];
    if (!token) {
      return errorResult(
        {
          type: 'MissingToken',
          message: 'Send the access token as Authorization: Bearer <token>',
          retryable: false,
        },
        {},
        { 'www-authenticate': 'Bearer' },
      );
    }
    const claims = await verifier.verifyAccessToken(token);
    if (claims.isErr()) {
      if (claims.error.reason === 'jwks') {
        return json(503, {
          error: { type: 'Unavailable', message: 'The signing keys cannot be fetched now', retryable: true },
        });
      }
      return errorResult(claims.error, {}, { 'www-authenticate': 'Bearer error="invalid_token"' });
    }
    return json(200, { claims: claims.value });
  };
}
