import type { GetCredentialsForIdentityCommandOutput } from '@aws-sdk/client-cognito-identity';
import { err, ok, type Result } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import type { UnexpectedError } from '../errors/types.js';

/**
 * Temporary AWS credentials for an identity-pool identity. The shape is an AWS SDK v3
 * `AwsCredentialIdentity` (plus `identityId`), so it can be passed to any client as `credentials`.
 *
 * @example
 * ```ts
 * const s3 = new S3Client({ region: 'eu-west-1', credentials: creds });
 * ```
 */
export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly expiration: Date;
  readonly identityId: string;
}

/**
 * Maps a GetCredentialsForIdentity answer to {@link AwsCredentials}.
 *
 * @example
 * ```ts
 * const creds = credentialsFromResponse(response, identityId);
 * ```
 */
export function credentialsFromResponse(
  response: Pick<GetCredentialsForIdentityCommandOutput, 'Credentials' | 'IdentityId'>,
  identityId: string,
): Result<AwsCredentials, UnexpectedError> {
  const c = response.Credentials;
  const expiration = c?.Expiration instanceof Date ? c.Expiration : undefined;
  if (
    !c?.AccessKeyId ||
    !c.SecretKey ||
    !c.SessionToken ||
    !expiration ||
    Number.isNaN(expiration.getTime())
  ) {
    return err(
      makeError('Unexpected', 'Cognito answered GetCredentialsForIdentity without complete credentials'),
    );
  }
  return ok({
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretKey,
    sessionToken: c.SessionToken,
    expiration,
    identityId: response.IdentityId || identityId,
  });
}

/**
 * Whether cached credentials can still be handed out at `now`: they must outlive a margin of
 * `refreshMargin` ms, capped at half their lifetime (so short-lived credentials are still cached).
 *
 * @example
 * ```ts
 * isFresh(creds, obtainedAt, Date.now(), 300_000);
 * ```
 */
export function isFresh(
  credentials: AwsCredentials,
  obtainedAt: number,
  now: number,
  refreshMargin: number,
): boolean {
  const expiresAt = credentials.expiration.getTime();
  const margin = Math.min(refreshMargin, Math.max(0, (expiresAt - obtainedAt) / 2));
  return now < expiresAt - margin;
}
