import type { AuthenticationResultType } from '@aws-sdk/client-cognito-identity-provider';
import type { JsonWebKeySet } from '../verify/jwks-source.js';
import { defaultSigningKey, type SigningKey, signJwt } from './signing-key.js';
import {
  freshUuid,
  opaqueString,
  regionOf,
  stableUuid,
  TEST_CLIENT_ID,
  TEST_USER_POOL_ID,
} from './test-identifiers.js';

/**
 * What {@link mintTokens} issues tokens for. Every field has a default, so `mintTokens()` alone gives a
 * valid, unexpired token set for `test-user` in {@link TEST_USER_POOL_ID}.
 *
 * @example
 * ```ts
 * const options: MintTokensOptions = { username: 'alice', claims: { email: 'alice@example.com' }, groups: ['admin'] };
 * ```
 */
export interface MintTokensOptions {
  /** The user pool the tokens claim to come from (`iss`). Default {@link TEST_USER_POOL_ID}. */
  readonly userPoolId?: string;
  /** The app client they were issued to (`aud` of the ID token, `client_id` of the access token). */
  readonly clientId?: string;
  /** `cognito:username` / `username`. Default `test-user`. */
  readonly username?: string;
  /** The user's `sub`. Default: a UUID derived from the pool and user name (stable across calls). */
  readonly sub?: string;
  /** Extra ID-token claims (`email`, `custom:tenant`, …); they may also override the standard ones. */
  readonly claims?: Readonly<Record<string, unknown>>;
  /** Extra access-token claims; they may also override the standard ones. */
  readonly accessClaims?: Readonly<Record<string, unknown>>;
  /** `cognito:groups` of both tokens. */
  readonly groups?: readonly string[];
  /** The access token's scopes. Default `['aws.cognito.signin.user.admin']`. */
  readonly scopes?: readonly string[];
  /** Lifetime in seconds (`exp - iat`). Default 3600. */
  readonly expiresIn?: number;
  /** When the tokens were issued (`iat`, `auth_time`), as a `Date` or epoch milliseconds. Default now. */
  readonly issuedAt?: Date | number;
  /** The key to sign with. Default {@link defaultSigningKey}. */
  readonly key?: SigningKey;
}

/**
 * Tokens as a user pool issues them, with the key set that verifies them.
 *
 * @example
 * ```ts
 * const { idToken, accessToken, jwks } = mintTokens({ username: 'alice' });
 * ```
 */
export interface MintedTokens {
  /** RS256-signed ID token. */
  readonly idToken: string;
  /** RS256-signed access token. */
  readonly accessToken: string;
  /** An opaque refresh token, shaped like Cognito's (a five-part JWE that only Cognito can read). */
  readonly refreshToken: string;
  /** Seconds until expiry, as Cognito's `ExpiresIn`. */
  readonly expiresIn: number;
  /** The decoded payloads of the two JWTs. */
  readonly claims: {
    readonly id: Readonly<Record<string, unknown>>;
    readonly access: Readonly<Record<string, unknown>>;
  };
  /** The public key set that verifies them (give it to `TokenVerifier` as `jwks`, or to aws-jwt-verify's `cacheJwks`). */
  readonly jwks: JsonWebKeySet;
  /** The same tokens as Cognito's `AuthenticationResult` (InitiateAuth / RespondToAuthChallenge answers). */
  readonly authenticationResult: AuthenticationResultType;
}

const seconds = (value: Date | number) =>
  Math.floor((value instanceof Date ? value.getTime() : value) / 1000);

/** A refresh token shaped like Cognito's: a JWE (RSA-OAEP, A256GCM) whose content only Cognito can read. */
function opaqueRefreshToken(): string {
  const header = Buffer.from(JSON.stringify({ cty: 'JWT', enc: 'A256GCM', alg: 'RSA-OAEP' })).toString(
    'base64url',
  );
  const part = (bytes: number) => Buffer.from(opaqueString(bytes)).toString('base64url');
  return [header, part(256), part(12), part(1200), part(16)].join('.');
}

/**
 * Mints an ID, access and refresh token the way a Cognito user pool does — RS256 signatures, and `iss`,
 * `aud`/`client_id`, `token_use`, `exp`, `iat`, `auth_time`, `jti`, `origin_jti`, `event_id`, `sub`,
 * `cognito:username`/`username` — plus the JWKS that verifies them, so `cognito-flow/verify` (or
 * aws-jwt-verify) accepts them without any network. Mint expired tokens with a past `issuedAt`, and
 * tokens for another app client with `clientId`.
 *
 * @example
 * ```ts
 * import { mintTokens } from 'cognito-flow/testing';
 * import { TokenVerifier } from 'cognito-flow/verify';
 *
 * const tokens = mintTokens({ userPoolId: 'eu-west-1_AbC123', clientId: 'web', username: 'alice' });
 * const verifier = TokenVerifier.create({ userPoolId: 'eu-west-1_AbC123', clientId: 'web', jwks: tokens.jwks })._unsafeUnwrap();
 * const claims = await verifier.verifyIdToken(tokens.idToken); // Ok({ 'cognito:username': 'alice', ... })
 * ```
 */
export function mintTokens(options: MintTokensOptions = {}): MintedTokens {
  const userPoolId = options.userPoolId ?? TEST_USER_POOL_ID;
  const clientId = options.clientId ?? TEST_CLIENT_ID;
  const username = options.username ?? 'test-user';
  const key = options.key ?? defaultSigningKey();
  const sub = options.sub ?? stableUuid(`${userPoolId}/${username}`);
  const expiresIn = options.expiresIn ?? 3600;
  const iat = seconds(options.issuedAt ?? Date.now());
  const issuer = `https://cognito-idp.${regionOf(userPoolId)}.amazonaws.com/${userPoolId}`;
  const originJti = freshUuid();
  const eventId = freshUuid();
  const groups = options.groups && options.groups.length > 0 ? { 'cognito:groups': [...options.groups] } : {};
  const id = {
    sub,
    ...groups,
    iss: issuer,
    'cognito:username': username,
    origin_jti: originJti,
    aud: clientId,
    event_id: eventId,
    token_use: 'id',
    auth_time: iat,
    exp: iat + expiresIn,
    iat,
    jti: freshUuid(),
    ...options.claims,
  };
  const access = {
    sub,
    ...groups,
    iss: issuer,
    client_id: clientId,
    origin_jti: originJti,
    event_id: eventId,
    token_use: 'access',
    scope: (options.scopes ?? ['aws.cognito.signin.user.admin']).join(' '),
    auth_time: iat,
    exp: iat + expiresIn,
    iat,
    jti: freshUuid(),
    username,
    ...options.accessClaims,
  };
  const idToken = signJwt(id, key);
  const accessToken = signJwt(access, key);
  const refreshToken = opaqueRefreshToken();
  return {
    idToken,
    accessToken,
    refreshToken,
    expiresIn,
    claims: { id, access },
    jwks: key.jwks,
    authenticationResult: {
      AccessToken: accessToken,
      ExpiresIn: expiresIn,
      TokenType: 'Bearer',
      RefreshToken: refreshToken,
      IdToken: idToken,
    },
  };
}
