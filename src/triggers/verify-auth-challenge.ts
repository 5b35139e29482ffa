import type { StringMap, TriggerEventBase, TriggerHandler } from './common-types.js';
import { checkEvent, flagAt, stringMapAt } from './event-checks.js';
import { TriggerError } from './trigger-error.js';

/**
 * The event of the Verify auth challenge response trigger (same shape as `@types/aws-lambda`'s
 * `VerifyAuthChallengeResponseTriggerEvent`).
 *
 * @example
 * ```ts
 * const answered = (event: VerifyAuthChallengeEvent) => event.request.challengeAnswer.length > 0;
 * ```
 */
export interface VerifyAuthChallengeEvent
  extends TriggerEventBase<'VerifyAuthChallengeResponse_Authentication'> {
  request: {
    userAttributes: StringMap;
    privateChallengeParameters: StringMap;
    challengeAnswer: string;
    userNotFound?: boolean | undefined;
    clientMetadata?: StringMap | undefined;
  };
  response: {
    answerCorrect: boolean;
  };
}

/**
 * What a Verify auth challenge callback gets: the user's answer (the `answer` of
 * `auth.answerCustomChallenge(step, answer)`) and the private parameters your Create trigger set.
 *
 * @example
 * ```ts
 * const verify = ({ answer, privateParameters }: VerifyAuthChallengeInput) => answer === privateParameters.answer;
 * ```
 */
export interface VerifyAuthChallengeInput {
  readonly event: VerifyAuthChallengeEvent;
  readonly userName: string;
  readonly answer: string;
  readonly privateParameters: StringMap;
  readonly userAttributes: StringMap;
  readonly clientMetadata: StringMap;
}

const HELPER = 'verifyAuthChallenge';

/**
 * Compares two strings in time that depends on their lengths only, not on where they differ, so an
 * attacker cannot find a code character by character from response times.
 *
 * @example
 * ```ts
 * constantTimeEqual(answer.trim(), privateParameters.code ?? ''); // true or false
 * ```
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = new TextEncoder().encode(a);
  const right = new TextEncoder().encode(b);
  let difference = left.length ^ right.length;
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    difference |= (left[i] ?? 0) ^ (right[i] ?? 0);
  }
  return difference === 0;
}

/**
 * Builds a Verify auth challenge response handler from a check that returns whether the answer is
 * correct. An unknown user (`userNotFound`) is always answered wrong, whatever the check says. The
 * answer is never put into an error message.
 *
 * @example
 * ```ts
 * export const handler = verifyAuthChallenge(({ answer, privateParameters }) =>
 *   constantTimeEqual(answer.trim(), privateParameters.answer ?? ''),
 * );
 * ```
 */
export function verifyAuthChallenge(
  verify: (input: VerifyAuthChallengeInput) => boolean | Promise<boolean>,
): TriggerHandler<VerifyAuthChallengeEvent> {
  return async (raw) => {
    const { event, request } = checkEvent(raw, HELPER, 'Verify auth challenge response', [
      'VerifyAuthChallengeResponse_Authentication',
    ]);
    if (typeof request.challengeAnswer !== 'string') {
      throw new TriggerError(HELPER, 'event', 'request.challengeAnswer is missing or not a string');
    }
    const privateParameters = stringMapAt(
      request.privateChallengeParameters,
      'request.privateChallengeParameters',
      HELPER,
    );
    const userNotFound = flagAt(request.userNotFound, 'request.userNotFound', HELPER);
    const correct: unknown = await verify({
      event: raw,
      userName: typeof event.userName === 'string' ? event.userName : '',
      answer: request.challengeAnswer,
      privateParameters,
      userAttributes: stringMapAt(request.userAttributes, 'request.userAttributes', HELPER),
      clientMetadata: stringMapAt(request.clientMetadata, 'request.clientMetadata', HELPER, true) ?? {},
    });
    if (typeof correct !== 'boolean') {
      throw new TriggerError(
        HELPER,
        'response',
        `the check must return true or false, got ${typeof correct}`,
      );
    }
    return { ...raw, response: { answerCorrect: correct && !userNotFound } };
  };
}
