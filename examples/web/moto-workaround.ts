import {
  CognitoIdentityProviderClient,
  UpdateUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { LOCAL_CREDENTIALS, type Stack } from '../support/provision.js';

/** The attributes the page shows from the ID token. */
export const CLAIMED_ATTRIBUTES = ['email', 'email_verified'] as const;

/**
 * MOTO WORKAROUND, not needed against AWS. An app client created without `ReadAttributes` may read every
 * attribute on AWS, so Cognito's ID token carries `email`; moto 5.2.1 instead puts only the client's listed
 * `ReadAttributes` into the ID token, and none when the list is unset. This lists the page's attributes on
 * the stack's web client (moto merges the update into the client's settings; on AWS, UpdateUserPoolClient
 * would reset every setting left out, so do not run this there).
 *
 * @example
 * ```ts
 * await letWebClientReadClaims(stack);
 * ```
 */
export async function letWebClientReadClaims(stack: Stack): Promise<void> {
  const idp = new CognitoIdentityProviderClient({
    region: stack.region,
    endpoint: stack.endpoint,
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
  });
  try {
    await idp.send(
      new UpdateUserPoolClientCommand({
        UserPoolId: stack.userPoolId,
        ClientId: stack.clientId,
        ReadAttributes: [...CLAIMED_ATTRIBUTES],
      }),
    );
  } finally {
    idp.destroy();
  }
}
