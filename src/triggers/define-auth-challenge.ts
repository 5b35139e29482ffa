import type { ChallengeResult, StringMap, TriggerEventBase, TriggerHandler } from './common-types.js';
import { checkEvent, flagAt, sessionAt, stringMapAt } from './event-checks.js';
import { TriggerError } from './trigger-error.js';

/**
 * The event of the Define auth challenge trigger (same shape as `@types/aws-lambda`'s
 * `DefineAuthChallengeTriggerEvent`).
 *
 * @example
 * ```ts
 * const lastResult = (event: DefineAuthChallengeEvent) => event.request.session.at(-1)?.challengeResult;
 * ```
 */
export interface DefineAuthChallengeEvent extends TriggerEventBase<'DefineAuthChallenge_Authentication'> {
  request: {
    userAttributes: StringMap;
    session: readonly ChallengeResult[];
    userNotFound?: boolean | undefined;
    clientMetadata?: StringMap | undefined;
  };
  response: {
    challengeName?: string | undefined;
    failAuthentication: boolean;
    issueTokens: boolean;
  };
}

/**
 * What Define auth challenge decides: sign the user in (`ISSUE_TOKENS`), fail the sign-in (`FAIL`), or ask
 * the next challenge — `CUSTOM_CHALLENGE` (your Create/Verify triggers), or, for a password first,
 * `SRP_A` then `PASSWORD_VERIFIER`.
 *
 * @example
 * ```ts
 * const decision: DefineAuthChallengeDecision = 'CUSTOM_CHALLENGE';
 * ```
 */
export type DefineAuthChallengeDecision =
  | 'ISSUE_TOKENS'
  | 'FAIL'
  | 'CUSTOM_CHALLENGE'
  | 'SRP_A'
  | 'PASSWORD_VERIFIER'
  | 'SMS_MFA'
  | 'SOFTWARE_TOKEN_MFA'
  | 'DEVICE_SRP_AUTH'
  | 'DEVICE_PASSWORD_VERIFIER'
  | 'ADMIN_NO_SRP_AUTH';

const DECISIONS: ReadonlySet<string> = new Set<DefineAuthChallengeDecision>([
  'ISSUE_TOKENS',
  'FAIL',
  'CUSTOM_CHALLENGE',
  'SRP_A',
  'PASSWORD_VERIFIER',
  'SMS_MFA',
  'SOFTWARE_TOKEN_MFA',
  'DEVICE_SRP_AUTH',
  'DEVICE_PASSWORD_VERIFIER',
  'ADMIN_NO_SRP_AUTH',
]);

/**
 * What a Define auth challenge callback gets: the validated event and counts of the custom challenges
 * answered so far.
 *
 * @example
 * ```ts
 * const decide = (input: DefineAuthChallengeInput) => (input.correctAnswers > 0 ? 'ISSUE_TOKENS' : 'CUSTOM_CHALLENGE');
 * ```
 */
export interface DefineAuthChallengeInput {
  readonly event: DefineAuthChallengeEvent;
  readonly userName: string;
  readonly userAttributes: StringMap;
  readonly clientMetadata: StringMap;
  /** True when no such user exists (only with "prevent user existence errors"). */
  readonly userNotFound: boolean;
  /** Every challenge so far, oldest first. */
  readonly session: readonly ChallengeResult[];
  /** CUSTOM_CHALLENGE rounds answered correctly so far. */
  readonly correctAnswers: number;
  /** CUSTOM_CHALLENGE rounds answered wrongly so far. */
  readonly wrongAnswers: number;
}

const HELPER = 'defineAuthChallenge';

/**
 * Builds a Define auth challenge handler from a decision function. The handler validates the event
 * (throwing a `TriggerError` on a malformed one) and writes all three response fields consistently
 * (`challengeName`, `issueTokens`, `failAuthentication`), so a decision can never both issue tokens and
 * fail. For a ready-made policy see `customChallengePolicy`.
 *
 * @example
 * ```ts
 * export const handler = defineAuthChallenge(({ userNotFound, correctAnswers, wrongAnswers }) => {
 *   if (userNotFound || wrongAnswers >= 3) return 'FAIL';
 *   return correctAnswers >= 1 ? 'ISSUE_TOKENS' : 'CUSTOM_CHALLENGE';
 * });
 * ```
 */
export function defineAuthChallenge(
  decide: (
    input: DefineAuthChallengeInput,
  ) => DefineAuthChallengeDecision | Promise<DefineAuthChallengeDecision>,
): TriggerHandler<DefineAuthChallengeEvent> {
  return async (raw) => {
    const { event, request } = checkEvent(raw, HELPER, 'Define auth challenge', [
      'DefineAuthChallenge_Authentication',
    ]);
    const session = sessionAt(request.session, HELPER);
    const custom = session.filter((c) => c.challengeName === 'CUSTOM_CHALLENGE');
    const input: DefineAuthChallengeInput = {
      event: raw,
      userName: typeof event.userName === 'string' ? event.userName : '',
      userAttributes: stringMapAt(request.userAttributes, 'request.userAttributes', HELPER),
      clientMetadata: stringMapAt(request.clientMetadata, 'request.clientMetadata', HELPER, true) ?? {},
      userNotFound: flagAt(request.userNotFound, 'request.userNotFound', HELPER),
      session,
      correctAnswers: custom.filter((c) => c.challengeResult).length,
      wrongAnswers: custom.filter((c) => !c.challengeResult).length,
    };
    const decision: unknown = await decide(input);
    if (typeof decision !== 'string' || !DECISIONS.has(decision)) {
      throw new TriggerError(
        HELPER,
        'response',
        `the decision must be ISSUE_TOKENS, FAIL or a challenge name such as CUSTOM_CHALLENGE, got ${JSON.stringify(decision)}`,
      );
    }
    const response: DefineAuthChallengeEvent['response'] =
      decision === 'ISSUE_TOKENS'
        ? { issueTokens: true, failAuthentication: false }
        : decision === 'FAIL'
          ? { issueTokens: false, failAuthentication: true }
          : { challengeName: decision, issueTokens: false, failAuthentication: false };
    return { ...raw, response };
  };
}
