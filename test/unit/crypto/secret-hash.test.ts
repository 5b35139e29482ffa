import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { secretHash } from '../../../src/crypto/secret-hash.js';

/** The reference computation, independent of src: base64(HMAC-SHA256(secret, username + clientId)). */
function expected(username: string, clientId: string, secret: string): string {
  return createHmac('sha256', secret)
    .update(username + clientId)
    .digest('base64');
}

const ALPHANUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const UNICODE_BITS = [
  'é',
  'ß',
  'Ω',
  'Ж',
  '中',
  '文',
  'ー',
  '👩‍💻',
  '🔑',
  '\u0301',
  'ﬀ',
  '@',
  '+',
  '.',
  ' ',
  '_',
];

function randomString(length: number, alphabet: readonly string[]): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)] ?? '';
  return out;
}

/** Like a Cognito app client id: 26 lower-case letters and digits. */
function randomClientId(): string {
  return randomString(26, [...'abcdefghijklmnopqrstuvwxyz0123456789']);
}

/** Like a Cognito app client secret: ~52 base32-ish characters. */
function randomSecret(): string {
  return randomBytes(33).toString('base64url').slice(0, 52);
}

describe('secretHash', () => {
  it('matches a known value computed with node:crypto', async () => {
    const value = await secretHash('alice', '1example23456789', 'client-secret');
    expect(value).toBe(expected('alice', '1example23456789', 'client-secret'));
    expect(value).toBe(
      createHmac('sha256', 'client-secret').update('alice1example23456789').digest('base64'),
    );
  });

  it('returns standard base64 of 32 bytes (44 characters, one "=" of padding)', async () => {
    const value = await secretHash('alice', 'client', 'secret');
    expect(value).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(value, 'base64')).toHaveLength(32);
  });

  it('matches node:crypto over 200 random ASCII usernames, client ids and secrets', async () => {
    for (let i = 0; i < 200; i++) {
      const username = randomString(1 + randomInt(64), [...ALPHANUM, '@', '.', '-', '_', '+']);
      const clientId = randomClientId();
      const secret = randomSecret();
      expect(await secretHash(username, clientId, secret)).toBe(expected(username, clientId, secret));
    }
  });

  it('matches node:crypto over 200 random unicode usernames (UTF-8 encoded)', async () => {
    for (let i = 0; i < 200; i++) {
      const username = randomString(1 + randomInt(24), [...ALPHANUM.slice(0, 10), ...UNICODE_BITS]);
      const clientId = randomClientId();
      const secret = randomSecret();
      expect(await secretHash(username, clientId, secret)).toBe(expected(username, clientId, secret));
    }
  });

  it('matches node:crypto for unicode secrets and long secrets (longer than the HMAC block)', async () => {
    const secrets = ['sécret-中文-🔑', 'x'.repeat(64), 'y'.repeat(65), randomBytes(200).toString('hex')];
    for (const secret of secrets) {
      expect(await secretHash('bob', 'client123', secret)).toBe(expected('bob', 'client123', secret));
    }
  });

  it('matches node:crypto for an email username and a sub (uuid) username', async () => {
    const clientId = randomClientId();
    const secret = randomSecret();
    for (const username of ['Alice.Smith+test@example.co.uk', 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee']) {
      expect(await secretHash(username, clientId, secret)).toBe(expected(username, clientId, secret));
    }
  });

  it('does not return the secret itself, nor its base64', async () => {
    const secret = randomSecret();
    const value = await secretHash('alice', 'client', secret);
    expect(value).not.toBe(secret);
    expect(value).not.toBe(Buffer.from(secret).toString('base64'));
    expect(value).not.toContain(secret);
  });

  it('uses the secret as the key and username + clientId as the message (not the other way round)', async () => {
    const value = await secretHash('alice', 'client', 'secret');
    expect(value).not.toBe(createHmac('sha256', 'aliceclient').update('secret').digest('base64'));
    expect(value).not.toBe(createHmac('sha256', 'secret').update('clientalice').digest('base64'));
    expect(value).not.toBe(createHmac('sha256', 'secret').update('alice').digest('base64'));
  });

  it('depends on the username, the client id and the secret', async () => {
    const base = await secretHash('alice', 'client', 'secret');
    expect(await secretHash('Alice', 'client', 'secret')).not.toBe(base);
    expect(await secretHash('alice', 'client2', 'secret')).not.toBe(base);
    expect(await secretHash('alice', 'client', 'secret2')).not.toBe(base);
  });

  it('is deterministic', async () => {
    expect(await secretHash('alice', 'client', 'secret')).toBe(await secretHash('alice', 'client', 'secret'));
  });
});
