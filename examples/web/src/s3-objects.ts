import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { AwsCredentials } from 'cognito-flow/browser';
import type { WebConfig } from './config.js';
import type { TypedError } from './error-text.js';

/**
 * Lists the keys in `bucket` with the identity pool's credentials, through the AWS SDK's own S3 client.
 * This module is loaded on demand (a separate chunk), so the sign-in page itself carries no AWS SDK. The
 * bucket needs a CORS rule for the page's origin (S3's account-wide ListBuckets has no CORS at all).
 *
 * @example
 * ```ts
 * const { listObjects } = await import('./s3-objects.js');
 * const listed = await listObjects(config, 'my-bucket', credentials);
 * if (Array.isArray(listed)) console.log(listed);
 * ```
 */
export async function listObjects(
  config: WebConfig,
  bucket: string,
  credentials: AwsCredentials,
): Promise<string[] | TypedError> {
  const s3 = new S3Client({
    region: config.region,
    credentials,
    maxAttempts: 1,
    ...(config.endpoint ? { endpoint: config.endpoint, forcePathStyle: true } : {}),
  });
  try {
    const output = await s3.send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 50 }));
    return (output.Contents ?? []).flatMap((object) => (object.Key ? [object.Key] : []));
  } catch (thrown) {
    // The SDK throws; the page shows its error name (AccessDenied, NoSuchBucket, TypeError for CORS/network).
    const error = thrown instanceof Error ? thrown : new Error(String(thrown));
    return { type: `S3 ${error.name}`, message: error.message };
  } finally {
    s3.destroy();
  }
}
