import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import type { AwsCredentials } from 'cognito-flow/browser';
import type { WebConfig } from './config.js';

/**
 * Lists the S3 buckets the identity pool's credentials can see, with the AWS SDK's own S3 client. This
 * module is loaded on demand (a separate chunk), so the sign-in page itself carries no AWS SDK.
 *
 * @example
 * ```ts
 * const { listBuckets } = await import('./s3-buckets.js');
 * const names = await listBuckets(config, credentials);
 * ```
 */
export async function listBuckets(config: WebConfig, credentials: AwsCredentials): Promise<string[]> {
  const s3 = new S3Client({
    region: config.region,
    credentials,
    maxAttempts: 1,
    ...(config.endpoint ? { endpoint: config.endpoint, forcePathStyle: true } : {}),
  });
  const output = await s3.send(new ListBucketsCommand({}));
  return (output.Buckets ?? []).flatMap((bucket) => (bucket.Name ? [bucket.Name] : []));
}
