/**
 * Thrown by a cognito-flow trigger handler when the event is not what that trigger receives (wrong
 * trigger, wrong event version, missing fields — `kind: 'event'`) or when your callback's answer is one
 * Cognito would reject or silently ignore (a reserved claim, a non-string value — `kind: 'response'`).
 *
 * A Lambda trigger is the one place where cognito-flow throws: Lambda logs a thrown error with its
 * message, and Cognito fails the request (the client sees `UserLambdaValidationException` or
 * `InvalidLambdaResponseException`), which is far easier to find than an answer that is silently wrong.
 * The message never contains a password, code or token from the event.
 *
 * @example
 * ```ts
 * try { await handler(event); } catch (error) {
 *   if (error instanceof TriggerError && error.kind === 'event') console.error('attached to the wrong trigger?', error.message);
 * }
 * ```
 */
export class TriggerError extends Error {
  override readonly name = 'TriggerError';
  /** The helper that threw, e.g. `defineAuthChallenge`. */
  readonly trigger: string;
  /** `event`: Cognito sent something this helper does not handle; `response`: the callback's answer is invalid. */
  readonly kind: 'event' | 'response';

  /**
   * @example
   * ```ts
   * throw new TriggerError('preSignUp', 'event', 'request.userAttributes is missing');
   * ```
   */
  constructor(trigger: string, kind: 'event' | 'response', message: string) {
    super(`cognito-flow/triggers ${trigger}: ${message}`);
    this.trigger = trigger;
    this.kind = kind;
  }
}
