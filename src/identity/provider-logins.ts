import { err, ok, type Result } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import type { InvalidParameterError } from '../errors/types.js';
import { decodeJwt } from '../tokens/jwt.js';
import { identityFromIdToken } from './logins.js';

/**
 * One sign-in an identity pool accepts, typed per provider. Each becomes one entry of the `Logins`
 * map Cognito wants (`key → token`):
 *
 * | provider | Logins key | value |
 * |---|---|---|
 * | `cognito` | `cognito-idp.<region>.amazonaws.com/<userPoolId>` (from the token's `iss`) | ID token |
 * | `google` | `accounts.google.com` | ID token |
 * | `facebook` | `graph.facebook.com` | access token |
 * | `apple` | `appleid.apple.com` | ID token |
 * | `amazon` | `www.amazon.com` | access token |
 * | `oidc` | the issuer host (and path), e.g. `login.example.com` | ID token |
 * | `saml` | the IAM SAML provider ARN | base64 SAML assertion |
 * | `developer` | `cognito-identity.amazonaws.com` | OpenID token from your back end (with its identity id) |
 *
 * `userId` (for providers whose token is not a JWT) lets the pool remember the identity id of that
 * user; without it, GetId is asked once per new token.
 *
 * @example
 * ```ts
 * const google: IdentityLogin = { provider: 'google', idToken: googleCredential };
 * const saml: IdentityLogin = { provider: 'saml', providerArn: 'arn:aws:iam::123456789012:saml-provider/Corp', assertion };
 * ```
 */
export type IdentityLogin =
  | { readonly provider: 'cognito'; readonly idToken: string }
  | { readonly provider: 'google'; readonly idToken: string }
  | { readonly provider: 'apple'; readonly idToken: string }
  | { readonly provider: 'facebook'; readonly accessToken: string; readonly userId?: string }
  | { readonly provider: 'amazon'; readonly accessToken: string; readonly userId?: string }
  | { readonly provider: 'oidc'; readonly issuer: string; readonly idToken: string }
  | {
      readonly provider: 'saml';
      readonly providerArn: string;
      readonly assertion: string;
      readonly userId?: string;
    }
  | { readonly provider: 'developer'; readonly identityId: string; readonly token: string };

/**
 * The fixed Logins keys of the public identity providers and of developer-authenticated identities.
 *
 * @example
 * ```ts
 * const logins = { [LOGINS_KEYS.google]: googleIdToken };
 * ```
 */
export const LOGINS_KEYS = Object.freeze({
  google: 'accounts.google.com',
  facebook: 'graph.facebook.com',
  apple: 'appleid.apple.com',
  amazon: 'www.amazon.com',
  developer: 'cognito-identity.amazonaws.com',
} as const);

/**
 * The Logins map and what the pool needs to remember the identity.
 *
 * @example
 * ```ts
 * const { logins, identityKey }: ResolvedLogins = resolveLogins({ provider: 'google', idToken })._unsafeUnwrap();
 * ```
 */
export interface ResolvedLogins {
  /** `key → token`, as Cognito wants it. */
  readonly logins: Readonly<Record<string, string>>;
  /** Where the identity id of this user is remembered, when the user can be told apart. */
  readonly identityKey: string | undefined;
  /** The identity id given with a developer login. */
  readonly identityId: string | undefined;
  /** The tokens, for redaction. */
  readonly secrets: readonly string[];
}

