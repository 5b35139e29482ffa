import { err, errAsync, ok, okAsync, type Result, ResultAsync } from 'neverthrow';
import { webCryptoGap } from '../crypto/web-crypto-gap.js';
import { makeError } from '../errors/make-error.js';
import type { CognitoError, UnexpectedError } from '../errors/types.js';
import { computePasswordClaim, type SrpSecret, startSrp } from '../srp/srp-client.js';
import { formatSrpTimestamp } from '../srp/timestamp.js';
import { cognitoIdentity } from './cognito-identity.js';
import type { AuthContext } from './context.js';
import { confirmNewDevice } from './devices/confirm-device.js';
import type { FlowState } from './flow-state.js';
import { type AuthResponse, mapAuthResponse } from './map-auth-response.js';
import { respondToChallenge } from './respond.js';
import type { SignInStep } from './steps.js';

/** Internal challenges answered in one call before giving up (PASSWORD_VERIFIER, DEVICE_SRP_AUTH, DEVICE_PASSWORD_VERIFIER). */
const MAX_INTERNAL_ROUNDS = 4;

function unexpected(message: string): CognitoError {
  return makeError('Unexpected', message);
}

/**
 * `startSrp`, with a failure of the randomness or arithmetic (never seen with the real ones) as an error.
 *
 * @example
 * ```ts
 * const secret = safeStartSrp(context);
 * ```
 */
export function safeStartSrp(context: AuthContext): Result<SrpSecret, UnexpectedError> {
  try {
    return ok(startSrp(context.srp));
  } catch (cause) {
    return err(
      makeError('Unexpected', `SRP failed: ${webCryptoGap() ?? 'randomness unavailable?'}`, { cause }),
    );
  }
}

/** The user name Cognito wants in the next challenge response. */
function challengeUsername(response: AuthResponse, state: FlowState): string {
  const params = response.ChallengeParameters ?? {};
  return params.USERNAME || params.USER_ID_FOR_SRP || state.username;
}

/** PASSWORD_VERIFIER / DEVICE_PASSWORD_VERIFIER: prove knowledge of the (device) password by SRP. */
function answerVerifier(
  context: AuthContext,
  state: FlowState,
  response: AuthResponse,
  kind: 'PASSWORD_VERIFIER' | 'DEVICE_PASSWORD_VERIFIER',
): ResultAsync<AuthResponse, CognitoError> {
  const params = response.ChallengeParameters ?? {};
  const { SRP_B: srpB, SALT: salt, SECRET_BLOCK: secretBlock } = params;
  if (!srpB || !salt || !secretBlock || !response.Session) {
    return errAsync(unexpected(`Cognito sent ${kind} without SRP_B, SALT, SECRET_BLOCK and a session`));
  }
  if (!state.srpSecret) return errAsync(unexpected(`Cognito sent ${kind} to a flow that did not start SRP`));
  let identity: { poolName: string; userIdForSrp: string; password: string };
  if (kind === 'PASSWORD_VERIFIER') {
    if (state.password === undefined || !params.USER_ID_FOR_SRP) {
      return errAsync(
        unexpected('Cognito sent PASSWORD_VERIFIER without USER_ID_FOR_SRP, or no password was given'),
      );
    }
    identity = {
      poolName: context.config.poolName,
      userIdForSrp: params.USER_ID_FOR_SRP,
      password: state.password,
    };
  } else {
    if (!state.device)
      return errAsync(unexpected('Cognito sent DEVICE_PASSWORD_VERIFIER, but no device is stored'));
    const { deviceGroupKey, deviceKey, devicePassword } = state.device;
    identity = { poolName: deviceGroupKey, userIdForSrp: deviceKey, password: devicePassword };
  }
  const now = new Date(context.config.now());
  if (Number.isNaN(now.getTime()))
    return errAsync(unexpected('The configured clock returned an invalid time'));
  const timestamp = formatSrpTimestamp(now);
  const session = response.Session;
  const claimed = computePasswordClaim(context.srp, {
    ...identity,
    secret: state.srpSecret,
    srpB,
    salt,
    secretBlock,
    timestamp,
  });
  // The claim's promise rejects only when the runtime lacks WebCrypto (or a dependency throws): an Err too.
  return new ResultAsync(
    Promise.resolve(claimed).then(
      (result) => result.mapErr((error): CognitoError => error),
      (cause: unknown) =>
        err<never, CognitoError>(
          makeError('Unexpected', `SRP failed: ${webCryptoGap() ?? 'see cause'}`, { cause }),
        ),
    ),
  ).andThen((claim) =>
    respondToChallenge(context, state, {
      challengeName: kind,
      session,
      username: challengeUsername(response, state),
      responses: {
        PASSWORD_CLAIM_SECRET_BLOCK: secretBlock,
        PASSWORD_CLAIM_SIGNATURE: claim.signature,
        TIMESTAMP: timestamp,
      },
      secrets: [secretBlock],
    }),
  );
}

