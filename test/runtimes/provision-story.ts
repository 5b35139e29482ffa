import { createServer } from 'node:net';
import { CreateBucketCommand, GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { LOCAL_CREDENTIALS, type Stack } from '../../examples/support/provision.js';
import { clientsFor, NEW_PASSWORD, TEMPORARY_PASSWORD, uniqueUsername } from '../integration/clients.js';
import { type SrpVerifier, startSrpVerifier } from './srp-verifier-server.js';
import type { StoryConfig } from './story.js';

/** A story's config and what the Node side knows about it to check the report against. */
export interface ProvisionedStory {
  readonly config: StoryConfig;
  /** The user's `sub`, from AdminCreateUser's answer. */
  readonly sub: string;
  /** The SRP verifier the story signs in against last; stop it when the run is over. */
  readonly verifier: SrpVerifier;
}

function s3(stack: Stack): S3Client {
  return new S3Client({
    region: stack.region,
    endpoint: stack.endpoint,
    forcePathStyle: true,
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
  });
}

/** A loopback port nothing listens on (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Provisions one run of the story on moto from Node, through the real SDK clients: an
 * administrator-created user (FORCE_CHANGE_PASSWORD, no message sent) and an empty bucket; and starts the
 * SRP verifier for that user's new password.
 */
export async function provisionStory(stack: Stack, runtime: string): Promise<ProvisionedStory> {
  const username = uniqueUsername(`story-${runtime}`);
  const created = await clientsFor(stack).admin.createUser({
    username,
    temporaryPassword: TEMPORARY_PASSWORD,
    messageAction: 'SUPPRESS',
  });
  if (created.isErr()) throw new Error(`createUser: ${created.error.type}: ${created.error.message}`);
  if (!created.value.sub) throw new Error('createUser answered no sub');
  const bucket = `story-${runtime}-${Date.now().toString(36)}`;
  const client = s3(stack);
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  } finally {
    client.destroy();
  }
  const verifier = await startSrpVerifier({
    userPoolId: stack.userPoolId,
    clientId: stack.clientId,
    username,
    password: NEW_PASSWORD,
  });
  return {
    verifier,
    config: {
      region: stack.region,
      endpoint: stack.endpoint,
      userPoolId: stack.userPoolId,
      clientId: stack.clientId,
      identityPoolId: stack.identityPoolId,
      username,
      temporaryPassword: TEMPORARY_PASSWORD,
      newPassword: NEW_PASSWORD,
      bucket,
      key: `${runtime}/story.txt`,
      srpVerifierEndpoint: verifier.endpoint,
      unreachableEndpoint: `http://127.0.0.1:${await closedPort()}`,
    },
    sub: created.value.sub,
  };
}

/** The object's body as moto stores it, read from Node with the account's own credentials. */
export async function storedObject(stack: Stack, bucket: string, key: string): Promise<string> {
  const client = s3(stack);
  try {
    const got = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return (await got.Body?.transformToString()) ?? '';
  } finally {
    client.destroy();
  }
}
