import { errAsync, okAsync, type ResultAsync } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import { narrowError } from '../errors/narrow.js';
import type { CognitoError, NotAuthorizedError, ServiceError, UsernameExistsError } from '../errors/types.js';
import type { IdentityPoolTransport } from './identity-transport.js';
import type { IdentityLogin } from './provider-logins.js';

/**
 * Input of {@link IdentityPool.getOpenIdTokenForDeveloperIdentity} (a back-end call, signed with AWS
 * credentials allowed `cognito-identity:GetOpenIdTokenForDeveloperIdentity`).
 *
 * @example
 * ```ts
 * const input: DeveloperIdentityInput = { developerProviderName: 'login.example.app', developerUserId: 'user-42' };
 * ```
 */
export interface DeveloperIdentityInput {
  /** The developer provider name set on the identity pool, e.g. `login.example.app`. */
  readonly developerProviderName: string;
  /** The user's id in your own system. */
  readonly developerUserId: string;
  /** An identity to link the user to (for example their guest identity). */
  readonly identityId?: string;
  /** Lifetime of the OpenID token in seconds (1–86400; Cognito's default is 15 minutes). */
  readonly tokenDurationSeconds?: number;
  /** Session tags for the role (attribute-based access control). */
  readonly principalTags?: Readonly<Record<string, string>>;
}

/**
 * What the back end hands to the app: the identity id, the OpenID token, and the same as a ready
 * {@link IdentityLogin} for {@link IdentityPool.getCredentialsForLogins}.
 *
 * @example
 * ```ts
 * res.json({ identityId: issued.identityId, token: issued.token });
 * ```
 */
export interface DeveloperIdentityToken {
  readonly identityId: string;
  readonly token: string;
  readonly login: Extract<IdentityLogin, { provider: 'developer' }>;
}

/**
 * The errors {@link IdentityPool.getOpenIdTokenForDeveloperIdentity} can return. `UsernameExists`:
 * the developer user id is already linked to another identity.
 *
 * @example
 * ```ts
 * if (issued.isErr() && issued.error.type === 'UsernameExists') console.warn('already linked elsewhere');
 * ```
 */
export type DeveloperIdentityError = NotAuthorizedError | UsernameExistsError | ServiceError;

const DEVELOPER_ERRORS = [
  'NotAuthorized',
  'UsernameExists',
  'InvalidParameter',
  'ResourceNotFound',
  'LimitExceeded',
  'TooManyRequests',
  'InvalidConfiguration',
  'Internal',
  'Network',
] as const satisfies readonly DeveloperIdentityError['type'][];

/** Identity exceptions the shared table does not know, and the error each becomes. */
function remap(error: CognitoError): CognitoError {
  const name = (error.cause as { name?: unknown } | undefined)?.name;
  if (name === 'DeveloperUserAlreadyRegisteredException') {
    return makeError('UsernameExists', error.message, { requestId: error.requestId, cause: error.cause });
  }
  if (name === 'ResourceConflictException') {
    return makeError('InvalidParameter', error.message, { requestId: error.requestId, cause: error.cause });
  }
  return error;
}

const IDENTITY_ID = /^[a-z]{2}(?:-[a-z]+)+-\d+:[0-9a-f-]+$/;

/**
 * Calls GetOpenIdTokenForDeveloperIdentity for one of your users, checking the input first.
 *
 * @example
 * ```ts
 * const issued = await openIdTokenForDeveloperIdentity(transport, 'eu-west-1:…', { developerProviderName, developerUserId: 'user-42' });
 * ```
 */
export function openIdTokenForDeveloperIdentity(
  transport: IdentityPoolTransport,
  identityPoolId: string,
  input: DeveloperIdentityInput,
): ResultAsync<DeveloperIdentityToken, DeveloperIdentityError> {
  const invalid = (message: string) => errAsync(makeError('InvalidParameter', message));
  if (typeof input !== 'object' || input === null) return invalid('input must be an object');
  const { developerProviderName: provider, developerUserId: userId, identityId } = input;
  if (typeof provider !== 'string' || !/^[\w.-]{1,128}$/.test(provider)) {
    return invalid('developerProviderName must be 1-128 characters of letters, digits, "." "_" "-"');
  }
  if (typeof userId !== 'string' || userId.length === 0 || userId.length > 1024) {
    return invalid('developerUserId must be a string of 1-1024 characters');
  }
  if (identityId !== undefined && (typeof identityId !== 'string' || !IDENTITY_ID.test(identityId))) {
    return invalid('identityId must look like "us-east-1:<uuid>"');
  }
  const duration = input.tokenDurationSeconds;
  if (
    duration !== undefined &&
    (typeof duration !== 'number' || !Number.isInteger(duration) || duration < 1 || duration > 86_400)
  ) {
    return invalid('tokenDurationSeconds must be a whole number from 1 to 86400');
  }
  return transport('GetOpenIdTokenForDeveloperIdentity', {
    IdentityPoolId: identityPoolId,
    Logins: { [provider]: userId },
    ...(identityId ? { IdentityId: identityId } : {}),
    ...(duration !== undefined ? { TokenDuration: duration } : {}),
    ...(input.principalTags ? { PrincipalTags: { ...input.principalTags } } : {}),
  })
    .mapErr((error) => narrowError(remap(error), DEVELOPER_ERRORS))
    .andThen((answer) => {
      if (!answer?.IdentityId || !answer.Token) {
        return errAsync(
          makeError(
            'Unexpected',
            'Cognito answered GetOpenIdTokenForDeveloperIdentity without an identity or token',
          ),
        );
      }
      const login = { provider: 'developer', identityId: answer.IdentityId, token: answer.Token } as const;
      return okAsync({ identityId: answer.IdentityId, token: answer.Token, login });
    });
}
