import { describe, expect, it } from 'vitest';
import {
  type RedisCommandClient,
  redisDeviceStore,
  redisIdentityIdStore,
  redisRefreshCoordinator,
  redisTokenStore,
} from '../../../src/redis/index.js';

/** A Redis client at the transport seam: answers each command with `reply(args)`. */
const fakeRedis = (reply: (args: readonly string[]) => Promise<unknown>): RedisCommandClient => ({
  sendCommand: reply,
});

describe('Redis stores: errors a user can hit', () => {
  it('an invalid client or options throw one TypeError listing every problem', () => {
    expect(() => redisTokenStore({}, { prefix: 'x'.repeat(300), commandTimeoutMs: -1 })).toThrow(
      /sendCommand.*; prefix.*; commandTimeoutMs/,
    );
    expect(() =>
      redisRefreshCoordinator(
        fakeRedis(async () => null),
        { leaseTtlMs: 0 },
      ),
    ).toThrow(/leaseTtlMs/);
    expect(() =>
      redisTokenStore(
        fakeRedis(async () => null),
        { ttlSeconds: 1.5 },
      ),
    ).toThrow(/ttlSeconds/);
  });

  it('a Redis that never answers: a TokenStore error after commandTimeoutMs naming the command, not its arguments', async () => {
    const store = redisTokenStore(
      fakeRedis(() => new Promise(() => undefined)),
      { commandTimeoutMs: 50 },
    );
    await expect(store.get('secret-key')).rejects.toMatchObject({
      type: 'TokenStore',
      message: 'Redis did not answer HMGET within 50 ms',
    });
  });

  it('a Redis error becomes a TokenStore error; the tokens being written never appear in it', async () => {
    const store = redisTokenStore(
      fakeRedis(() => Promise.reject(new Error('READONLY You can’t write against a read only replica.'))),
    );
    const error = await Promise.resolve(store.set('k', { refreshToken: 'the-refresh-token' })).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ type: 'TokenStore' });
    expect((error as { message: string }).message).toMatch(
      /^Redis EVAL \(cognito-flow script\) failed: READONLY/,
    );
    expect((error as { message: string }).message).not.toContain('the-refresh-token');
  });

  it.each([
    ['not JSON', ['1', '{"idToken":']],
    ['no version', [null, '{}']],
    ['a version that is not a whole number', ['1.5', '{}']],
    ['larger than 64 KiB', ['1', JSON.stringify({ pad: 'x'.repeat(70_000) })]],
  ])('a stored record that is %s: get rejects with a TokenStore error', async (_, reply) => {
    const store = redisTokenStore(fakeRedis(async () => reply));
    await expect(store.get('k')).rejects.toMatchObject({
      type: 'TokenStore',
      message: expect.stringMatching(/unusable session record/),
    });
  });

  it('a value larger than 64 KiB is refused at set, before any command', async () => {
    let sent = 0;
    const store = redisTokenStore(
      fakeRedis(async () => {
        sent += 1;
        return 1;
      }),
    );
    await expect(store.set('k', { pad: 'x'.repeat(70_000) })).rejects.toMatchObject({ type: 'TokenStore' });
    expect(sent).toBe(0);
  });

  it('an unexpected answer to the lease script is a TokenStore error', async () => {
    const coordinator = redisRefreshCoordinator(fakeRedis(async () => 'OK'));
    await expect(coordinator.acquire('k')).rejects.toMatchObject({ type: 'TokenStore' });
  });

  it('malformed device secrets and identity ids are TokenStore errors, not values', async () => {
    const devices = redisDeviceStore(fakeRedis(async () => '{"deviceKey":"k"}'));
    await expect(devices.get('alice')).rejects.toMatchObject({
      type: 'TokenStore',
      message: 'The stored device secrets are malformed',
    });
    const ids = redisIdentityIdStore(fakeRedis(async () => '../../etc/passwd'));
    await expect(ids.get('alice')).rejects.toMatchObject({
      type: 'TokenStore',
      message: 'The stored identity id is malformed',
    });
  });
});
