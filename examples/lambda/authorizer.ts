import type { APIGatewayAuthorizerResult, APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
import type { TokenVerifier } from 'cognito-flow/verify';

/**
 * A TOKEN authorizer for API Gateway (REST): allows the call when the `Authorization` header holds a valid
 * access token, and passes `sub`, `username` and `groups` to the integration as the authorizer context.
 *
 * API Gateway's contract, not cognito-flow's: to answer 401 an authorizer must fail with exactly
 * `Error('Unauthorized')` — so this handler rejects then (a missing, malformed, forged, expired or foreign
 * token). A Deny policy would be 403, for a valid user who may not call the method.
 */
export function createAuthorizer(verifier: TokenVerifier) {
  return async (event: APIGatewayTokenAuthorizerEvent): Promise<APIGatewayAuthorizerResult> => {
    const token = /^Bearer +(\S+)$/.exec(event.authorizationToken ?? '')?.[1];
    if (!token) throw new Error('Unauthorized');
    const claims = await verifier.verifyAccessToken(token);
    if (claims.isErr()) {
      // Keys that cannot be fetched are an outage (API Gateway answers 500), not a bad token.
      if (claims.error.reason === 'jwks') throw new Error('The signing keys cannot be fetched now');
      throw new Error('Unauthorized');
    }
    // API Gateway caches an authorizer's answer per token (5 minutes by default) for every method of the
    // API, so the policy allows the whole stage, not only the method of this first call.
    const [api, stage] = event.methodArn.split('/');
    return {
      principalId: claims.value.sub,
      policyDocument: {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: `${api}/${stage}/*` }],
      },
      context: {
        sub: claims.value.sub,
        username: claims.value.username,
        groups: (claims.value['cognito:groups'] ?? []).join(','),
      },
    };
  };
}
