import { errAsync, okAsync, type ResultAsync } from 'neverthrow';
import { makeError } from '../../errors/make-error.js';
import { adminCall } from '../call.js';
import { type AdminContext, userPoolOf } from '../config.js';
import { type ProvisioningError, SERVICE_ERRORS } from '../errors.js';

/**
 * Input of {@link AdminClient.createUserPoolDomain}: a prefix on `amazoncognito.com`, or your own
 * domain with an ACM certificate (in us-east-1).
 *
 * @example
 * ```ts
 * const prefix: CreateUserPoolDomainInput = { domain: 'my-app-login' };
 * const custom: CreateUserPoolDomainInput = { domain: 'auth.example.com', certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/…' };
 * ```
 */
export interface CreateUserPoolDomainInput {
  /** Default: the AdminClient's user pool. */
  readonly userPoolId?: string;
  readonly domain: string;
  /** For a custom domain: its ACM certificate ARN. */
  readonly certificateArn?: string;
  /** 1 (classic hosted UI) or 2 (managed login). */
  readonly managedLoginVersion?: 1 | 2;
}

/**
 * What {@link AdminClient.createUserPoolDomain} created: the hosted UI / OAuth base URL.
 *
 * @example
 * ```ts
 * const authorize = `${created.url}/oauth2/authorize?client_id=${clientId}&response_type=code&redirect_uri=…`;
 * ```
 */
export interface CreatedUserPoolDomain {
  readonly userPoolId: string;
  readonly domain: string;
  /** `https://<prefix>.auth.<region>.amazoncognito.com`, or `https://<custom domain>`. */
  readonly url: string;
  /** For a custom domain: the CloudFront name to point a DNS alias at. */
  readonly cloudFrontDomain?: string;
}

const PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const ACM_ARN = /^arn:aws[\w-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[\w-]+$/;

/**
 * CreateUserPoolDomain, checking the domain first (prefixes: lowercase letters, digits and hyphens,
 * without `aws`, `amazon` or `cognito`).
 *
 * @example
 * ```ts
 * const domain = await createUserPoolDomain(context, { domain: 'my-app-login' });
 * ```
 */
export function createUserPoolDomain(
  context: AdminContext,
  input: CreateUserPoolDomainInput,
): ResultAsync<CreatedUserPoolDomain, ProvisioningError> {
  const invalid = (message: string) => errAsync(makeError('InvalidParameter', message));
  if (typeof input !== 'object' || input === null) return invalid('input must be an object');
  const pool = userPoolOf(context, input.userPoolId);
  if (pool.isErr()) return errAsync(pool.error);
  const { domain, certificateArn } = input;
  const custom = certificateArn !== undefined;
  if (custom) {
    if (typeof domain !== 'string' || !HOST.test(domain))
      return invalid('domain must be a fully qualified host name');
    if (!ACM_ARN.test(String(certificateArn)))
      return invalid('certificateArn must be an ACM certificate ARN');
  } else {
    if (typeof domain !== 'string' || !PREFIX.test(domain)) {
      return invalid('domain prefix must be 1-63 lowercase letters, digits and hyphens (not at either end)');
    }
    if (/aws|amazon|cognito/.test(domain))
      return invalid('domain prefix cannot contain aws, amazon or cognito');
  }
  const version = input.managedLoginVersion;
  if (version !== undefined && version !== 1 && version !== 2)
    return invalid('managedLoginVersion must be 1 or 2');
  const userPoolId = pool.value;
  const region = userPoolId.split('_')[0] ?? '';
  return adminCall(
    context.transport,
    'CreateUserPoolDomain',
    {
      UserPoolId: userPoolId,
      Domain: domain,
      ...(custom ? { CustomDomainConfig: { CertificateArn: certificateArn } } : {}),
      ...(version !== undefined ? { ManagedLoginVersion: version } : {}),
    },
    SERVICE_ERRORS,
  ).andThen((answer) =>
    okAsync({
      userPoolId,
      domain,
      url: custom ? `https://${domain}` : `https://${domain}.auth.${region}.amazoncognito.com`,
      ...(answer.CloudFrontDomain ? { cloudFrontDomain: answer.CloudFrontDomain } : {}),
    }),
  );
}
