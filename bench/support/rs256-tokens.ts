import { generateKeyPairSync, type KeyObject, randomUUID, sign } from 'node:crypto';

/** A local RS256 key pair, its JWKS, and Cognito-shaped ID tokens signed with it. */
export interface LocalIssuer {
  readonly userPoolId: string;
  readonly clientId: string;
  /** The public key set, as a pool's `/.well-known/jwks.json` serves it. */
  readonly jwks: { keys: Record<string, unknown>[] };
  /** `count` distinct ID tokens (different users), valid for an hour. */
  idTokens(count: number): string[];
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function signJwt(privateKey: KeyObject, kid: string, payload: Record<string, unknown>): string {
  const signingInput = `${base64url({ alg: 'RS256', kid, typ: 'JWT' })}.${base64url(payload)}`;
  const signature = sign('sha256', Buffer.from(signingInput), privateKey).toString('base64url');
  return `${signingInput}.${signature}`;
}

/**
 * Mints a 2048-bit RSA key with node:crypto and signs ID tokens the way a Cognito pool does (RS256,
 * `kid` in the header, Cognito's `iss`/`aud`/`token_use` claims): no network, no real pool.
 *
 * @example
 * ```ts
 * const issuer = localIssuer('us-east-1_Bench', 'benchclient');
 * const [token] = issuer.idTokens(1);
 * ```
 */
export function localIssuer(userPoolId: string, clientId: string): LocalIssuer {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = randomUUID();
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
  const region = userPoolId.split('_')[0] ?? 'us-east-1';
  const iss = `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
  return {
    userPoolId,
    clientId,
    jwks: { keys: [jwk] },
    idTokens(count) {
      const now = Math.floor(Date.now() / 1000);
      return Array.from({ length: count }, (_, i) => {
        const sub = randomUUID();
        return signJwt(privateKey, kid, {
          sub,
          aud: clientId,
          iss,
          token_use: 'id',
          auth_time: now,
          iat: now,
          exp: now + 3600,
          'cognito:username': `user-${i}`,
          email: `user-${i}@example.com`,
          email_verified: true,
          event_id: randomUUID(),
          origin_jti: randomUUID(),
          jti: randomUUID(),
        });
      });
    },
  };
}
