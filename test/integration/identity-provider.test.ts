import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { CreateBucketCommand, HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { countRequests } from '../../examples/support/request-counter.js';
import { AdminClient } from '../../src/admin/index.js';
import {
  type AwsCredentials,
  type CognitoCredentialProvider,
  IdentityPool,
  type IdTokenSource,
  isIdentityCredentialsError,
} from '../../src/identity/index.js';
import type { AuthClient, TokenSet } from '../../src/index.js';
import { clientsFor, stack, TEMPORARY_PASSWORD, uniqueUsername } from './clients.js';

const ROLE = 'arn:aws:iam::123456789012:role/cognito-flow-signed-in';

describe.skipIf(!stack)(
  'identity pools against moto: the SDK credential provider and the other flows',
  () => {
    const s = stack as NonNullable<typeof stack>;
    const bucket = `provider-${Date.now().toString(36)}`;
    let idToken = '';
    let tokens: TokenSet | undefined;
    let auth: AuthClient | undefined;

    /** An S3 client on moto whose credentials are fixed, or come from a provider. */
    function s3(credentials: AwsCredentials | CognitoCredentialProvider) {
      return new S3Client({
        region: s.region,
        endpoint: s.endpoint,
        forcePathStyle: true,
        maxAttempts: 1,
        credentials,
      });
    }

    /** A fresh identity client and pool (no cache shared with other tests), with a request counter. */
    function freshPool(now?: () => number) {
      const identity = new CognitoIdentityClient({ region: s.region, endpoint: s.endpoint, maxAttempts: 1 });
      const counter = countRequests(identity);
      const pool = IdentityPool.create({
        identityPoolId: s.identityPoolId,
        client: identity,
        ...(now ? { now } : {}),
      })._unsafeUnwrap();
      return { pool, counter };
    }

    beforeAll(async () => {
      const clients = clientsFor(s);
      const { admin } = clients;
      auth = clients.auth;
      const username = uniqueUsername('provider');
      (
        await admin.createUser({ username, temporaryPassword: TEMPORARY_PASSWORD, messageAction: 'SUPPRESS' })
      )._unsafeUnwrap();
      (await admin.setUserPassword(username, TEMPORARY_PASSWORD, { permanent: true }))._unsafeUnwrap();
      const signedIn = (
        await auth.signIn({ username, password: TEMPORARY_PASSWORD, flow: 'USER_PASSWORD_AUTH' })
      )._unsafeUnwrap();
      if (signedIn.step !== 'SIGNED_IN') throw new Error(`expected SIGNED_IN, got ${signedIn.step}`);
      idToken = signedIn.tokens.idToken;
      tokens = signedIn.tokens;
      const guest = (await freshPool().pool.getGuestCredentials())._unsafeUnwrap();
      await s3(guest).send(new CreateBucketCommand({ Bucket: bucket }));
    });

    it('10 S3 calls through pool.provider(session) cost 2 Cognito requests, then 0; after the expiry 1 more', async () => {
      let now = Date.now();
      const { pool, counter } = freshPool(() => now);
      // cognito-flow's own Session (its getIdToken() refreshes the tokens when they near expiry).
      const session = (auth as AuthClient).session(tokens as TokenSet);
      const client = s3(pool.provider(session));

      const perCall: number[] = [];
      for (let i = 0; i < 10; i += 1) {
        await client.send(new HeadBucketCommand({ Bucket: bucket }));
        perCall.push(counter.take().total);
      }
      expect(perCall).toEqual([2, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

      // moto's credentials last 90 s, so they are refreshed 45 s before expiry: 60 s later the next call
      // refreshes them with one GetCredentialsForIdentity (the identity id is remembered).
      now += 60_000;
      await client.send(new HeadBucketCommand({ Bucket: bucket }));
      expect(counter.take().byOperation).toEqual({ GetCredentialsForIdentity: 1 });
      await client.send(new HeadBucketCommand({ Bucket: bucket }));
      expect(counter.take().total).toBe(0);
    });

    it('5 concurrent S3 calls on a new provider share one GetId and one GetCredentialsForIdentity', async () => {
      const { pool, counter } = freshPool();
      const client = s3(pool.provider(async () => idToken));

      await Promise.all(
        Array.from({ length: 5 }, () => client.send(new HeadBucketCommand({ Bucket: bucket }))),
      );

      expect(counter.take().byOperation).toEqual({ GetId: 1, GetCredentialsForIdentity: 1 });
    });

    it('two S3 clients sharing one provider share its credentials (2 requests in all)', async () => {
      const { pool, counter } = freshPool();
      const provider = pool.provider(async () => idToken);

      await s3(provider).send(new HeadBucketCommand({ Bucket: bucket }));
      await s3(provider).send(new HeadBucketCommand({ Bucket: bucket }));

      expect(counter.take().total).toBe(2);
    });

    it('a guest who signs in keeps the guest identity id (guest → signed in through the provider)', async () => {
      const { pool, counter } = freshPool();
      let signedInToken: string | undefined;
      const provider = pool.provider(async () => signedInToken, { guest: true });

      const asGuest = await provider();
      expect(counter.take().byOperation).toEqual({ GetId: 1, GetCredentialsForIdentity: 1 });
      signedInToken = idToken;
      const asUser = await provider();

      expect(asUser.identityId).toBe(asGuest.identityId);
      // No GetId: the guest identity is passed on with the user's login.
      expect(counter.take().byOperation).toEqual({ GetCredentialsForIdentity: 1 });
    });

    it('an S3 call rejects with IdentityCredentialsError when the token source fails', async () => {
      const { pool, counter } = freshPool();
      const failing: IdTokenSource = async () => {
        throw new Error('token store offline');
      };

      const error = await s3(pool.provider(failing))
        .send(new HeadBucketCommand({ Bucket: bucket }))
        .catch((e: unknown) => e);

      expect(isIdentityCredentialsError(error)).toBe(true);
      if (!isIdentityCredentialsError(error)) return;
      expect(error.error.type).toBe('Unexpected');
      expect(error.message).toContain('The ID token source failed');
      expect(counter.take().total).toBe(0);
    });

    it('the basic flow: GetId, GetOpenIdToken, then STS AssumeRoleWithWebIdentity with the role', async () => {
      const identity = new CognitoIdentityClient({ region: s.region, endpoint: s.endpoint, maxAttempts: 1 });
      const counter = countRequests(identity);
      const pool = IdentityPool.create({
        identityPoolId: s.identityPoolId,
        client: identity,
        basicFlow: { authenticatedRoleArn: ROLE, stsEndpoint: s.endpoint },
      })._unsafeUnwrap();

      const creds = (await pool.getCredentials({ idToken }))._unsafeUnwrap();

      expect(counter.take().byOperation).toEqual({ GetId: 1, GetOpenIdToken: 1 });
      expect(creds.identityId).toMatch(/^us-east-1:/);
      expect(creds.accessKeyId.length).toBeGreaterThan(0);
      expect(creds.sessionToken.length).toBeGreaterThan(0);
      expect(creds.expiration.getTime()).toBeGreaterThan(Date.now());
      // Cached like enhanced-flow credentials.
      (await pool.getCredentials({ idToken }))._unsafeUnwrap();
      expect(counter.take().total).toBe(0);
    });

    it('developer-authenticated identities: the back end issues a token, the app exchanges it (1 request)', async () => {
      const admin = AdminClient.create({
        region: s.region,
        endpoint: s.endpoint,
        credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
      })._unsafeUnwrap();
      const created = (
        await admin.createIdentityPool({ name: 'developer_pool', developerProviderName: 'login.example.app' })
      )._unsafeUnwrap();
      const identity = new CognitoIdentityClient({ region: s.region, endpoint: s.endpoint, maxAttempts: 1 });
      const counter = countRequests(identity);
      const pool = IdentityPool.create({
        identityPoolId: created.identityPoolId,
        client: identity,
      })._unsafeUnwrap();

      const issued = (
        await pool.getOpenIdTokenForDeveloperIdentity({
          developerProviderName: 'login.example.app',
          developerUserId: 'user-42',
        })
      )._unsafeUnwrap();
      expect(counter.take().byOperation).toEqual({ GetOpenIdTokenForDeveloperIdentity: 1 });
      expect(issued.identityId).toMatch(/^us-east-1:/);

      const creds = (await pool.getCredentialsForLogins(issued.login))._unsafeUnwrap();
      expect(creds.identityId).toBe(issued.identityId);
      expect(counter.take().byOperation).toEqual({ GetCredentialsForIdentity: 1 });
    });
  },
);
