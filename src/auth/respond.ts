import type { ChallengeNameType } from '@aws-sdk/client-cognito-identity-provider';
import type { ResultAsync } from 'neverthrow';
import type { CognitoError } from '../errors/types.js';
import { type AuthContext, secretHashParameter } from './context.js';
import { type FlowState, flowSecrets } from './flow-state.js';
import type { AuthResponse } from './map-auth-response.js';

/** One RespondToAuthChallenge. */
export interface ChallengeAnswer {
  readonly challengeName: string;
  readonly session: string;
  /** The USERNAME Cognito wants in this response; SECRET_HASH is computed over it. */
  readonly username: string;
  /** The challenge-specific responses (without USERNAME, SECRET_HASH and DEVICE_KEY, which are added). */
  readonly responses: Readonly<Record<string, string>>;
  /** Sensitive values of this answer, redacted from errors. */
  readonly secrets?: readonly (string | undefined)[];
}

/**
 * Sends RespondToAuthChallenge with USERNAME, SECRET_HASH (over that user name, when the client has a
 * secret), DEVICE_KEY (when the user has a remembered device) and the flow's client metadata.
 *
 * @example
 * ```ts
 * respondToChallenge(context, state, { challengeName: 'CUSTOM_CHALLENGE', session, username, responses: { ANSWER: '42' } });
 * ```
 */
export function respondToChallenge(
  context: AuthContext,
  state: FlowState,
  answer: ChallengeAnswer,
): ResultAsync<AuthResponse, CognitoError> {
  const { config, transport } = context;
  const secrets = flowSecrets(config, state, [answer.session, ...(answer.secrets ?? [])]);
  return secretHashParameter(config, answer.username).andThen((hash) => {
    const input = {
      // Cognito may add challenges the SDK's enum does not list yet; the name is passed through.
      ChallengeName: answer.challengeName as ChallengeNameType,
      ClientId: config.clientId,
      Session: answer.session,
      ChallengeResponses: {
        ...answer.responses,
        USERNAME: answer.username,
        ...(state.device ? { DEVICE_KEY: state.device.deviceKey } : {}),
        ...hash,
      },
      ...(state.clientMetadata ? { ClientMetadata: { ...state.clientMetadata } } : {}),
    };
    return state.admin
      ? transport('AdminRespondToAuthChallenge', { ...input, UserPoolId: config.userPoolId }, { secrets })
      : transport('RespondToAuthChallenge', input, { secrets });
  });
}
