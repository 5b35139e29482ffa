/**
 * The README's quick start as a runnable function: sign in with USER_SRP_AUTH (the default), answer
 * NEW_PASSWORD_REQUIRED if Cognito asks, then exchange the ID token for AWS credentials and list S3 buckets.
 *
 * Run against AWS:
 *   COGNITO_USER_POOL_ID=… COGNITO_CLIENT_ID=… COGNITO_IDENTITY_POOL_ID=… COGNITO_USERNAME=… \
 *   COGNITO_PASSWORD=… COGNITO_NEW_PASSWORD=… npx tsx examples/quick-start.ts
 * The integration suite runs it against moto.
 */
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { AuthClient, decodeIdToken, type SignInFlowError, type SignInStep } from 'cognito-flow';
import { IdentityPool } from 'cognito-flow/identity';
import type { Result } from 'neverthrow';

export interface QuickStartConfig {
  readonly userPoolId: string;
  readonly clientId: string;
  readonly clientSecret?: string;
  readonly identityPoolId: string;
  readonly username: string;
  readonly password: string;
  readonly newPassword: string;
  readonly endpoint?: string;
}

/** What the quick start ends with. */
export interface QuickStartOutcome {
  readonly username: string;
  readonly email: string | undefined;
  readonly identityId: string;
  readonly buckets: readonly string[];
}

export async function quickStart(config: QuickStartConfig): Promise<QuickStartOutcome> {
  const endpoint = config.endpoint ? { endpoint: config.endpoint } : {};
  const auth = AuthClient.create({
    userPoolId: config.userPoolId,
    clientId: config.clientId,
    ...(config.clientSecret ? { clientSecret: config.clientSecret } : {}),
    ...endpoint,
  });
  if (auth.isErr()) throw new Error(auth.error.message);

  let step: Result<SignInStep, SignInFlowError> = await auth.value.signIn({
    username: config.username,
    password: config.password, // USER_SRP_AUTH, the default: the password never leaves the process
  });
  if (step.isOk() && step.value.step === 'NEW_PASSWORD_REQUIRED') {
    const required = step.value.requiredAttributes;
    step = await auth.value.completeNewPassword(step.value, config.newPassword, {
      attributes: Object.fromEntries(required.map((name) => [name, `${config.username}@example.com`])),
    });
  }
  if (step.isErr()) throw new Error(`${step.error.type}: ${step.error.message}`);
  if (step.value.step !== 'SIGNED_IN') throw new Error(`Cognito wants ${step.value.step} first`);

  const { idToken } = step.value.tokens;
  const claims = decodeIdToken(idToken);
  if (claims.isErr()) throw new Error(claims.error.message);

  const pool = IdentityPool.create({ identityPoolId: config.identityPoolId, ...endpoint });
  if (pool.isErr()) throw new Error(pool.error.message);
  const credentials = await pool.value.getCredentials({ idToken });
  if (credentials.isErr()) throw new Error(`${credentials.error.type}: ${credentials.error.message}`);

  const region = config.identityPoolId.split(':')[0] ?? 'us-east-1';
  const s3 = new S3Client({ region, ...endpoint, forcePathStyle: true, credentials: credentials.value });
  const listed = await s3.send(new ListBucketsCommand({}));
  return {
    username: claims.value['cognito:username'],
    email: claims.value.email,
    identityId: credentials.value.identityId,
    buckets: (listed.Buckets ?? []).flatMap((bucket) => (bucket.Name ? [bucket.Name] : [])),
  };
}

function fromEnvironment(): QuickStartConfig | undefined {
  const env = process.env;
  const required = [
    'COGNITO_USER_POOL_ID',
    'COGNITO_CLIENT_ID',
    'COGNITO_IDENTITY_POOL_ID',
    'COGNITO_USERNAME',
    'COGNITO_PASSWORD',
  ] as const;
  if (required.some((name) => !env[name])) return undefined;
  return {
    userPoolId: env.COGNITO_USER_POOL_ID ?? '',
    clientId: env.COGNITO_CLIENT_ID ?? '',
    ...(env.COGNITO_CLIENT_SECRET ? { clientSecret: env.COGNITO_CLIENT_SECRET } : {}),
    identityPoolId: env.COGNITO_IDENTITY_POOL_ID ?? '',
    username: env.COGNITO_USERNAME ?? '',
    password: env.COGNITO_PASSWORD ?? '',
    newPassword: env.COGNITO_NEW_PASSWORD ?? env.COGNITO_PASSWORD ?? '',
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const config = fromEnvironment();
  if (!config) {
    console.error(
      'Set COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID, COGNITO_IDENTITY_POOL_ID, COGNITO_USERNAME and COGNITO_PASSWORD.',
    );
    process.exitCode = 2;
  } else {
    quickStart(config).then(
      (outcome) => console.log(JSON.stringify(outcome, null, 2)),
      (error: unknown) => {
        console.error(error instanceof Error ? error.message : error);
        process.exitCode = 1;
      },
    );
  }
}
