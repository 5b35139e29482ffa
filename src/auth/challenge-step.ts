import { err, ok, type Result } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import type { UnexpectedError } from '../errors/types.js';
import {
  type ChallengeParameters,
  codeDeliveryOf,
  parseJsonObject,
  parseMfaTypes,
  parseRequiredAttributes,
  parseUserAttributes,
  stringParameters,
} from './challenge-parameters.js';
import type { ChallengeStepBase, SignInStep } from './steps.js';

const CODE_CHALLENGES = new Set(['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP', 'SMS_OTP'] as const);
type CodeChallenge = typeof CODE_CHALLENGES extends Set<infer T> ? T : never;

/**
 * The step for a challenge the caller must answer. Pure: `base` already holds the session, user names,
 * client id and expiry. A challenge without a dedicated step becomes `UNSUPPORTED_CHALLENGE`, carrying
 * the raw name and parameters for `respondToChallenge`.
 *
 * @example
 * ```ts
 * challengeStep('SMS_MFA', { CODE_DELIVERY_DESTINATION: '+***1234' }, [], base);
 * ```
 */
export function challengeStep(
  name: string,
  params: ChallengeParameters,
  availableChallenges: readonly string[] | undefined,
  base: ChallengeStepBase,
): Result<SignInStep, UnexpectedError> {
  if (CODE_CHALLENGES.has(name as CodeChallenge)) {
    const codeDelivery = codeDeliveryOf(params);
    return ok({ step: name as CodeChallenge, ...base, ...(codeDelivery ? { codeDelivery } : {}) });
  }
  switch (name) {
    case 'NEW_PASSWORD_REQUIRED':
      return parseRequiredAttributes(params.requiredAttributes).andThen((requiredAttributes) =>
        parseUserAttributes(params.userAttributes).map((userAttributes) => ({
          step: 'NEW_PASSWORD_REQUIRED' as const,
          ...base,
          requiredAttributes,
          userAttributes,
        })),
      );
    case 'CUSTOM_CHALLENGE': {
      const { USERNAME: _u, USER_ID_FOR_SRP: _id, ...publicParameters } = stringParameters(params);
      return ok({ step: 'CUSTOM_CHALLENGE', ...base, parameters: publicParameters });
    }
    case 'SELECT_MFA_TYPE':
      return parseMfaTypes(params.MFAS_CAN_CHOOSE, 'MFAS_CAN_CHOOSE').map((allowedTypes) => ({
        step: 'SELECT_MFA_TYPE' as const,
        ...base,
        allowedTypes,
      }));
    case 'MFA_SETUP':
      return parseMfaTypes(params.MFAS_CAN_SETUP, 'MFAS_CAN_SETUP').map((allowedTypes) => ({
        step: 'MFA_SETUP' as const,
        ...base,
        allowedTypes,
      }));
    case 'SELECT_CHALLENGE':
      return ok({
        step: 'SELECT_CHALLENGE',
        ...base,
        // The SDK passes the field through as it arrives: keep only non-empty names.
        availableChallenges: Array.isArray(availableChallenges)
          ? availableChallenges.filter((name): name is string => typeof name === 'string' && name.length > 0)
          : [],
      });
    case 'WEB_AUTHN':
      return parseJsonObject(params.CREDENTIAL_REQUEST_OPTIONS, 'CREDENTIAL_REQUEST_OPTIONS').map(
        (credentialRequestOptions) => ({ step: 'WEB_AUTHN' as const, ...base, credentialRequestOptions }),
      );
    case 'PASSWORD_VERIFIER':
    case 'DEVICE_SRP_AUTH':
    case 'DEVICE_PASSWORD_VERIFIER':
      // Answered inside the flow; reaching here means the flow could not (e.g. no password was given).
      return err(makeError('Unexpected', `Cognito sent ${name}, which this flow cannot answer`));
    default:
      return ok({
        step: 'UNSUPPORTED_CHALLENGE',
        ...base,
        challengeName: name,
        parameters: stringParameters(params),
      });
  }
}