/**
 * Takes Cognito's answer to InitiateAuth or RespondToAuthChallenge and carries the sign-in as far as
 * it can without the user: answers the SRP verifiers and device authentication, confirms a newly
 * issued device, and returns the first step the caller must see.
 *
 * @example
 * ```ts
 * transport('InitiateAuth', input).andThen((response) => advance(context, state, response));
 * ```
 */
export function advance(
  context: AuthContext,
  state: FlowState,
  response: AuthResponse,
  round = 0,
): ResultAsync<SignInStep, CognitoError> {
  if (round > MAX_INTERNAL_ROUNDS) {
    return errAsync(unexpected('Cognito kept asking for SRP or device challenges; giving up'));
  }
  const next = (answer: ResultAsync<AuthResponse, CognitoError>, nextState: FlowState) =>
    answer.andThen((reply) => advance(context, nextState, reply, round + 1));
  switch (response?.ChallengeName) {
    case 'PASSWORD_VERIFIER': {
      // The password is not needed after this answer: drop it from the state.
      const { password: _password, ...rest } = state;
      return next(answerVerifier(context, state, response, 'PASSWORD_VERIFIER'), rest);
    }
    case 'DEVICE_SRP_AUTH': {
      if (!state.device)
        return errAsync(unexpected('Cognito asked for device authentication, but no device is stored'));
      if (!response.Session) return errAsync(unexpected('Cognito sent DEVICE_SRP_AUTH without a session'));
      const started = safeStartSrp(context);
      if (started.isErr()) return errAsync(started.error);
      const srpSecret = started.value;
      const nextState = { ...state, srpSecret };
      const answer = respondToChallenge(context, nextState, {
        challengeName: 'DEVICE_SRP_AUTH',
        session: response.Session,
        username: challengeUsername(response, state),
        responses: { SRP_A: srpSecret.srpA },
      });
      return next(answer, nextState);
    }
    case 'DEVICE_PASSWORD_VERIFIER':
      return next(answerVerifier(context, state, response, 'DEVICE_PASSWORD_VERIFIER'), state);
  }
  let flow = state;
  if (state.identityFromCognito) {
    // The step came back from a client unvouched: name the user as Cognito does, never as the step did.
    const username = cognitoIdentity(response);
    if (!username) return errAsync(unexpected("Cognito's answer does not name the user"));
    flow = { ...state, username };
  }
  const mapped = mapAuthResponse(response, {
    clientId: context.config.clientId,
    username: flow.username,
    now: context.config.now(),
    ...(state.admin ? { admin: true } : {}),
  });
  if (mapped.isErr()) return errAsync(mapped.error);
  const step = mapped.value;
  const result = response.AuthenticationResult;
  if (step.step !== 'SIGNED_IN' || !result?.NewDeviceMetadata || !result.AccessToken) {
    return okAsync(context.issued.add(step));
  }
  return confirmNewDevice(context, flow, result.NewDeviceMetadata, result.AccessToken).map((newDevice) =>
    context.issued.add({ ...step, newDevice }),
  );
}