const SAML_ARN = /^arn:aws[\w-]*:iam::\d{12}:saml-provider\/[\w+=,.@-]+$/;
const OIDC_ISSUER = /^[a-z0-9.-]+(?::\d+)?(?:\/[\w.~%!$&'()*+,;=:@-]+)*$/i;
const IDENTITY_ID = /^[a-z]{2}(?:-[a-z]+)+-\d+:[0-9a-f-]+$/;

function invalid(message: string): InvalidParameterError {
  return makeError('InvalidParameter', message);
}

function nonEmpty(value: unknown, what: string): Result<string, InvalidParameterError> {
  return typeof value === 'string' && value.length > 0
    ? ok(value)
    : err(invalid(`${what} must be a non-empty string`));
}

/** The `sub` of a JWT, decoded and not verified (Cognito verifies the token on the exchange). */
function jwtSubject(token: string, provider: string): Result<string, InvalidParameterError> {
  const decoded = decodeJwt(token);
  if (decoded.isErr()) return err(invalid(`The ${provider} ID token is not a JWT`));
  const sub = decoded.value.payload.sub;
  return typeof sub === 'string' && sub.length > 0
    ? ok(sub)
    : err(invalid(`The ${provider} ID token has no sub claim`));
}

/** `https://login.example.com/` → `login.example.com` (the form IAM and Cognito use as the key). */
function oidcKey(issuer: string): Result<string, InvalidParameterError> {
  const key = issuer.replace(/^https:\/\//i, '').replace(/\/+$/, '');
  return OIDC_ISSUER.test(key)
    ? ok(key)
    : err(invalid('oidc issuer must be a host name with an optional path, e.g. "login.example.com"'));
}

interface OneLogin {
  readonly key: string;
  readonly token: string;
  readonly userId: string | undefined;
  readonly identityId?: string;
}

function resolveOne(login: IdentityLogin): Result<OneLogin, InvalidParameterError> {
  if (typeof login !== 'object' || login === null) return err(invalid('A login must be an object'));
  switch (login.provider) {
    case 'cognito':
      return nonEmpty(login.idToken, 'cognito idToken').andThen((token) =>
        identityFromIdToken(token)
          .mapErr((e) => invalid(`The cognito idToken is not usable: ${e.message}`))
          .map(({ loginsKey, sub }) => ({ key: loginsKey, token, userId: sub })),
      );
    case 'google':
    case 'apple':
      return nonEmpty(login.idToken, `${login.provider} idToken`).andThen((token) =>
        jwtSubject(token, login.provider).map((sub) => ({
          key: LOGINS_KEYS[login.provider],
          token,
          userId: sub,
        })),
      );
    case 'facebook':
    case 'amazon':
      return nonEmpty(login.accessToken, `${login.provider} accessToken`).map((token) => ({
        key: LOGINS_KEYS[login.provider],
        token,
        userId: login.userId || undefined,
      }));
    case 'oidc':
      return nonEmpty(login.issuer, 'oidc issuer')
        .andThen(oidcKey)
        .andThen((key) =>
          nonEmpty(login.idToken, 'oidc idToken').andThen((token) =>
            jwtSubject(token, 'oidc').map((sub) => ({ key, token, userId: sub })),
          ),
        );
    case 'saml':
      if (typeof login.providerArn !== 'string' || !SAML_ARN.test(login.providerArn)) {
        return err(invalid('saml providerArn must look like "arn:aws:iam::123456789012:saml-provider/Name"'));
      }
      return nonEmpty(login.assertion, 'saml assertion').map((token) => ({
        key: login.providerArn,
        token,
        userId: login.userId || undefined,
      }));
    case 'developer':
      if (typeof login.identityId !== 'string' || !IDENTITY_ID.test(login.identityId)) {
        return err(invalid('developer identityId must look like "us-east-1:<uuid>"'));
      }
      return nonEmpty(login.token, 'developer token').map((token) => ({
        key: LOGINS_KEYS.developer,
        token,
        userId: undefined,
        identityId: login.identityId,
      }));
    default:
      return err(
        invalid(
          `Unknown login provider ${JSON.stringify(String((login as { provider?: unknown }).provider))}`,
        ),
      );
  }
}

/**
 * Builds the `Logins` map from typed logins, checking each without sending anything. Keys come from
 * the provider (and, for Cognito user pools, from the ID token's issuer); two logins with the same key
 * are an error.
 *
 * @example
 * ```ts
 * const resolved = resolveLogins([{ provider: 'google', idToken }]);
 * if (resolved.isOk()) console.log(Object.keys(resolved.value.logins)); // ['accounts.google.com']
 * ```
 */
export function resolveLogins(
  input: IdentityLogin | readonly IdentityLogin[],
): Result<ResolvedLogins, InvalidParameterError> {
  const list: readonly IdentityLogin[] = Array.isArray(input) ? input : [input as IdentityLogin];
  if (list.length === 0) return err(invalid('At least one login is required'));
  const logins: Record<string, string> = {};
  const secrets: string[] = [];
  let identityKey: string | undefined;
  let identityId: string | undefined;
  for (const login of list) {
    const one = resolveOne(login);
    if (one.isErr()) return err(one.error);
    const { key, token, userId } = one.value;
    if (Object.hasOwn(logins, key)) return err(invalid(`Two logins use the same key ${key}`));
    logins[key] = token;
    secrets.push(token);
    if (one.value.identityId) identityId = one.value.identityId;
    if (identityKey === undefined && userId !== undefined) identityKey = `${key}#${userId}`;
  }
  // A developer login names its identity: nothing to remember or look up.
  return ok({
    logins,
    identityKey: identityId ? undefined : identityKey,
    identityId,
    secrets,
  });
}
