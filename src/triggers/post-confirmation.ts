import type { StringMap, TriggerEventBase, TriggerHandler } from './common-types.js';
import { checkEvent, stringMapAt } from './event-checks.js';
import { TriggerError } from './trigger-error.js';

/**
 * Why Post confirmation runs: a confirmed sign-up, or a confirmed password reset.
 *
 * @example
 * ```ts
 * const isNewUser = (source: PostConfirmationSource) => source === 'PostConfirmation_ConfirmSignUp';
 * ```
 */
export type PostConfirmationSource =
  | 'PostConfirmation_ConfirmSignUp'
  | 'PostConfirmation_ConfirmForgotPassword';

/**
 * The event of the Post confirmation trigger (same shape as `@types/aws-lambda`'s
 * `PostConfirmationTriggerEvent`).
 *
 * @example
 * ```ts
 * const sub = (event: PostConfirmationEvent) => event.request.userAttributes.sub;
 * ```
 */
export interface PostConfirmationEvent extends TriggerEventBase<PostConfirmationSource> {
  request: {
    userAttributes: StringMap;
    clientMetadata?: StringMap | undefined;
  };
}

/**
 * What a Post confirmation callback gets; `sub` is the user's permanent id.
 *
 * @example
 * ```ts
 * const welcome = async ({ sub, email }: PostConfirmationInput) => db.users.insert({ id: sub, email });
 * ```
 */
export interface PostConfirmationInput {
  readonly event: PostConfirmationEvent;
  readonly triggerSource: PostConfirmationSource;
  readonly userPoolId: string;
  readonly userName: string;
  readonly sub: string;
  readonly email: string | undefined;
  readonly userAttributes: StringMap;
  readonly clientMetadata: StringMap;
}

/**
 * Options of {@link postConfirmation}.
 *
 * @example
 * ```ts
 * const options: PostConfirmationOptions = { includeForgotPassword: true };
 * ```
 */
export interface PostConfirmationOptions {
  /** Also run after a confirmed password reset (default false: Cognito fires this trigger then too, which surprises code meant for new users). */
  readonly includeForgotPassword?: boolean;
}

const HELPER = 'postConfirmation';

/**
 * Builds a Post confirmation handler that runs `run` once a user has confirmed their sign-up — by default
 * not after a password reset, which fires the same trigger. Cognito waits for it (up to 5 s) and
 * ignores the response; if `run` throws, the user is confirmed anyway but the app's call fails, so
 * make the work idempotent.
 *
 * @example
 * ```ts
 * export const handler = postConfirmation(async ({ userPoolId, userName, sub, email }) => {
 *   await db.profiles.put({ id: sub, email });
 *   await admin.addUserToGroup(userName, 'members'); // an AdminClient from cognito-flow/admin
 * });
 * ```
 */
export function postConfirmation(
  run: (input: PostConfirmationInput) => void | Promise<void>,
  options: PostConfirmationOptions = {},
): TriggerHandler<PostConfirmationEvent> {
  return async (raw) => {
    const { event, request, triggerSource } = checkEvent(raw, HELPER, 'Post confirmation', [
      'PostConfirmation_ConfirmSignUp',
      'PostConfirmation_ConfirmForgotPassword',
    ]);
    const userAttributes = stringMapAt(request.userAttributes, 'request.userAttributes', HELPER);
    const sub = userAttributes.sub;
    if (!sub) throw new TriggerError(HELPER, 'event', 'request.userAttributes.sub is missing');
    if (
      triggerSource === 'PostConfirmation_ConfirmForgotPassword' &&
      options.includeForgotPassword !== true
    ) {
      return raw;
    }
    await run({
      event: raw,
      triggerSource: triggerSource as PostConfirmationSource,
      userPoolId: event.userPoolId as string,
      userName: typeof event.userName === 'string' ? event.userName : '',
      sub,
      email: userAttributes.email,
      userAttributes,
      clientMetadata: stringMapAt(request.clientMetadata, 'request.clientMetadata', HELPER, true) ?? {},
    });
    return raw;
  };
}
