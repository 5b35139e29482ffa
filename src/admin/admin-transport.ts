import {
  AdminCreateUserCommand,
  type AdminCreateUserCommandInput,
  type AdminCreateUserCommandOutput,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { sdkTransport } from '../transport/sdk-transport.js';
import type { Transport } from '../transport/transport.js';

/**
 * The user-pool administration operations {@link AdminClient} uses (signed with AWS credentials).
 *
 * @example
 * ```ts
 * type CreateInput = AdminOperations['AdminCreateUser']['input'];
 * ```
 */
export interface AdminOperations {
  AdminCreateUser: { input: AdminCreateUserCommandInput; output: AdminCreateUserCommandOutput };
}

/**
 * The seam {@link AdminClient} talks to Cognito through.
 *
 * @example
 * ```ts
 * const admin = new AdminClient({ userPoolId }, myTransport satisfies AdminTransport);
 * ```
 */
export type AdminTransport = Transport<AdminOperations>;

/**
 * The default seam: AWS SDK v3 commands sent through `client`.
 *
 * @example
 * ```ts
 * const transport = adminSdkTransport(new CognitoIdentityProviderClient({ region: 'eu-west-1' }));
 * ```
 */
export function adminSdkTransport(client: CognitoIdentityProviderClient): AdminTransport {
  return sdkTransport<AdminOperations>(client, { AdminCreateUser: AdminCreateUserCommand });
}
