import type { AwsCredentials } from 'cognito-flow/identity';

/** How `credentials` prints the temporary AWS credentials. */
export type CredentialsFormat = 'env' | 'json' | 'process';

/** The formats `credentials --format` accepts. */
export const CREDENTIALS_FORMATS: readonly CredentialsFormat[] = ['env', 'json', 'process'];

/** A value quoted for a POSIX shell (single quotes; a single quote inside becomes '\''). */
function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * The credentials in one of three shapes:
 * - `env`: `export AWS_ACCESS_KEY_ID=…` lines for `eval "$(cognito-flow credentials …)"`;
 * - `json`: accessKeyId, secretAccessKey, sessionToken, expiration (ISO 8601) and identityId;
 * - `process`: the AWS CLI `credential_process` format (`Version: 1`, `AccessKeyId`, `SecretAccessKey`,
 *   `SessionToken`, `Expiration`), which the AWS CLI and every AWS SDK read.
 */
export function formatCredentials(credentials: AwsCredentials, format: CredentialsFormat): string {
  const expiration = credentials.expiration.toISOString();
  switch (format) {
    case 'env':
      return `${[
        `export AWS_ACCESS_KEY_ID=${shellQuote(credentials.accessKeyId)}`,
        `export AWS_SECRET_ACCESS_KEY=${shellQuote(credentials.secretAccessKey)}`,
        `export AWS_SESSION_TOKEN=${shellQuote(credentials.sessionToken)}`,
        `export AWS_CREDENTIAL_EXPIRATION=${shellQuote(expiration)}`,
      ].join('\n')}\n`;
    case 'json':
      return `${JSON.stringify(
        {
          accessKeyId: credentials.accessKeyId,
          secretAccessKey: credentials.secretAccessKey,
          sessionToken: credentials.sessionToken,
          expiration,
          identityId: credentials.identityId,
        },
        null,
        2,
      )}\n`;
    case 'process':
      return `${JSON.stringify({
        Version: 1,
        AccessKeyId: credentials.accessKeyId,
        SecretAccessKey: credentials.secretAccessKey,
        SessionToken: credentials.sessionToken,
        Expiration: expiration,
      })}\n`;
  }
}
