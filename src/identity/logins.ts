import { err, ok, type Result } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import type { UnexpectedError } from '../errors/types.js';
import { decodeIdToken } from '../tokens/claims.js';

/**
 * The Logins key of a Cognito user pool: `cognito-idp.<region>.amazonaws.com/<userPoolId>`.
 *
 * @example
 * ```ts
 * userPoolLoginsKey('eu-west-1_AbC123'); // 'cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123'
 * ```
 */
export function userPoolLoginsKey(userPoolId: string): string {
  const region = userPoolId.split('_')[0] ?? '';
  return `cognito-idp.${region}.amazonaws.com/${userPoolId}`;
}

/**
 * Who an ID token belongs to, as an identity pool sees it.
 *
 * @example
 * ```ts
 * const { loginsKey, sub }: TokenIdentity = identityFromIdToken(idToken)._unsafeUnwrap();
 * ```
 */
export interface TokenIdentity {
  /** The Logins key, taken from the token's issuer. */
  readonly loginsKey: string;
  /** The user's `sub`. */
  readonly sub: string;
}

/**
 * Reads the Logins key and the user's `sub` from a Cognito ID token's `iss` and `sub` claims
 * (`https://cognito-idp.<region>.amazonaws.com/<poolId>` → `cognito-idp.<region>.amazonaws.com/<poolId>`).
 * The token is decoded, not verified: Cognito verifies it when it is exchanged.
 *
 * @example
 * ```ts
 * const who = identityFromIdToken(tokens.idToken);
 * if (who.isOk()) console.log(who.value.loginsKey);
 * ```
 */
export function identityFromIdToken(idToken: string): Result<TokenIdentity, UnexpectedError> {
  return decodeIdToken(idToken).andThen((claims) => {
    let issuer: URL;
    try {
      issuer = new URL(claims.iss);
    } catch {
      return err(makeError('Unexpected', 'The ID token issuer is not a URL'));
    }
    const loginsKey = `${issuer.host}${issuer.pathname}`.replace(/\/$/, '');
    if (!/^cognito-idp\.[a-z0-9-]+\.amazonaws\.com\/[\w-]+_[0-9A-Za-z]+$/.test(loginsKey)) {
      return err(makeError('Unexpected', 'The ID token was not issued by a Cognito user pool'));
    }
    return ok({ loginsKey, sub: claims.sub });
  });
}
