import { err, ok, type Result } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import type { UnexpectedError } from '../errors/types.js';
import { decodeIdToken } from '../tokens/claims.js';

/**
 * The Logins key of a Cognito user pool: `cognito-idp.<region>.<partition DNS suffix>/<userPoolId>` —
 * `amazonaws.com` in the aws and aws-us-gov partitions, `amazonaws.com.cn` in aws-cn (`cn-*` regions).
 *
 * @example
 * ```ts
 * userPoolLoginsKey('eu-west-1_AbC123'); // 'cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123'
 * userPoolLoginsKey('cn-north-1_AbC123'); // 'cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_AbC123'
 * ```
 */
export function userPoolLoginsKey(userPoolId: string): string {
  const region = userPoolId.split('_')[0] ?? '';
  return `cognito-idp.${region}.${dnsSuffix(region)}/${userPoolId}`;
}

/** The DNS suffix of a region's partition: aws-cn's regions are `cn-*`; aws and aws-us-gov share one. */
function dnsSuffix(region: string): string {
  return region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
}

/** `cognito-idp.<region>.<suffix>/<region>_<id>`, any partition. */
const USER_POOL_ISSUER =
  /^cognito-idp\.([a-z]{2}(?:-[a-z]+)+-\d+)\.(amazonaws\.com(?:\.cn)?)\/([a-z]{2}(?:-[a-z]+)+-\d+)_[0-9A-Za-z]+$/;

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
 * (`https://cognito-idp.<region>.amazonaws.com/<poolId>` → `cognito-idp.<region>.amazonaws.com/<poolId>`),
 * in every partition: aws, aws-us-gov (`amazonaws.com`) and aws-cn (`amazonaws.com.cn`).
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
    const match = USER_POOL_ISSUER.exec(loginsKey);
    // The host's region must be the pool's, and its DNS suffix that region's partition's.
    if (
      issuer.protocol !== 'https:' ||
      !match?.[1] ||
      match[1] !== match[3] ||
      match[2] !== dnsSuffix(match[1])
    ) {
      return err(makeError('Unexpected', 'The ID token was not issued by a Cognito user pool'));
    }
    return ok({ loginsKey, sub: claims.sub });
  });
}
