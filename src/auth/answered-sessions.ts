/**
 * The sign-in steps (kind and session) this client has already answered successfully, so a step answered twice is
 * refused locally (`InvalidStep`) instead of costing a request that Cognito would refuse anyway.
 * Bounded: the oldest entries go first; Cognito still refuses a reused session past the bound.
 *
 * @example
 * ```ts
 * const answered = answeredSessions();
 * answered.add(step.session);
 * answered.has(step.session); // true
 * ```
 */
export interface AnsweredSessions {
  has(session: string): boolean;
  add(session: string): void;
}

/**
 * An in-memory {@link AnsweredSessions} holding at most `maxEntries` sessions.
 *
 * @example
 * ```ts
 * const answered = answeredSessions(1000);
 * ```
 */
export function answeredSessions(maxEntries = 10_000): AnsweredSessions {
  const sessions = new Set<string>();
  return {
    has: (session) => sessions.has(session),
    add: (session) => {
      sessions.add(session);
      if (sessions.size > maxEntries) {
        const oldest = sessions.values().next();
        if (!oldest.done) sessions.delete(oldest.value);
      }
    },
  };
}
