import { bytesToBase64 } from './base64.js';

const encoder = new TextEncoder();

/**
 * Cognito's SECRET_HASH: base64(HMAC-SHA256(key = client secret, message = username + clientId)).
 * Uses WebCrypto, so it runs in Node, browsers and workers alike.
 *
 * Cognito requires it on every user-pool call of an app client that has a secret; the `username`
 * must be the one sent in the same call's USERNAME parameter.
 *
 * @example
 * ```ts
 * const hash = await secretHash('alice', '1example23456789', 'client-secret');
 * ```
 */
export async function secretHash(username: string, clientId: string, clientSecret: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    'raw',
    encoder.encode(clientSecret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(username + clientId));
  return bytesToBase64(new Uint8Array(mac));
}
