import { errAsync, type ResultAsync } from 'neverthrow';
import { narrowError } from '../../errors/narrow.js';
import { advance } from '../advance.js';
import { type AuthContext, secretHashParameter } from '../context.js';
import { SIGN_IN_ERRORS } from '../errors.js';
import { type FlowState, flowSecrets } from '../flow-state.js';
import { stepFromSignInError } from '../map-auth-response.js';
import type { SignInStep } from '../steps.js';
import type { AutoSignInError } from './account-errors.js';
import { clientMetadataField, optionalStringMap, optionalText, requireText } from './input-checks.js';

/**
 * Input of `autoSignIn`: the result of `confirmSignUp` (its `username` and `session`) fits as is.
 *
 * @example
 * ```ts
 * const input: AutoSignInInput = { username: confirmed.username, session: confirmed.session ?? '' };
 * ```
 */
export interface AutoSignInInput {
  /** The user name given to `signUp` and `confirmSignUp`. */
  readonly username: string;
  /** The session `confirmSignUp` returned. */
  readonly session?: string | undefined;
  /** Passed to the pool's Lambda triggers. */
  readonly clientMetadata?: Readonly<Record<string, string>>;
  /** The name to confirm a new device with, when the pool tracks devices (default: the client's `deviceName`). */
  readonly deviceName?: string;
}

/**
 * Signs a user in right after `confirmSignUp`, without the password: InitiateAuth with the `USER_AUTH`
 * flow and the session ConfirmSignUp returned (plus SECRET_HASH when the app client has a secret). The
 * answer goes through the same machinery as `signIn`, so the result is the next step — `SIGNED_IN`, or a
 * challenge such as MFA. The app client must allow `ALLOW_USER_AUTH`.
 *
 * @example
 * ```ts
 * const confirmed = (await confirmSignUp(context, { username, code, session: signedUp.session }))._unsafeUnwrap();
 * const step = await autoSignIn(context, confirmed);
 * ```
 */
export function autoSignIn(
  context: AuthContext,
  input: AutoSignInInput,
): ResultAsync<SignInStep, AutoSignInError> {
  const username = requireText(input?.username, 'username');
  if (username.isErr()) return errAsync(username.error);
  const session = requireText(input.session, 'session (the one confirmSignUp returned)');
  if (session.isErr()) return errAsync(session.error);
  const metadata = optionalStringMap(input.clientMetadata, 'clientMetadata');
  if (metadata.isErr()) return errAsync(metadata.error);
  const deviceName = optionalText(input.deviceName, 'deviceName');
  if (deviceName.isErr()) return errAsync(deviceName.error);
  const { config, transport } = context;
  const state: FlowState = {
    username: username.value,
    deviceName: deviceName.value ?? config.deviceName,
    ...(metadata.value ? { clientMetadata: metadata.value } : {}),
  };
  return secretHashParameter(config, username.value)
    .andThen((hash) =>
      transport(
        'InitiateAuth',
        {
          AuthFlow: 'USER_AUTH',
          ClientId: config.clientId,
          AuthParameters: { USERNAME: username.value, ...hash },
          Session: session.value,
          ...clientMetadataField(metadata.value),
        },
        { secrets: flowSecrets(config, state, [session.value, hash.SECRET_HASH]) },
      ),
    )
    .andThen((response) => advance(context, state, response))
    .orElse((error) => stepFromSignInError(error, { clientId: config.clientId, username: username.value }))
    .mapErr((error) => narrowError(error, [...SIGN_IN_ERRORS, 'SessionExpired']));
}
