import { errAsync, type ResultAsync } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import { adminCall } from './call.js';
import type { AdminContext } from './config.js';
import { type LinkProviderError, USER_ERRORS } from './errors.js';
import { userTarget } from './users.js';

/**
 * The external (federated) user to link to an existing user: the identity provider's name in the
 * pool (`Google`, `Facebook`, `SignInWithApple`, `LoginWithAmazon`, or an OIDC/SAML provider's name)
 * and the user's id there.
 *
 * @example
 * ```ts
 * const google: ExternalUser = { providerName: 'Google', subject: '109876543210987654321' };
 * const saml: ExternalUser = { providerName: 'Corp', attributeName: 'NameID', value: 'alice@corp.example' };
 * ```
 */
export type ExternalUser =
  | { readonly providerName: string; readonly subject: string }
  | { readonly providerName: string; readonly attributeName: string; readonly value: string };

const LINK_ERRORS = [
  ...USER_ERRORS,
  'UsernameExists',
] as const satisfies readonly LinkProviderError['type'][];

/**
 * AdminLinkProviderForUser: the external user signs in as the existing user `username` from now on.
 *
 * @example
 * ```ts
 * await linkProviderForUser(context, 'alice', { providerName: 'Google', subject: '1098…' });
 * ```
 */
export function linkProviderForUser(
  context: AdminContext,
  username: string,
  external: ExternalUser,
): ResultAsync<void, LinkProviderError> {
  const target = userTarget(context, username);
  if (target.isErr()) return errAsync(target.error);
  const invalid = (message: string) => errAsync(makeError('InvalidParameter', message));
  if (typeof external !== 'object' || external === null) return invalid('external must be an object');
  if (typeof external.providerName !== 'string' || !/^[^\s]{1,32}$/.test(external.providerName)) {
    return invalid('external.providerName must be the identity provider name (1-32 characters)');
  }
  if (external.providerName === 'Cognito') return invalid('external.providerName cannot be Cognito');
  const [attributeName, value] =
    'subject' in external ? ['Cognito_Subject', external.subject] : [external.attributeName, external.value];
  if (typeof attributeName !== 'string' || attributeName.length === 0) {
    return invalid('external.attributeName must be a non-empty string');
  }
  if (typeof value !== 'string' || value.length === 0) {
    return invalid('the external user id (subject or value) must be a non-empty string');
  }
  return adminCall(
    context.transport,
    'AdminLinkProviderForUser',
    {
      UserPoolId: target.value.UserPoolId,
      DestinationUser: { ProviderName: 'Cognito', ProviderAttributeValue: target.value.Username },
      SourceUser: {
        ProviderName: external.providerName,
        ProviderAttributeName: attributeName,
        ProviderAttributeValue: value,
      },
    },
    LINK_ERRORS,
  ).map(() => undefined);
}
