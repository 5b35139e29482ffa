/** What the demo's S3 step reports. */
export type BucketListing =
  | { readonly available: true; readonly names: readonly string[] }
  | { readonly available: false; readonly reason: string };

interface S3Target {
  readonly region: string;
  readonly endpoint?: string;
  readonly local: boolean;
}

/**
 * Lists the S3 buckets the credentials can see (creating one first on a local server). `@aws-sdk/client-s3`
 * is loaded only here and only if installed: the demo is the one place the CLI talks to S3, and the
 * package does not depend on the S3 client for it.
 */
export async function listBucketsWith(
  target: S3Target,
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string },
): Promise<BucketListing> {
  let s3Module: typeof import('@aws-sdk/client-s3');
  try {
    s3Module = await import('@aws-sdk/client-s3');
  } catch {
    return { available: false, reason: 'install @aws-sdk/client-s3 to run the S3 step' };
  }
  const { CreateBucketCommand, ListBucketsCommand, S3Client } = s3Module;
  const s3 = new S3Client({
    region: target.region,
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
    forcePathStyle: true,
    credentials,
  });
  if (target.local) {
    await s3.send(new CreateBucketCommand({ Bucket: `cognito-flow-demo-${Date.now().toString(36)}` }));
  }
  const buckets = await s3.send(new ListBucketsCommand({}));
  return { available: true, names: (buckets.Buckets ?? []).flatMap((b) => (b.Name ? [b.Name] : [])) };
}
