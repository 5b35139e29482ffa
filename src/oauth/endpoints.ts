/**
 * The OAuth 2.0 endpoints of a user-pool domain. Cognito serves them at fixed paths of the domain
 * (see {@link cognitoEndpoints}); another OpenID Connect server (or a local stand-in in tests) can be
 * described by giving the URLs, e.g. from its discovery document ({@link discoverEndpoints}).
 *
 * @example
 * ```ts
 * const endpoints: OAuthEndpoints = cognitoEndpoints('https://auth.example.com');
 * endpoints.token; // 'https://auth.example.com/oauth2/token'
 * ```
 */
export interface OAuthEndpoints {
  /** `GET /oauth2/authorize`: where the browser goes to sign in (managed login or a federated IdP). */
  readonly authorization: string;
  /** `POST /oauth2/token`: codes, refresh tokens and client credentials become tokens. */
  readonly token: string;
  /** `POST /oauth2/revoke`: revokes a refresh token and the access tokens issued from it. */
  readonly revocation: string;
  /** `GET /oauth2/userInfo`: the signed-in user's attributes, for an access token. */
  readonly userInfo: string;
  /** `GET /logout`: ends the managed-login session and redirects to a sign-out URL. */
  readonly logout: string;
}

/**
 * Cognito's endpoint URLs for a user-pool domain origin (`https://<prefix>.auth.<region>.amazoncognito.com`
 * or a custom domain such as `https://auth.example.com`).
 *
 * @example
 * ```ts
 * cognitoEndpoints('https://my-app.auth.eu-west-1.amazoncognito.com').userInfo;
 * // 'https://my-app.auth.eu-west-1.amazoncognito.com/oauth2/userInfo'
 * ```
 */
export function cognitoEndpoints(origin: string): OAuthEndpoints {
  const base = origin.replace(/\/+$/, '');
  return {
    authorization: `${base}/oauth2/authorize`,
    token: `${base}/oauth2/token`,
    revocation: `${base}/oauth2/revoke`,
    userInfo: `${base}/oauth2/userInfo`,
    logout: `${base}/logout`,
  };
}

/**
 * The origin of a Cognito prefix domain: `https://<prefix>.auth.<region>.amazoncognito.com`.
 *
 * @example
 * ```ts
 * prefixDomainOrigin('my-app', 'eu-west-1'); // 'https://my-app.auth.eu-west-1.amazoncognito.com'
 * ```
 */
export function prefixDomainOrigin(prefix: string, region: string): string {
  return `https://${prefix}.auth.${region}.amazoncognito.com`;
}

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/;

/**
 * Why `value` is not usable as an endpoint URL (absolute, https — or http on a loopback host, for local
 * servers — with no fragment); `undefined` when it is.
 *
 * @example
 * ```ts
 * endpointProblem('http://example.com/token'); // 'must use https (http only on localhost)'
 * ```
 */
export function endpointProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a URL string';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not an absolute URL';
  }
  if (url.hash !== '') return 'must not have a fragment';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK.test(url.hostname)) return undefined;
  return 'must use https (http only on localhost)';
}
