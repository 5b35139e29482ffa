import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt } from '../tokens/jwt.js';
import type { AuthResponse } from './map-auth-response.js';

const named = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 ? value : undefined;

function claim(token: string | undefined, name: string): string | undefined {
  const decoded = decodeJwt(token);
  return decoded.isOk() ? named(decoded.value.payload[name]) : undefined;
}

function fromTokens(result: AuthenticationResultType): string | undefined {
  return (
    claim(result.AccessToken, 'username') ??
    claim(result.IdToken, 'cognito:username') ??
    claim(result.AccessToken, 'sub') ??
    claim(result.IdToken, 'sub')
  );
}

/**
 * The user Cognito's answer names: the tokens' `username` / `cognito:username` (else `sub`) when it
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
  if (response.AuthenticationResult) return fromTokens(response.AuthenticationResult);
  const params = response.ChallengeParameters ?? {};
  return named(params.USERNAME) ?? named(params.USER_ID_FOR_SRP);
}
