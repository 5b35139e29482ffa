/**
 * Shares one running task among every caller that asks while it runs: the first call starts `task`,
 * later calls get the same promise until it settles, and the next call after that starts a new one, so a
 * failure is reported to everyone who waited and never sticks.
 *
 * @example
 * ```ts
 * const flight = singleFlight<Result<TokenSet, SessionError>>();
 * const [a, b] = await Promise.all([flight.run(refresh), flight.run(refresh)]); // one refresh
 * ```
 */
export function singleFlight<T>() {
  let running: Promise<T> | undefined;
  return {
    run(task: () => Promise<T>): Promise<T> {
      if (running) return running;
      const current = task().finally(() => {
        if (running === current) running = undefined;
      });
      running = current;
      return current;
    },
    /** Resolves once the running task (if any) has settled; never rejects. */
    settled(): Promise<void> {
      return running
        ? running.then(
            () => undefined,
            () => undefined,
          )
        : Promise.resolve();
    },
  };
}
