import { errAsync, ResultAsync } from 'neverthrow';
import { makeError } from '../../errors/make-error.js';
import { narrowError } from '../../errors/narrow.js';
import type { CognitoError } from '../../errors/types.js';
import type { SrpSecret } from '../../srp/srp-client.js';
import { advance, safeStartSrp } from '../advance.js';
import { type AuthContext, secretHashParameter } from '../context.js';
import type { DeviceSecrets } from '../devices/device-store.js';
import { SIGN_IN_ERRORS, type SignInError } from '../errors.js';
import { type FlowState, flowSecrets } from '../flow-state.js';
import { stepFromSignInError } from '../map-auth-response.js';
import type { SignInStep } from '../steps.js';
import type { SignInInput } from './sign-in-input.js';

const FLOWS = new Set(['USER_SRP_AUTH', 'USER_PASSWORD_AUTH', 'CUSTOM_AUTH', 'USER_AUTH']);
const FIRST_FACTORS = new Set(['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN']);

type Flow = 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH' | 'CUSTOM_AUTH' | 'USER_AUTH';

/** Whether the flow needs the password, and whether it proves it by SRP. */
function passwordUse(flow: Flow, input: SignInInput): { required: boolean; srp: boolean } {
  switch (flow) {
    case 'USER_SRP_AUTH':
      return { required: true, srp: true };
    case 'USER_PASSWORD_AUTH':
      return { required: true, srp: false };
    case 'CUSTOM_AUTH':
      return { required: false, srp: input.password !== undefined };
    case 'USER_AUTH': {
      const preferred = 'preferredChallenge' in input ? input.preferredChallenge : undefined;
      return {
        required: preferred === 'PASSWORD' || preferred === 'PASSWORD_SRP',
        srp: preferred === 'PASSWORD_SRP',
      };
    }
  }
}

/** The flow-specific AuthParameters besides USERNAME, SECRET_HASH and DEVICE_KEY. */
function flowParameters(flow: Flow, input: SignInInput, srpA: string | undefined): Record<string, string> {
  switch (flow) {
    case 'USER_PASSWORD_AUTH':
      return { PASSWORD: input.password ?? '' };
    case 'USER_SRP_AUTH':
      return { SRP_A: srpA ?? '' };
    case 'CUSTOM_AUTH':
      return srpA ? { CHALLENGE_NAME: 'SRP_A', SRP_A: srpA } : {};
    case 'USER_AUTH': {
      const preferred = 'preferredChallenge' in input ? input.preferredChallenge : undefined;
      if (!preferred) return {};
      if (preferred === 'PASSWORD') return { PREFERRED_CHALLENGE: preferred, PASSWORD: input.password ?? '' };
      if (preferred === 'PASSWORD_SRP') return { PREFERRED_CHALLENGE: preferred, SRP_A: srpA ?? '' };
      return { PREFERRED_CHALLENGE: preferred };
    }
  }
}

/**
 * The remembered device of `username`, if the DeviceStore has one.
 *
 * @example
 * ```ts
 * loadDevice(context, 'alice').map((device) => device?.deviceKey);
 * ```
 */
export function loadDevice(
  context: AuthContext,
  username: string,
): ResultAsync<DeviceSecrets | undefined, CognitoError> {
  return ResultAsync.fromPromise(
    Promise.resolve().then(() => context.config.deviceStore.get(username)),
    (cause) => makeError('Unexpected', 'The device store failed', { cause }),
  );
}

/**
 * Starts a sign-in with the flow the input names (USER_SRP_AUTH by default) and carries it to the
 * first step the caller must see.
 *
 * @example
 * ```ts
 * signIn(context, { username: 'alice', password });
 * ```
 */
export function signIn(context: AuthContext, input: SignInInput): ResultAsync<SignInStep, SignInError> {
  const { config, transport } = context;
  if (typeof input !== 'object' || input === null) {
    return errAsync(makeError('InvalidParameter', 'signIn needs { username, password } or a flow'));
  }
  const flow = input.flow ?? 'USER_SRP_AUTH';
  const { username, password } = input;
  if (!FLOWS.has(flow))
    return errAsync(makeError('InvalidParameter', `Unknown sign-in flow ${String(flow).slice(0, 40)}`));
  if (typeof username !== 'string' || username.length === 0) {
    return errAsync(makeError('InvalidParameter', 'username must be a non-empty string'));
  }
  const preferred = 'preferredChallenge' in input ? input.preferredChallenge : undefined;
  if (preferred !== undefined && !FIRST_FACTORS.has(preferred)) {
    return errAsync(
      makeError(
        'InvalidParameter',
        'preferredChallenge must be PASSWORD, PASSWORD_SRP, EMAIL_OTP, SMS_OTP or WEB_AUTHN',
      ),
    );
  }
  const use = passwordUse(flow, input);
  if (use.required || password !== undefined) {
    if (typeof password !== 'string' || password.length === 0) {
      return errAsync(makeError('InvalidParameter', 'password must be a non-empty string'));
    }
  }
  const deviceName = input.deviceName ?? config.deviceName;
  if (typeof deviceName !== 'string' || deviceName.trim() === '') {
    return errAsync(makeError('InvalidParameter', 'deviceName must be a non-empty string'));
  }
  let srpSecret: SrpSecret | undefined;
  if (use.srp) {
    const started = safeStartSrp(context);
    if (started.isErr()) return errAsync(started.error);
    srpSecret = started.value;
  }
  const parameters = flowParameters(flow, input, srpSecret?.srpA);
  return loadDevice(context, username)
    .andThen((device) => {
      const state: FlowState = {
        username,
        deviceName,
        ...(password !== undefined ? { password } : {}),
        ...(srpSecret ? { srpSecret } : {}),
        ...(device ? { device } : {}),
        ...(input.clientMetadata ? { clientMetadata: input.clientMetadata } : {}),
      };
      return secretHashParameter(config, username)
        .andThen((hash) =>
          transport(
            'InitiateAuth',
            {
              AuthFlow: flow,
              ClientId: config.clientId,
              AuthParameters: {
                USERNAME: username,
                ...parameters,
                ...(device ? { DEVICE_KEY: device.deviceKey } : {}),
                ...hash,
              },
              ...(input.clientMetadata ? { ClientMetadata: { ...input.clientMetadata } } : {}),
            },
            { secrets: flowSecrets(config, state) },
          ),
        )
        .andThen((response) => advance(context, state, response));
    })
    .orElse((error) => stepFromSignInError(error, { clientId: config.clientId, username }))
    .mapErr((error) => narrowError(error, SIGN_IN_ERRORS));
}
