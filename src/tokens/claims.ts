import { err, ok, type Result } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import type { UnexpectedError } from '../errors/types.js';
import { decodeJwt } from './jwt.js';

/**
 * Claims every Cognito user-pool token carries.
 *
 * @example
 * ```ts
 * const expired = (claims: CommonClaims) => claims.exp * 1000 < Date.now();
 * ```
 */
export interface CommonClaims {
  readonly sub: string;
  readonly iss: string;
  readonly exp: number;
  readonly iat: number;
  readonly auth_time?: number;
  readonly jti?: string;
  readonly origin_jti?: string;
  readonly event_id?: string;
  readonly 'cognito:groups'?: readonly string[];
  readonly [claim: string]: unknown;
}

/**
 * Claims of a Cognito ID token (standard OIDC profile claims and custom attributes).
 *
 * @example
 * ```ts
 * const claims: IdTokenClaims = decodeIdToken(tokens.idToken)._unsafeUnwrap(); console.log(claims.email);
 * ```
 */
export interface IdTokenClaims extends CommonClaims {
  readonly token_use: 'id';
  readonly aud: string;
  readonly 'cognito:username': string;
  readonly email?: string;
  readonly email_verified?: boolean;
  readonly phone_number?: string;
  readonly phone_number_verified?: boolean;
  readonly name?: string;
  readonly given_name?: string;
  readonly family_name?: string;
  readonly nickname?: string;
  readonly gender?: string;
  readonly birthdate?: string;
  readonly locale?: string;
  readonly 'cognito:roles'?: readonly string[];
  readonly 'cognito:preferred_role'?: string;
}

/**
 * Claims of a Cognito access token.
 *
 * @example
 * ```ts
 * const scopes = decodeAccessToken(tokens.accessToken).map((c: AccessTokenClaims) => c.scope?.split(' '));
 * ```
 */
export interface AccessTokenClaims extends CommonClaims {
  readonly token_use: 'access';
  readonly client_id: string;
  readonly username: string;
  readonly scope?: string;
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function checkCommon(p: Readonly<Record<string, unknown>>, use: string): string | undefined {
  if (p.token_use !== use) return `token_use is not "${use}"`;
  if (!isString(p.sub)) return 'sub is missing';
  if (!isString(p.iss)) return 'iss is missing';
  if (!isNumber(p.exp) || !isNumber(p.iat)) return 'exp or iat is missing';
  const groups = p['cognito:groups'];
  if (groups !== undefined && !(Array.isArray(groups) && groups.every(isString))) {
    return 'cognito:groups is not a list of strings';
  }
  return undefined;
}

/**
 * Decodes a Cognito ID token into typed claims, **without verifying it**, checking that the claims
 * Cognito always sets are present with the right types.
 *
 * @example
 * ```ts
 * const claims = decodeIdToken(tokens.idToken);
 * if (claims.isOk()) console.log(claims.value.email, claims.value['cognito:groups']);
 * ```
 */
export function decodeIdToken(token: string): Result<IdTokenClaims, UnexpectedError> {
  return decodeJwt(token).andThen(({ payload }) => idTokenClaims(payload));
}

/** Checks a decoded (or verified) payload is a Cognito ID token's; the payload itself when it is. */
export function idTokenClaims(p: Readonly<Record<string, unknown>>): Result<IdTokenClaims, UnexpectedError> {
  const problem =
    checkCommon(p, 'id') ??
    (isString(p.aud) ? undefined : 'aud is missing') ??
    (isString(p['cognito:username']) ? undefined : 'cognito:username is missing');
  return problem
    ? err(makeError('Unexpected', `Not a Cognito ID token: ${problem}`))
    : ok(p as IdTokenClaims);
}

/**
 * Decodes a Cognito access token into typed claims, **without verifying it**.
 *
 * @example
 * ```ts
 * const claims = decodeAccessToken(tokens.accessToken);
 * if (claims.isOk()) console.log(claims.value.username, claims.value.scope);
 * ```
 */
export function decodeAccessToken(token: string): Result<AccessTokenClaims, UnexpectedError> {
  return decodeJwt(token).andThen(({ payload }) => accessTokenClaims(payload));
}

/** Checks a decoded (or verified) payload is a Cognito access token's; the payload itself when it is. */
export function accessTokenClaims(
  p: Readonly<Record<string, unknown>>,
): Result<AccessTokenClaims, UnexpectedError> {
  const problem =
    checkCommon(p, 'access') ??
    (isString(p.client_id) ? undefined : 'client_id is missing') ??
    (isString(p.username) ? undefined : 'username is missing');
  return problem
    ? err(makeError('Unexpected', `Not a Cognito access token: ${problem}`))
    : ok(p as AccessTokenClaims);
}
