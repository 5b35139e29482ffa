import type { AuthClient, CodeStep, MfaType, SignInStep, Step } from 'cognito-flow';
import { errAsync, type ResultAsync } from 'neverthrow';
import { type ApiError, invalidRequest } from './api-error.js';

/** The next step, and the TOTP secret when the answer started setting up an authenticator app. */
export interface Answered {
  readonly step: SignInStep;
  readonly totp?: { readonly secret: string; readonly uri: string };
}

type Fields = Readonly<Record<string, unknown>>;

const text = (answer: Fields, name: string): string | undefined => {
  const value = answer[name];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
};

const missing = (what: string, step: string) =>
  errAsync<never, ApiError>(invalidRequest(`answer.${what} is required to answer ${step}`));

function newPassword(auth: AuthClient, step: Step<'NEW_PASSWORD_REQUIRED'>, answer: Fields) {
  const password = text(answer, 'newPassword');
  if (!password) return missing('newPassword', step.step);
  const attributes = answer.attributes ?? {};
  if (
    typeof attributes !== 'object' ||
    attributes === null ||
    Array.isArray(attributes) ||
    !Object.values(attributes).every((value) => typeof value === 'string')
  ) {
    return errAsync<never, ApiError>(invalidRequest('answer.attributes must map attribute names to strings'));
  }
  return auth.completeNewPassword(step, password, { attributes: attributes as Record<string, string> });
}

function code(auth: AuthClient, step: CodeStep, answer: Fields) {
  const value = text(answer, 'code');
  return value ? auth.submitCode(step, value) : missing('code', step.step);
}

function selectMfaType(auth: AuthClient, step: Step<'SELECT_MFA_TYPE'>, answer: Fields) {
  const type = text(answer, 'mfaType');
  if (!type || !step.allowedTypes.includes(type as MfaType)) {
    return errAsync<never, ApiError>(
      invalidRequest(`answer.mfaType must be one of ${step.allowedTypes.join(', ')}`),
    );
  }
  return auth.selectMfaType(step, type as MfaType);
}

/** MFA_SETUP: `{ setUp: 'SOFTWARE_TOKEN_MFA' }` starts an authenticator app; `{ code }` then finishes it. */
function mfaSetup(
  auth: AuthClient,
  step: Step<'MFA_SETUP'>,
  answer: Fields,
): ResultAsync<Answered, ApiError> {
  const value = text(answer, 'code');
  if (value) return auth.verifyTotpSetup(step, value).map((next) => ({ step: next }));
  if (answer.setUp === 'SOFTWARE_TOKEN_MFA') {
    return auth
      .setUpTotp(step, { issuer: 'cognito-flow node-service' })
      .map((setup) => ({ step: setup.step, totp: { secret: setup.secret, uri: setup.uri } }));
  }
  return missing(`setUp ('SOFTWARE_TOKEN_MFA') or answer.code`, step.step);
}

/**
 * Answers a step that came back from the client with what the user typed: a new password
 * (`NEW_PASSWORD_REQUIRED`), a one-time code (`SOFTWARE_TOKEN_MFA`, `SMS_MFA`, `EMAIL_OTP`, `SMS_OTP`), the
 * MFA method to use (`SELECT_MFA_TYPE`) or an authenticator-app setup (`MFA_SETUP`). Other steps are
 * `UnsupportedStep`; a missing or malformed answer is `InvalidRequest`, without a call to Cognito.
 */
export function answerStep(
  auth: AuthClient,
  step: SignInStep,
  answer: unknown,
): ResultAsync<Answered, ApiError> {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) {
    return errAsync(invalidRequest('answer must be an object'));
  }
  const fields = answer as Fields;
  const next = (result: ResultAsync<SignInStep, ApiError>) => result.map((s): Answered => ({ step: s }));
  switch (step.step) {
    case 'NEW_PASSWORD_REQUIRED':
      return next(newPassword(auth, step, fields));
    case 'SOFTWARE_TOKEN_MFA':
    case 'SMS_MFA':
    case 'EMAIL_OTP':
    case 'SMS_OTP':
      return next(code(auth, step, fields));
    case 'SELECT_MFA_TYPE':
      return next(selectMfaType(auth, step, fields));
    case 'MFA_SETUP':
      return mfaSetup(auth, step, fields);
    default:
      return errAsync({
        type: 'UnsupportedStep',
        message: `This service does not answer ${step.step} steps`,
        retryable: false,
      });
  }
}
