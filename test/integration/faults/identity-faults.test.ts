import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IdentityPool } from '../../../src/identity/index.js';
import { stack } from '../clients.js';
import { type FaultServer, startFaultServer } from './fault-server.js';

describe.skipIf(!stack)(
  'IdentityPool on the SDK client it creates (endpoint), against a faulty server in front of moto',
  () => {
    const s = stack as NonNullable<typeof stack>;
    let server: FaultServer;
    let pool: IdentityPool;

    beforeEach(async () => {
      server = await startFaultServer(s.endpoint);
      pool = IdentityPool.create({ identityPoolId: s.identityPoolId, endpoint: server.url })._unsafeUnwrap();
    });
    afterEach(async () => {
      await server.close();
    });

    it('retries GetId after throttling and GetCredentialsForIdentity after a reset (both safe to repeat): 2 + 2 requests', async () => {
      server.fail('GetId', 'throttle');
      server.fail('GetCredentialsForIdentity', 'reset');
      const credentials = (await pool.getGuestCredentials())._unsafeUnwrap();
      expect(credentials.accessKeyId.length).toBeGreaterThan(0);
      expect(server.take()).toEqual({ GetId: 2, GetCredentialsForIdentity: 2 });
    });

    it('HTML 500 on every attempt is a retryable Unexpected naming HTTP 500 after 3 requests', async () => {
      server.fail('GetId', 'html500', 'html500', 'html500');
      const failed = (await pool.getGuestCredentials())._unsafeUnwrapErr();
      expect(failed).toMatchObject({ type: 'Unexpected', retryable: true });
      expect(failed.message).toContain('HTTP 500');
      expect(server.take()).toEqual({ GetId: 3 });
    });

    it('a bare 429 on every attempt is a retryable TooManyRequests after 3 requests', async () => {
      server.fail('GetId', 'bare429', 'bare429', 'bare429');
      expect((await pool.getGuestCredentials())._unsafeUnwrapErr()).toMatchObject({
        type: 'TooManyRequests',
        retryable: true,
      });
      expect(server.take()).toEqual({ GetId: 3 });
    });
  },
);
