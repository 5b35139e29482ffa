import { decodeJwt } from '../tokens/jwt.js';
import type { AuthResponse } from './map-auth-response.js';

const named = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

/** A claim of a token Cognito just issued (`undefined` when the token is not a JWT or lacks it). */
function claim(token: string | undefined, name: string): string | undefined {
  return decodeJwt(token).match(
    (jwt) => named(jwt.payload[name]),
    () => undefined,
  );
}

/**
 * The user Cognito's answer names: the access token's `username` (else the ID token's `cognito:username`) when it
 * signs the user in, else the challenge's `USERNAME` / `USER_ID_FOR_SRP`. `undefined` when it names no
 * one. The tokens came straight from Cognito over TLS, so their claims are read without a signature
 * check; what matters is that the name does not come from a step a client sent back.
 *
 * @example
 * ```ts
 * const username = cognitoIdentity(response); // e.g. 'a1b2c3d4-…' for a user who typed an email
 * ```
 */
export function cognitoIdentity(response: AuthResponse): string | undefined {
  if (typeof response !== 'object' || response === null) return undefined;
  const tokens = response.AuthenticationResult;
  if (tokens) return claim(tokens.AccessToken, 'username') ?? claim(tokens.IdToken, 'cognito:username');
  const params = response.ChallengeParameters ?? {};
  return named(params.USERNAME) ?? named(params.USER_ID_FOR_SRP);
}
