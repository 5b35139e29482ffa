/**
 * Attribute names to string values, as Cognito sends user attributes, client metadata and challenge
 * parameters.
 *
 * @example
 * ```ts
 * const attributes: StringMap = { email: 'alice@example.com', email_verified: 'true' };
 * ```
 */
export type StringMap = Readonly<Record<string, string>>;

/**
 * The fields every user-pool trigger event carries. cognito-flow's event types match the shape of
 * `@types/aws-lambda`'s, so a handler built here can be typed with those too.
 *
 * @example
 * ```ts
 * const where = (event: TriggerEventBase<string>) => `${event.userPoolId}/${event.userName} (${event.triggerSource})`;
 * ```
 */
export interface TriggerEventBase<S extends string> {
  version: string;
  region: string;
  userPoolId: string;
  triggerSource: S;
  userName: string;
  callerContext: { awsSdkVersion: string; clientId: string };
}

/**
 * One earlier challenge of a custom-auth sign-in, as the auth-challenge triggers see it in
 * `request.session`.
 *
 * @example
 * ```ts
 * const wrongAnswers = (session: readonly ChallengeResult[]) =>
 *   session.filter((c) => c.challengeName === 'CUSTOM_CHALLENGE' && !c.challengeResult).length;
 * ```
 */
export interface ChallengeResult {
  readonly challengeName: string;
  readonly challengeResult: boolean;
  readonly challengeMetadata?: string | undefined;
}

/**
 * A trigger handler as Lambda calls it: the event in, the event with its `response` filled out.
 * It throws (see `TriggerError`) when the event is malformed.
 *
 * @example
 * ```ts
 * export const handler: TriggerHandler<PreSignUpEvent> = autoConfirmByDomain({ domains: ['example.com'] });
 * ```
 */
export type TriggerHandler<E> = (event: E, context?: unknown) => Promise<E>;
