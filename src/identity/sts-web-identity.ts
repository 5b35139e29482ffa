import { ResultAsync } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import { mapSdkError } from '../errors/map-sdk-error.js';
import type { CognitoError } from '../errors/types.js';

/**
 * Input of STS AssumeRoleWithWebIdentity, as the basic (classic) identity-pool flow sends it.
 *
 * @example
 * ```ts
 * const input: AssumeRoleWithWebIdentityInput = { RoleArn, RoleSessionName: 'app', WebIdentityToken: openIdToken };
 * ```
 */
export interface AssumeRoleWithWebIdentityInput {
  readonly RoleArn: string;
  readonly RoleSessionName: string;
  readonly WebIdentityToken: string;
  readonly DurationSeconds?: number;
}

/**
 * The credentials STS hands back for an assumed role.
 *
 * @example
 * ```ts
 * const creds: AssumedRoleCredentials = { accessKeyId, secretAccessKey, sessionToken, expiration };
 * ```
 */
export interface AssumedRoleCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string | undefined;
  readonly expiration?: Date | undefined;
}

/** Where the STS client created for the basic flow sends its requests. */
export interface StsOptions {
  readonly region?: string;
  readonly endpoint?: string;
}

/** STS exception names and the cognito-flow error each becomes (the shared table only knows Cognito's). */
const STS_ERRORS: ReadonlyMap<string, CognitoError['type']> = new Map<string, CognitoError['type']>([
  ['InvalidIdentityTokenException', 'NotAuthorized'],
  ['ExpiredTokenException', 'NotAuthorized'],
  ['IDPRejectedClaimException', 'NotAuthorized'],
  ['AccessDenied', 'NotAuthorized'],
  ['AccessDeniedException', 'NotAuthorized'],
  ['IDPCommunicationErrorException', 'ExternalService'],
  ['PackedPolicyTooLargeException', 'InvalidParameter'],
  ['MalformedPolicyDocumentException', 'InvalidParameter'],
  ['ValidationError', 'InvalidParameter'],
  ['RegionDisabledException', 'InvalidConfiguration'],
]);

/**
 * Maps an error thrown by an STS call: STS's own exception names first, then the shared mapping.
 *
 * @example
 * ```ts
 * const error = mapStsError(thrown, [openIdToken]);
 * ```
 */
export function mapStsError(thrown: unknown, secrets: readonly (string | undefined)[]): CognitoError {
  const mapped = mapSdkError(thrown, secrets);
  const name =
    typeof thrown === 'object' && thrown !== null ? (thrown as { name?: unknown }).name : undefined;
  const type = typeof name === 'string' ? STS_ERRORS.get(name) : undefined;
  if (!type || type === mapped.type) return mapped;
  return makeError(type as 'NotAuthorized', mapped.message, {
    retryable: mapped.retryable,
    requestId: mapped.requestId,
    cause: thrown,
  });
}

/**
 * STS AssumeRoleWithWebIdentity through `fromWebToken` (the one `@aws-sdk/credential-providers`
 * re-exports, imported from its own browser-safe package and loaded on first use, so apps on the
 * enhanced flow never load the STS client).
 *
 * @example
 * ```ts
 * const assume = stsWebIdentity({ region: 'eu-west-1' });
 * const creds = await assume({ RoleArn, RoleSessionName: 'app', WebIdentityToken: openIdToken });
 * ```
 */
export function stsWebIdentity(
  options: StsOptions,
): (
  input: AssumeRoleWithWebIdentityInput,
  secrets?: readonly (string | undefined)[],
) => ResultAsync<AssumedRoleCredentials, CognitoError> {
  return (input, secrets = []) =>
    ResultAsync.fromPromise(
      import('@aws-sdk/credential-provider-web-identity').then(({ fromWebToken }) =>
        fromWebToken({
          roleArn: input.RoleArn,
          roleSessionName: input.RoleSessionName,
          webIdentityToken: input.WebIdentityToken,
          ...(input.DurationSeconds !== undefined ? { durationSeconds: input.DurationSeconds } : {}),
          clientConfig: {
            ...(options.region ? { region: options.region } : {}),
            ...(options.endpoint ? { endpoint: options.endpoint } : {}),
          },
        })(),
      ),
      (thrown) => mapStsError(thrown, [input.WebIdentityToken, ...secrets]),
    );
}
