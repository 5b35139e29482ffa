import type { ChallengeResult, StringMap, TriggerEventBase, TriggerHandler } from './common-types.js';
import { checkEvent, flagAt, returnedStringMap, sessionAt, stringMapAt } from './event-checks.js';
import { TriggerError } from './trigger-error.js';

/**
 * The event of the Create auth challenge trigger (same shape as `@types/aws-lambda`'s
 * `CreateAuthChallengeTriggerEvent`).
 *
 * @example
 * ```ts
 * const round = (event: CreateAuthChallengeEvent) => event.request.session.length + 1;
 * ```
 */
export interface CreateAuthChallengeEvent extends TriggerEventBase<'CreateAuthChallenge_Authentication'> {
  request: {
    userAttributes: StringMap;
    challengeName: string;
    session: readonly ChallengeResult[];
    userNotFound?: boolean | undefined;
    clientMetadata?: StringMap | undefined;
  };
  response: {
    publicChallengeParameters: StringMap;
    privateChallengeParameters: StringMap;
    challengeMetadata: string;
  };
}

/**
 * What a Create auth challenge callback gets.
 *
 * @example
 * ```ts
 * const create = ({ round }: CreateAuthChallengeInput) => ({ publicParameters: { question: `Round ${round}` }, privateParameters: { answer: '42' } });
 * ```
 */
export interface CreateAuthChallengeInput {
  readonly event: CreateAuthChallengeEvent;
  readonly userName: string;
  readonly userAttributes: StringMap;
  readonly clientMetadata: StringMap;
  readonly userNotFound: boolean;
  readonly session: readonly ChallengeResult[];
  /** 1 for the first custom challenge of this sign-in, 2 for the next, … */
  readonly round: number;
  /** The previous custom challenge of this sign-in, if any (its `challengeMetadata` is what you set). */
  readonly previous: ChallengeResult | undefined;
}

/**
 * The challenge to ask: `publicParameters` reach the app (the `CUSTOM_CHALLENGE` step's `parameters`),
 * `privateParameters` only the Verify trigger, `metadata` later triggers of this sign-in (in `session`).
 *
 * @example
 * ```ts
 * const challenge: CreatedChallenge = { publicParameters: { captchaUrl }, privateParameters: { answer }, metadata: 'CAPTCHA' };
 * ```
 */
export interface CreatedChallenge {
  readonly publicParameters?: Readonly<Record<string, string>>;
  readonly privateParameters: Readonly<Record<string, string>>;
  readonly metadata?: string;
}

const HELPER = 'createAuthChallenge';

/**
 * Builds a Create auth challenge handler. The handler validates the event (it must ask for a
 * `CUSTOM_CHALLENGE`), passes the round number and the previous custom challenge, and checks that every
 * parameter is a string, as Cognito requires. For a complete emailed-code challenge see
 * `emailedCodeChallenge`.
 *
 * @example
 * ```ts
 * export const handler = createAuthChallenge(async ({ round }) => {
 *   const { question, answer } = await pickQuestion(round);
 *   return { publicParameters: { question }, privateParameters: { answer }, metadata: `QUESTION-${round}` };
 * });
 * ```
 */
export function createAuthChallenge(
  create: (input: CreateAuthChallengeInput) => CreatedChallenge | Promise<CreatedChallenge>,
): TriggerHandler<CreateAuthChallengeEvent> {
  return async (raw) => {
    const { event, request } = checkEvent(raw, HELPER, 'Create auth challenge', [
      'CreateAuthChallenge_Authentication',
    ]);
    if (request.challengeName !== 'CUSTOM_CHALLENGE') {
      throw new TriggerError(
        HELPER,
        'event',
        `request.challengeName is ${JSON.stringify(request.challengeName)}; Cognito calls Create auth challenge only for CUSTOM_CHALLENGE`,
      );
    }
    const session = sessionAt(request.session, HELPER);
    const custom = session.filter((c) => c.challengeName === 'CUSTOM_CHALLENGE');
    const created: unknown = await create({
      event: raw,
      userName: typeof event.userName === 'string' ? event.userName : '',
      userAttributes: stringMapAt(request.userAttributes, 'request.userAttributes', HELPER),
      clientMetadata: stringMapAt(request.clientMetadata, 'request.clientMetadata', HELPER, true) ?? {},
      userNotFound: flagAt(request.userNotFound, 'request.userNotFound', HELPER),
      session,
      round: custom.length + 1,
      previous: custom.at(-1),
    });
    if (typeof created !== 'object' || created === null) {
      throw new TriggerError(
        HELPER,
        'response',
        'the callback must return { publicParameters, privateParameters, metadata }',
      );
    }
    const c = created as Record<string, unknown>;
    if (c.privateParameters === undefined) {
      throw new TriggerError(
        HELPER,
        'response',
        'privateParameters is required: the Verify trigger checks the answer against it',
      );
    }
    if (c.metadata !== undefined && typeof c.metadata !== 'string') {
      throw new TriggerError(HELPER, 'response', 'metadata must be a string');
    }
    return {
      ...raw,
      response: {
        publicChallengeParameters: returnedStringMap(c.publicParameters, 'publicParameters', HELPER),
        privateChallengeParameters: returnedStringMap(c.privateParameters, 'privateParameters', HELPER),
        challengeMetadata: (c.metadata as string | undefined) ?? '',
      },
    };
  };
}
