import type { StringMap, TriggerEventBase, TriggerHandler } from './common-types.js';
import { checkEvent, stringMapAt } from './event-checks.js';
import { TriggerError } from './trigger-error.js';

/**
 * Where a sign-up comes from: the app's `SignUp`, an administrator's `AdminCreateUser`, or a first sign-in
 * through a federated IdP (Google, SAML, …).
 *
 * @example
 * ```ts
 * const selfService = (source: PreSignUpSource) => source === 'PreSignUp_SignUp';
 * ```
 */
export type PreSignUpSource = 'PreSignUp_SignUp' | 'PreSignUp_AdminCreateUser' | 'PreSignUp_ExternalProvider';

/**
 * The event of the Pre sign-up trigger (same shape as `@types/aws-lambda`'s `PreSignUpTriggerEvent`).
 *
 * @example
 * ```ts
 * const email = (event: PreSignUpEvent) => event.request.userAttributes.email;
 * ```
 */
export interface PreSignUpEvent extends TriggerEventBase<PreSignUpSource> {
  request: {
    userAttributes: StringMap;
    validationData?: StringMap | undefined;
    clientMetadata?: StringMap | undefined;
  };
  response: {
    autoConfirmUser: boolean;
    autoVerifyEmail: boolean;
    autoVerifyPhone: boolean;
  };
}

/**
 * What a Pre sign-up callback gets.
 *
 * @example
 * ```ts
 * const fromExample = ({ userAttributes }: PreSignUpInput) => userAttributes.email?.endsWith('@example.com') === true;
 * ```
 */
export interface PreSignUpInput {
  readonly event: PreSignUpEvent;
  readonly triggerSource: PreSignUpSource;
  readonly userName: string;
  readonly userAttributes: StringMap;
  readonly validationData: StringMap;
  readonly clientMetadata: StringMap;
}

/**
 * What to do with the new user. Leave a field out (or `false`) for Cognito's default: the user must
 * confirm with a code. To refuse the sign-up, throw an `Error` whose message the user may see
 * (Cognito answers `UserLambdaValidationException: PreSignUp failed with error <message>.`).
 *
 * @example
 * ```ts
 * const decision: PreSignUpDecision = { autoConfirm: true, autoVerifyEmail: true };
 * ```
 */
export interface PreSignUpDecision {
  readonly autoConfirm?: boolean;
  /** Mark the email verified; needs an `email` attribute. */
  readonly autoVerifyEmail?: boolean;
  /** Mark the phone number verified; needs a `phone_number` attribute. */
  readonly autoVerifyPhone?: boolean;
}

const HELPER = 'preSignUp';
const SOURCES: readonly PreSignUpSource[] = [
  'PreSignUp_SignUp',
  'PreSignUp_AdminCreateUser',
  'PreSignUp_ExternalProvider',
];

/**
 * Builds a Pre sign-up handler from a decision function. It validates the event and the decision:
 * verifying an email or phone number the user does not have is a `TriggerError` here, rather than a
 * failed sign-up with a vague message from Cognito.
 *
 * @example
 * ```ts
 * export const handler = preSignUp(({ userAttributes, triggerSource }) => ({
 *   autoConfirm: triggerSource === 'PreSignUp_SignUp' && userAttributes.email?.endsWith('@example.com') === true,
 * }));
 * ```
 */
export function preSignUp(
  decide: (input: PreSignUpInput) => PreSignUpDecision | Promise<PreSignUpDecision>,
): TriggerHandler<PreSignUpEvent> {
  return async (raw) => {
    const { event, request, triggerSource } = checkEvent(raw, HELPER, 'Pre sign-up', SOURCES);
    const userAttributes = stringMapAt(request.userAttributes, 'request.userAttributes', HELPER);
    const decision: unknown = await decide({
      event: raw,
      triggerSource: triggerSource as PreSignUpSource,
      userName: typeof event.userName === 'string' ? event.userName : '',
      userAttributes,
      validationData: stringMapAt(request.validationData, 'request.validationData', HELPER, true) ?? {},
      clientMetadata: stringMapAt(request.clientMetadata, 'request.clientMetadata', HELPER, true) ?? {},
    });
    if (typeof decision !== 'object' || decision === null) {
      throw new TriggerError(
        HELPER,
        'response',
        'the callback must return { autoConfirm, autoVerifyEmail, autoVerifyPhone }',
      );
    }
    const d = decision as Record<string, unknown>;
    for (const key of ['autoConfirm', 'autoVerifyEmail', 'autoVerifyPhone']) {
      if (d[key] !== undefined && typeof d[key] !== 'boolean') {
        throw new TriggerError(HELPER, 'response', `${key} must be true or false`);
      }
    }
    if (d.autoVerifyEmail === true && !userAttributes.email) {
      throw new TriggerError(
        HELPER,
        'response',
        'autoVerifyEmail is true but the user has no email attribute',
      );
    }
    if (d.autoVerifyPhone === true && !userAttributes.phone_number) {
      throw new TriggerError(
        HELPER,
        'response',
        'autoVerifyPhone is true but the user has no phone_number attribute',
      );
    }
    return {
      ...raw,
      response: {
        autoConfirmUser: d.autoConfirm === true,
        autoVerifyEmail: d.autoVerifyEmail === true,
        autoVerifyPhone: d.autoVerifyPhone === true,
      },
    };
  };
}
