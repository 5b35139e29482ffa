import {
  CognitoJwtInvalidClientIdError,
  CognitoJwtInvalidGroupError,
  CognitoJwtInvalidTokenUseError,
  FetchError,
  JwkInvalidKtyError,
  JwkInvalidUseError,
  JwksNotAvailableInCacheError,
  JwksValidationError,
  JwkValidationError,
  JwtExpiredError,
  JwtInvalidAudienceError,
  JwtInvalidClaimError,
  JwtInvalidIssuerError,
  JwtInvalidScopeError,
  JwtInvalidSignatureAlgorithmError,
  JwtInvalidSignatureError,
  JwtNotBeforeError,
  JwtParseError,
  JwtWithoutValidKidError,
  KidNotFoundInJwksError,
  NonRetryableFetchError,
  NotSupportedError,
  ParameterValidationError,
  WaitPeriodNotYetEndedJwkError,
} from 'aws-jwt-verify/error';
import { makeError } from '../errors/make-error.js';
import { redact } from '../errors/redact.js';
import type { InvalidTokenError, InvalidTokenReason } from '../errors/types.js';

/** aws-jwt-verify's error classes, most specific first, and the reason each becomes. */
const REASONS: readonly (readonly [abstract new (...args: never[]) => Error, InvalidTokenReason])[] = [
  [JwtExpiredError, 'expired'],
  [JwtNotBeforeError, 'not_yet_valid'],
  [JwtInvalidIssuerError, 'issuer'],
  [JwtInvalidAudienceError, 'audience'],
  [CognitoJwtInvalidClientIdError, 'audience'],
  [CognitoJwtInvalidTokenUseError, 'token_use'],
  [CognitoJwtInvalidGroupError, 'groups'],
  [JwtInvalidScopeError, 'scope'],
  [JwtInvalidClaimError, 'claims'],
  [JwtInvalidSignatureAlgorithmError, 'signature'],
  [JwtInvalidSignatureError, 'signature'],
  // The token names a key the pool's JWKS does not have (or was just refetched without it).
  [KidNotFoundInJwksError, 'signature'],
  [WaitPeriodNotYetEndedJwkError, 'signature'],
  [NotSupportedError, 'signature'],
  [JwtWithoutValidKidError, 'malformed'],
  [JwtParseError, 'malformed'],
  [FetchError, 'jwks'],
  [JwksValidationError, 'jwks'],
  [JwkValidationError, 'jwks'],
  [JwkInvalidUseError, 'jwks'],
  [JwkInvalidKtyError, 'jwks'],
  [JwksNotAvailableInCacheError, 'jwks'],
];

const DESCRIPTIONS: Record<InvalidTokenReason, string> = {
  malformed: 'The token is not a well-formed JWT',
  signature: 'The token signature does not verify against the pool keys',
  expired: 'The token has expired',
  not_yet_valid: 'The token is not valid yet',
  issuer: 'The token was not issued by this user pool',
  audience: 'The token was issued to another app client',
  token_use: 'The token is not of the expected kind (ID or access)',
  groups: 'The user is in none of the required groups',
  scope: 'The token has none of the required scopes',
  claims: 'The token claims are invalid',
  jwks: 'The pool keys (JWKS) could not be obtained',
};

/**
 * The reason for an aws-jwt-verify error. A token whose `iss` is not this pool's issuer is rejected by
 * aws-jwt-verify before anything else, as a parameter error naming the issuer: that is `issuer`.
 *
 * @example
 * ```ts
 * reasonOf(new JwtExpiredError('Token expired', 0)); // 'expired'
 * ```
 */
export function reasonOf(thrown: unknown): InvalidTokenReason {
  for (const [ErrorClass, reason] of REASONS) {
    if (thrown instanceof ErrorClass) return reason;
  }
  if (thrown instanceof ParameterValidationError && /^issuer/i.test(thrown.message)) return 'issuer';
  return 'malformed';
}

/**
 * Maps what aws-jwt-verify throws to an `InvalidToken` error with a `reason`. The message is ours plus
 * aws-jwt-verify's (which may name a claim value such as a client id), with `token` redacted from it.
 * Failing to fetch the JWKS is retryable (unless the server answered with a non-200 status); nothing else is.
 *
 * @example
 * ```ts
 * try { await verifier.verify(token); } catch (e) { return err(mapVerifyError(e, token)); }
 * ```
 */
export function mapVerifyError(thrown: unknown, token?: string): InvalidTokenError {
  const reason = reasonOf(thrown);
  const detail = thrown instanceof Error && thrown.message ? `: ${redact(thrown.message, [token])}` : '';
  const retryable = thrown instanceof FetchError && !(thrown instanceof NonRetryableFetchError);
  return makeError(
    'InvalidToken',
    `${DESCRIPTIONS[reason]}${detail}`,
    { retryable, cause: thrown },
    { reason },
  );
}
