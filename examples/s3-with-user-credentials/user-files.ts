import {
  ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { isIdentityCredentialsError } from 'cognito-flow/identity';
import { ResultAsync } from 'neverthrow';

/** A file in the user's folder. */
export interface UserFile {
  /** The name within the folder. */
  readonly name: string;
  readonly size: number;
  readonly lastModified: Date | undefined;
}

/**
 * Why a call failed: no AWS credentials for the user (`Credentials`, with cognito-flow's own error tag, e.g.
 * `SessionEnded` after sign-out), or S3 refused the call (`S3`, with the S3 error's name, e.g. `AccessDenied`).
 */
export type UserFilesError =
  | {
      readonly type: 'Credentials';
      readonly reason: string;
      readonly message: string;
      readonly retryable: boolean;
    }
  | { readonly type: 'S3'; readonly reason: string; readonly message: string; readonly retryable: boolean };

function toUserFilesError(error: unknown): UserFilesError {
  if (isIdentityCredentialsError(error)) {
    return {
      type: 'Credentials',
      reason: error.type,
      message: error.message,
      retryable: error.retryable,
    };
  }
  const e = error as { name?: unknown; message?: unknown; $retryable?: unknown };
  return {
    type: 'S3',
    reason: typeof e.name === 'string' ? e.name : 'Unknown',
    message: typeof e.message === 'string' ? e.message : 'S3 call failed',
    retryable: e.$retryable !== undefined,
  };
}

/**
 * The signed-in user's own folder in a bucket, `private/<identity id>/` — the prefix an identity pool's
 * authenticated role can restrict each user to with the `${cognito-identity.amazonaws.com:sub}` policy
 * variable. `s3` signs with the user's temporary credentials (`credentials: pool.provider(session)`).
 */
export function userFiles(s3: S3Client, bucket: string, identityId: string) {
  const folder = `private/${identityId}/`;
  return {
    folder,

    /** Uploads `body` as `name` in the user's folder. */
    upload(name: string, body: string | Uint8Array, contentType = 'application/octet-stream') {
      return ResultAsync.fromPromise(
        s3.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: `${folder}${name}`,
            Body: body,
            ContentType: contentType,
          }),
        ),
        toUserFilesError,
      ).map(() => undefined);
    },

    /** Every file in the user's folder, fetched `pageSize` at a time (S3's maximum, 1000, by default). */
    list(pageSize?: number): ResultAsync<UserFile[], UserFilesError> {
      const all = async () => {
        const files: UserFile[] = [];
        let token: string | undefined;
        do {
          const page: ListObjectsV2CommandOutput = await s3.send(
            new ListObjectsV2Command({
              Bucket: bucket,
              Prefix: folder,
              ...(pageSize ? { MaxKeys: pageSize } : {}),
              ...(token ? { ContinuationToken: token } : {}),
            }),
          );
          for (const object of page.Contents ?? []) {
            if (!object.Key) continue;
            files.push({
              name: object.Key.slice(folder.length),
              size: object.Size ?? 0,
              lastModified: object.LastModified,
            });
          }
          token = page.IsTruncated ? page.NextContinuationToken : undefined;
        } while (token);
        return files;
      };
      return ResultAsync.fromPromise(all(), toUserFilesError);
    },
  };
}
