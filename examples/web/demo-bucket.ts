import { CreateBucketCommand, PutBucketCorsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { LOCAL_CREDENTIALS, type Stack } from '../support/provision.js';

/** The bucket the page lists on moto. */
export const DEMO_BUCKET = 'cognito-flow-web-example';

/**
 * The request headers the AWS SDK's S3 client sends from a browser. Listed one by one: browsers never let
 * `Access-Control-Allow-Headers: *` cover `Authorization`.
 */
export const S3_BROWSER_HEADERS = [
  'authorization',
  'x-amz-date',
  'x-amz-security-token',
  'x-amz-content-sha256',
  'x-amz-user-agent',
  'amz-sdk-invocation-id',
  'amz-sdk-request',
] as const;

/**
 * Creates (on moto) the bucket the page lists, with what a browser needs on AWS too: a CORS rule allowing
 * `origin` to GET it with SigV4 headers. Puts `keys` into it as small text objects.
 *
 * @example
 * ```ts
 * await createDemoBucket(stack, 'http://127.0.0.1:5173', ['hello.txt']);
 * ```
 */
export async function createDemoBucket(
  stack: Stack,
  origin: string,
  keys: readonly string[] = ['hello.txt'],
  bucket = DEMO_BUCKET,
): Promise<void> {
  const s3 = new S3Client({
    region: stack.region,
    endpoint: stack.endpoint,
    forcePathStyle: true,
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
  });
  try {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(
      new PutBucketCorsCommand({
        Bucket: bucket,
        CORSConfiguration: {
          CORSRules: [
            {
              AllowedOrigins: [origin],
              AllowedMethods: ['GET'],
              AllowedHeaders: [...S3_BROWSER_HEADERS],
              MaxAgeSeconds: 600,
            },
          ],
        },
      }),
    );
    for (const key of keys) {
      await s3.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: `${key}, listed by the web example\n` }),
      );
    }
  } finally {
    s3.destroy();
  }
}
