/** Anything with an AWS SDK v3 middleware stack. */
interface WithMiddleware {
  // biome-ignore lint/suspicious/noExplicitAny: the SDK overloads `add` per middleware step.
  middlewareStack: { add: (...args: any[]) => void };
}

type Next = (args: unknown) => Promise<unknown>;

/** Counts the HTTP requests a set of SDK clients send. */
export interface RequestCounter {
  /** Requests since the last `take()`, by operation name, and resets the count. */
  take(): { total: number; byOperation: Record<string, number> };
}

/**
 * Adds a middleware to each client that counts every HTTP request it sends (retries included).
 *
 * @example
 * ```ts
 * const counter = countRequests(idpClient, identityClient);
 * await auth.signIn(...);
 * counter.take(); // { total: 1, byOperation: { InitiateAuth: 1 } }
 * ```
 */
export function countRequests(...clients: WithMiddleware[]): RequestCounter {
  let byOperation: Record<string, number> = {};
  for (const client of clients) {
    client.middlewareStack.add(
      (next: Next) => async (args: unknown) => {
        const request = (args as { request?: { headers?: Record<string, string> } }).request;
        const target = request?.headers?.['x-amz-target'] ?? request?.headers?.['X-Amz-Target'];
        const name = target?.split('.').pop() ?? 'request';
        byOperation[name] = (byOperation[name] ?? 0) + 1;
        return next(args);
      },
      { step: 'finalizeRequest', name: 'cognitoFlowRequestCounter', priority: 'low' },
    );
  }
  return {
    take() {
      const snapshot = byOperation;
      byOperation = {};
      return { total: Object.values(snapshot).reduce((a, b) => a + b, 0), byOperation: snapshot };
    },
  };
}
