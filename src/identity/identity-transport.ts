import {
  type CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  type GetCredentialsForIdentityCommandInput,
  type GetCredentialsForIdentityCommandOutput,
  GetIdCommand,
  type GetIdCommandInput,
  type GetIdCommandOutput,
} from '@aws-sdk/client-cognito-identity';
import { sdkTransport } from '../transport/sdk-transport.js';
import type { Transport } from '../transport/transport.js';

/**
 * The identity-pool operations {@link IdentityPool} uses (both unsigned).
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
}

/**
 * The seam {@link IdentityPool} talks to Cognito through.
 *
 * @example
 * ```ts
 * const pool = new IdentityPool({ identityPoolId }, myTransport satisfies IdentityPoolTransport);
 * ```
 */
export type IdentityPoolTransport = Transport<IdentityPoolOperations>;

/**
 * The default seam: AWS SDK v3 commands sent through `client`.
 *
 * @example
 * ```ts
 * const transport = identitySdkTransport(new CognitoIdentityClient({ region: 'eu-west-1' }));
 * ```
 */
export function identitySdkTransport(client: CognitoIdentityClient): IdentityPoolTransport {
  return sdkTransport<IdentityPoolOperations>(client, {
    GetId: GetIdCommand,
    GetCredentialsForIdentity: GetCredentialsForIdentityCommand,
  });
}
