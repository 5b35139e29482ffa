/** The X-Amz-Target prefixes of the two unsigned JSON services. */
const TARGETS = {
  'cognito-idp': 'AWSCognitoIdentityProviderService',
  'cognito-identity': 'AWSCognitoIdentityService',
} as const;

/**
 * One unsigned Cognito call with nothing but `fetch`: POST the JSON input with `X-Amz-Target`, parse the
 * JSON answer, throw on a non-2xx status. The floor a fetch transport is compared with.
 *
 * @example
 * ```ts
 * const out = await rawFetchCall(endpoint, 'cognito-idp', 'InitiateAuth', { AuthFlow, ClientId, AuthParameters });
 * ```
 */
export async function rawFetchCall(
  endpoint: string,
  service: keyof typeof TARGETS,
  operation: string,
  input: unknown,
): Promise<Record<string, unknown>> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `${TARGETS[service]}.${operation}`,
    },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${operation}: HTTP ${response.status} ${String(body.__type)}`);
  return body;
}
