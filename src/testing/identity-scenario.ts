import { randomBytes } from 'node:crypto';
import { cognitoException } from './cognito-exception.js';
import { field, type MockRule } from './mock-rule.js';
import { regionOf, stableUuid } from './test-identifiers.js';

/**
 * What the identity pool hands out.
 *
 * @example
 * ```ts
 * cognito.identityPoolIssues({ identityId: 'eu-west-1:11111111-2222-3333-4444-555555555555', expiresIn: 900 });
 * ```
 */
export interface IdentityPoolIssueOptions {
  /** The identity id GetId answers (default: a stable id in the pool's region). */
  readonly identityId?: string;
  /** Lifetime of the AWS credentials in seconds (default 3600). */
  readonly expiresIn?: number;
  /** Fixed credentials instead of fresh random ones. */
  readonly credentials?: {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly sessionToken: string;
  };
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A temporary access key id as STS issues them (`ASIA` + 16 characters). */
function accessKeyId(): string {
  return `ASIA${Array.from(randomBytes(16), (byte) => ALPHANUMERIC[byte % 32]).join('')}`;
}

/**
 * Why Cognito would refuse these Logins: an expired token, or a `cognito-idp` key that is not the token's
 * issuer. `undefined` when they are acceptable.
 */
function loginProblem(logins: unknown): string | undefined {
  if (typeof logins !== 'object' || logins === null) return undefined;
  for (const [provider, token] of Object.entries(logins as Record<string, unknown>)) {
    if (typeof token !== 'string' || !provider.startsWith('cognito-idp.')) continue;
    let payload: { iss?: unknown; exp?: unknown };
    try {
      payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    } catch {
      return 'Invalid login token. Not a valid OpenId Connect identity token.';
    }
    if (payload.iss !== `https://${provider}`)
      return "Invalid login token. Issuer doesn't match providerName";
    if (typeof payload.exp === 'number' && payload.exp * 1000 <= Date.now()) {
      return `Invalid login token. Token expired: ${payload.exp} >= ${Math.floor(Date.now() / 1000)}`;
    }
  }
  return undefined;
}

/**
 * The rules that answer an identity pool's GetId and GetCredentialsForIdentity as Cognito does: the
 * identity id, then temporary credentials (`Expiration` a `Date`) — refusing expired user-pool ID tokens
 * and Logins keys that do not name the token's issuer, with Cognito's NotAuthorizedException.
 *
 * @example
 * ```ts
 * rules.push(...identityPoolRules({ identityId }));
 * ```
 */
export function identityPoolRules(options: IdentityPoolIssueOptions): MockRule[] {
  const identityFor = (poolId: string) => options.identityId ?? `${regionOf(poolId)}:${stableUuid(poolId)}`;
  const refuseBadLogins = (input: Record<string, unknown>) => {
    const problem = loginProblem(input.Logins);
    if (problem)
      throw cognitoException('NotAuthorizedException', { message: problem, service: 'identity-pool' });
  };
  return [
    {
      operation: 'GetId',
      matches: () => true,
      answer: (input: Record<string, unknown>) => {
        refuseBadLogins(input);
        return { IdentityId: identityFor(field(input, 'IdentityPoolId') ?? ''), $metadata: {} };
      },
    },
    {
      operation: 'GetCredentialsForIdentity',
      matches: () => true,
      answer: (input: Record<string, unknown>) => {
        refuseBadLogins(input);
        const fixed = options.credentials;
        return {
          IdentityId: field(input, 'IdentityId') ?? options.identityId,
          Credentials: {
            AccessKeyId: fixed?.accessKeyId ?? accessKeyId(),
            SecretKey: fixed?.secretAccessKey ?? randomBytes(30).toString('base64'),
            SessionToken: fixed?.sessionToken ?? `IQoJb3JpZ2luX2Vj${randomBytes(600).toString('base64')}`,
            Expiration: new Date(Date.now() + (options.expiresIn ?? 3600) * 1000),
          },
          $metadata: {},
        };
      },
    },
  ];
}
