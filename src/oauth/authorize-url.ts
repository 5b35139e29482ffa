import { err, errAsync, ok, type Result, ResultAsync } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import type { InvalidParameterError, UnexpectedError } from '../errors/types.js';
import type { ResolvedOAuthConfig } from './config.js';
import { codeChallengeS256, randomUrlSafe } from './pkce.js';
import { chooseUrl } from './redirect-uri.js';
import { scopeProblem } from './scopes.js';

/**
 * Input of `authorizeUrl`. Everything is optional: the redirect URI and scopes default to the client's
 * configured ones, and `state` and `nonce` are generated when not given.
 *
 * @example
 * ```ts
 * const input: AuthorizeUrlInput = { identityProvider: 'Google', scopes: ['openid', 'email'] };
 * ```
 */
export interface AuthorizeUrlInput {
  /** One of the client's callback URLs (default: the first configured). */
  readonly redirectUri?: string | undefined;
  /** Scopes to ask for (default: the client's configured scopes). */
  readonly scopes?: readonly string[] | undefined;
  /** Skip the managed-login page and go straight to this IdP: `Google`, `Facebook`, `SignInWithApple`, `LoginWithAmazon`, `COGNITO`, or the name of a SAML/OIDC provider. */
  readonly identityProvider?: string | undefined;
  /** Choose the IdP by one of its identifiers (e.g. an email domain mapped to a SAML provider) instead of its name. */
  readonly idpIdentifier?: string | undefined;
  /** The CSRF token to send; generated (32 random bytes) when not given. */
  readonly state?: string | undefined;
  /** The replay-protection nonce for the ID token; generated when not given. */
  readonly nonce?: string | undefined;
  /** Further query parameters for the authorize endpoint (e.g. `lang`); cannot replace the ones above. */
  readonly extraParameters?: Readonly<Record<string, string>> | undefined;
}

/**
 * A started sign-in: the URL to send the browser to, and what the caller must keep (for example in an
 * encrypted, http-only cookie) until the redirect comes back: `state`, `nonce`, `codeVerifier` and
 * `redirectUri`. Plain data, safe to JSON-serialise — but `codeVerifier` is a secret.
 *
 * @example
 * ```ts
 * const started: AuthorizationRequest = (await oauth.authorizeUrl())._unsafeUnwrap();
 * res.cookie('oauth', seal(JSON.stringify(started)), { httpOnly: true, secure: true });
 * res.redirect(started.url);
 * ```
 */
export interface AuthorizationRequest {
  readonly url: string;
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  readonly redirectUri: string;
}

const RESERVED = new Set([
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
  'identity_provider',
  'idp_identifier',
]);

const invalid = (message: string): Result<never, InvalidParameterError> =>
  err(makeError('InvalidParameter', message));

const optionalText = (value: unknown, name: string): Result<string | undefined, InvalidParameterError> =>
  value === undefined || (typeof value === 'string' && value !== '')
    ? ok(value as string | undefined)
    : invalid(`${name}, when given, must be a non-empty string`);

function checkScopes(value: unknown, fallback: readonly string[]): Result<string[], InvalidParameterError> {
  const scopes = value ?? fallback;
  if (!Array.isArray(scopes)) return invalid('scopes must be a list of strings');
  const problem = scopes.map(scopeProblem).find((p) => p !== undefined);
  return problem ? invalid(`scopes has an entry that ${problem}`) : ok(scopes as string[]);
}

function checkExtra(value: unknown): Result<Record<string, string>, InvalidParameterError> {
  if (value === undefined) return ok({});
  if (typeof value !== 'object' || value === null)
    return invalid('extraParameters must be an object of strings');
  const entries = Object.entries(value as Record<string, unknown>);
  const reserved = entries.find(([key]) => RESERVED.has(key));
  if (reserved) return invalid(`extraParameters cannot set ${reserved[0]}: use the input's own field`);
  if (!entries.every(([, v]) => typeof v === 'string'))
    return invalid('extraParameters values must be strings');
  return ok(Object.fromEntries(entries) as Record<string, string>);
}

/**
 * Builds the authorize URL of an authorization-code sign-in with PKCE (S256): a fresh code verifier,
 * its challenge, and `state`/`nonce` (generated unless given), returned for the caller to keep.
 *
 * @example
 * ```ts
 * const started = await buildAuthorizeUrl(config, { identityProvider: 'Google' });
 * ```
 */
export function buildAuthorizeUrl(
  config: ResolvedOAuthConfig,
  input: AuthorizeUrlInput = {},
): ResultAsync<AuthorizationRequest, InvalidParameterError | UnexpectedError> {
  if (typeof input !== 'object' || input === null) {
    return errAsync(makeError('InvalidParameter', 'input must be an object'));
  }
  const endpoint = config.endpoints.authorization;
  if (endpoint === undefined) {
    return errAsync(
      makeError(
        'InvalidParameter',
        'No authorization endpoint: configure a domain or endpoints.authorization',
      ),
    );
  }
  const redirect = chooseUrl(input.redirectUri, config.redirectUris, 'redirectUri');
  if ('problem' in redirect) return errAsync(makeError('InvalidParameter', redirect.problem));
  const checked = checkScopes(input.scopes, config.scopes).andThen((scopes) =>
    optionalText(input.identityProvider, 'identityProvider').andThen((identityProvider) =>
      optionalText(input.idpIdentifier, 'idpIdentifier').andThen((idpIdentifier) =>
        identityProvider !== undefined && idpIdentifier !== undefined
          ? invalid('give identityProvider or idpIdentifier, not both')
          : optionalText(input.state, 'state').andThen((state) =>
              optionalText(input.nonce, 'nonce').andThen((nonce) =>
                checkExtra(input.extraParameters).map((extra) => ({
                  scopes,
                  identityProvider,
                  idpIdentifier,
                  state: state ?? randomUrlSafe(),
                  nonce: nonce ?? randomUrlSafe(),
                  extra,
                })),
              ),
            ),
      ),
    ),
  );
  if (checked.isErr()) return errAsync(checked.error);
  const { scopes, identityProvider, idpIdentifier, state, nonce, extra } = checked.value;
  const codeVerifier = randomUrlSafe();
  return ResultAsync.fromPromise(codeChallengeS256(codeVerifier), (cause) =>
    makeError('Unexpected', 'WebCrypto (crypto.subtle) is not available to compute the PKCE challenge', {
      cause,
    }),
  ).map((challenge) => {
    const url = new URL(endpoint);
    const params: Record<string, string> = {
      ...extra,
      response_type: 'code',
      client_id: config.clientId,
      redirect_uri: redirect.url,
      ...(scopes.length > 0 ? { scope: scopes.join(' ') } : {}),
      state,
      nonce,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      ...(identityProvider !== undefined ? { identity_provider: identityProvider } : {}),
      ...(idpIdentifier !== undefined ? { idp_identifier: idpIdentifier } : {}),
    };
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    return { url: url.toString(), state, nonce, codeVerifier, redirectUri: redirect.url };
  });
}
