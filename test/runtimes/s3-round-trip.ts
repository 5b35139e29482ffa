/**
 * The story's S3 step: PutObject then GetObject through the AWS SDK's own S3 client, signed (SigV4) with the
 * identity pool's credentials. `bundle-story.ts` bundles this file for the browser (the SDK's fetch handler
 * and WebCrypto hashing) on every runtime, whatever conditions the rest of the story is bundled with.
 */
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

/** What the S3 step needs from the story's config. */
export interface S3Target {
  readonly region: string;
  readonly endpoint: string;
  readonly bucket: string;
  readonly key: string;
}

/** The SDK-shaped credentials (cognito-flow's `AwsCredentials` is one). */
export interface SigningCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
}

/** The PutObject status and the body GetObject read back, or the SDK error's name and message. */
export type S3RoundTrip = { putStatus: number; body: string } | { error: string; message: string };

/** Writes `body` to the target object and reads it back; never throws. */
export async function putAndGetObject(
  target: S3Target,
  credentials: SigningCredentials,
  body: string,
): Promise<S3RoundTrip> {
  const s3 = new S3Client({
    region: target.region,
    endpoint: target.endpoint,
    forcePathStyle: true,
    credentials,
    maxAttempts: 1,
  });
  try {
    const put = await s3.send(new PutObjectCommand({ Bucket: target.bucket, Key: target.key, Body: body }));
    const got = await s3.send(new GetObjectCommand({ Bucket: target.bucket, Key: target.key }));
    const text = (await got.Body?.transformToString()) ?? '';
    return { putStatus: put.$metadata.httpStatusCode ?? 0, body: text };
  } catch (thrown) {
    const error = thrown instanceof Error ? thrown : new Error(String(thrown));
    return { error: error.name, message: error.message };
  } finally {
    s3.destroy();
  }
}
