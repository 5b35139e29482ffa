/**
 * The time limit of one fetch attempt, on any runtime. `AbortSignal.timeout` is missing from some of the
 * runtimes the browser entry serves (React Native's Hermes, browsers before 2022), so the limit is an own
 * timer: it aborts an `AbortController`'s signal where the runtime has one (so `fetch` can stop), and
 * rejects `expired` either way (so a `fetch` that ignores the signal, or a runtime without one, cannot hang).
 */

/** One attempt's deadline; call `clear` when the attempt settles. */
export interface AttemptDeadline {
  /** Aborted with a `TimeoutError` at the deadline; undefined where the runtime has no `AbortController`. */
  readonly signal: AbortSignal | undefined;
  /** Rejects with the same `TimeoutError` at the deadline; never resolves. */
  readonly expired: Promise<never>;
  readonly clear: () => void;
}

/**
 * The reason of a timed-out attempt: an `Error` named `TimeoutError` (the name `AbortSignal.timeout`'s
 * `DOMException` has; `mapSdkError` reads it as a retryable `Network` error), on runtimes without
 * `DOMException` too.
 */
function timeoutError(timeoutMs: number): Error {
  return Object.assign(new Error(`no answer in ${timeoutMs} ms`), { name: 'TimeoutError' });
}

/**
 * Starts the deadline of one attempt, `timeoutMs` from now: race the attempt against `expired`, pass
 * `signal` to `fetch`, and `clear` it when the attempt settles.
 */
export function attemptDeadline(timeoutMs: number): AttemptDeadline {
  const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const reason = timeoutError(timeoutMs);
      controller?.abort(reason);
      reject(reason);
    }, timeoutMs);
  });
  // Only a race ever reads `expired`: an unobserved rejection after the attempt settled is no error.
  expired.catch(() => {});
  return { signal: controller?.signal, expired, clear: () => clearTimeout(timer) };
}
