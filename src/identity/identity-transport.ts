import {
  type CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  type GetCredentialsForIdentityCommandInput,
  type GetCredentialsForIdentityCommandOutput,
  GetIdCommand,
  type GetIdCommandInput,
  type GetIdCommandOutput,
  GetOpenIdTokenCommand,
  type GetOpenIdTokenCommandInput,
  type GetOpenIdTokenCommandOutput,
  GetOpenIdTokenForDeveloperIdentityCommand,
  type GetOpenIdTokenForDeveloperIdentityCommandInput,
  type GetOpenIdTokenForDeveloperIdentityCommandOutput,
} from '@aws-sdk/client-cognito-identity';
import { sdkTransport } from '../transport/sdk-transport.js';
import type { CallOptions, Transport } from '../transport/transport.js';
import {
  type AssumedRoleCredentials,
  type AssumeRoleWithWebIdentityInput,
  type StsOptions,
  stsWebIdentity,
} from './sts-web-identity.js';

/**
 * The operations {@link IdentityPool} uses: the unsigned identity-pool calls, the signed
 * GetOpenIdTokenForDeveloperIdentity (for back ends), and STS AssumeRoleWithWebIdentity for the
 * basic flow.
 *
 * @example
 * ```ts
 * type GetIdInput = IdentityPoolOperations['GetId']['input'];
 * ```
 */
export interface IdentityPoolOperations {
  GetId: { input: GetIdCommandInput; output: GetIdCommandOutput };
  GetCredentialsForIdentity: {
    input: GetCredentialsForIdentityCommandInput;
    output: GetCredentialsForIdentityCommandOutput;
  };
  GetOpenIdToken: { input: GetOpenIdTokenCommandInput; output: GetOpenIdTokenCommandOutput };
  GetOpenIdTokenForDeveloperIdentity: {
    input: GetOpenIdTokenForDeveloperIdentityCommandInput;
    output: GetOpenIdTokenForDeveloperIdentityCommandOutput;
  };
  AssumeRoleWithWebIdentity: { input: AssumeRoleWithWebIdentityInput; output: AssumedRoleCredentials };
}

/**
 * The seam {@link IdentityPool} talks to Cognito (and STS) through.
 *
 * @example
 * ```ts
 * const pool = new IdentityPool({ identityPoolId }, myTransport satisfies IdentityPoolTransport);
 * ```
 */
export type IdentityPoolTransport = Transport<IdentityPoolOperations>;

type CognitoOperations = Omit<IdentityPoolOperations, 'AssumeRoleWithWebIdentity'>;

/**
 * The default seam: AWS SDK v3 commands sent through `client`; AssumeRoleWithWebIdentity goes to STS
 * (at `sts.endpoint`, in `sts.region`) through the AWS SDK's `fromWebToken`.
 *
 * @example
 * ```ts
 * const transport = identitySdkTransport(new CognitoIdentityClient({ region: 'eu-west-1' }), { region: 'eu-west-1' });
 * ```
 */
export function identitySdkTransport(
  client: CognitoIdentityClient,
  sts: StsOptions = {},
): IdentityPoolTransport {
  const cognito = sdkTransport<CognitoOperations>(client, {
    GetId: GetIdCommand,
    GetCredentialsForIdentity: GetCredentialsForIdentityCommand,
    GetOpenIdToken: GetOpenIdTokenCommand,
    GetOpenIdTokenForDeveloperIdentity: GetOpenIdTokenForDeveloperIdentityCommand,
  });
  const assumeRole = stsWebIdentity(sts);
  return ((operation: keyof IdentityPoolOperations, input: unknown, options?: CallOptions) =>
    operation === 'AssumeRoleWithWebIdentity'
      ? assumeRole(input as AssumeRoleWithWebIdentityInput, options?.secrets)
      : cognito(operation, input as never, options)) as IdentityPoolTransport;
}
