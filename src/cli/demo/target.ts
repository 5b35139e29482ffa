/** Where the demo story runs: a local moto server it provisioned, or real AWS from the environment. */
export interface DemoTarget {
  readonly region: string;
  readonly endpoint?: string;
  readonly userPoolId: string;
  readonly clientId: string;
  readonly clientSecret?: string;
  readonly identityPoolId: string;
  readonly local: boolean;
}

/**
 * The real-AWS target from COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID, COGNITO_IDENTITY_POOL_ID and the
 * optional COGNITO_CLIENT_SECRET, or undefined when COGNITO_USER_POOL_ID is unset (run locally).
 */
export function demoTargetFromEnvironment(env: NodeJS.ProcessEnv): DemoTarget | undefined {
  const { COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID, COGNITO_CLIENT_SECRET, COGNITO_IDENTITY_POOL_ID } = env;
  if (!COGNITO_USER_POOL_ID) return undefined;
  if (!COGNITO_CLIENT_ID || !COGNITO_IDENTITY_POOL_ID) {
    throw new Error('Set COGNITO_CLIENT_ID and COGNITO_IDENTITY_POOL_ID along with COGNITO_USER_POOL_ID');
  }
  return {
    region: COGNITO_USER_POOL_ID.split('_')[0] ?? 'us-east-1',
    userPoolId: COGNITO_USER_POOL_ID,
    clientId: COGNITO_CLIENT_ID,
    ...(COGNITO_CLIENT_SECRET ? { clientSecret: COGNITO_CLIENT_SECRET } : {}),
    identityPoolId: COGNITO_IDENTITY_POOL_ID,
    local: false,
  };
}
