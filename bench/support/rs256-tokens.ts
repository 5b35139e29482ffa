import { randomUUID } from 'node:crypto';
import { mintTokens } from '../../src/testing/mint-tokens.js';
import { createSigningKey } from '../../src/testing/signing-key.js';
import type { JsonWebKeySet } from '../../src/verify/jwks-source.js';

/** A local RS256 key pair, its JWKS, and Cognito-shaped ID tokens signed with it. */
export interface LocalIssuer {
  readonly userPoolId: string;
  readonly clientId: string;
  /** The public key set, as a pool's `/.well-known/jwks.json` serves it. */
  readonly jwks: JsonWebKeySet;
  /** `count` distinct ID tokens (different users), valid for an hour. */
  idTokens(count: number): string[];
}

/**
 * A fresh 2048-bit signing key and ID tokens minted with it by `cognito-flow/testing`'s `mintTokens` (RS256,
 * `kid` in the header, Cognito's claims): no network, no real pool.
 *
 * @example
 * ```ts
 * const issuer = localIssuer('us-east-1_Bench', 'benchclient');
 * const [token] = issuer.idTokens(1);
 * ```
 */
export function localIssuer(userPoolId: string, clientId: string): LocalIssuer {
  const key = createSigningKey();
  return {
    userPoolId,
    clientId,
    jwks: key.jwks,
    idTokens: (count) =>
      Array.from(
        { length: count },
        (_, i) =>
          mintTokens({
            userPoolId,
            clientId,
            key,
            username: `user-${i}`,
            sub: randomUUID(),
            claims: { email: `user-${i}@example.com`, email_verified: true },
          }).idToken,
      ),
  };
}
