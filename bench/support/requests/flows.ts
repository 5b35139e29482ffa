import type { RequestCount } from '../counting-proxy.js';

/** The flows whose requests are counted, in table order. */
export const FLOWS = [
  ['password', 'password sign-in (USER_PASSWORD_AUTH)'],
  ['srp', 'SRP sign-in (USER_SRP_AUTH)'],
  ['newPassword', 'NEW_PASSWORD_REQUIRED: SRP sign-in + new password'],
  ['identityFirst', 'identity credentials: first'],
  ['identitySecond', 'identity credentials: second (after the credentials expire)'],
  ['identityCached', 'identity credentials: cached'],
  ['refresh100', '100 concurrent getTokens() on an expired session'],
  ['refresh100Auto', "the same, cognito-flow's default refreshOperation 'auto'"],
] as const;

/** A flow's key. */
export type FlowKey = (typeof FLOWS)[number][0];

/** What one library did in one flow: the requests counted, or why it cannot run here. */
export type FlowCell = RequestCount | { readonly na: string; readonly sent?: RequestCount };

/** One library's cells. */
export type FlowCells = Partial<Record<FlowKey, FlowCell>>;

/** Everything a library's runner needs. */
export interface FlowEnvironment {
  readonly userPoolId: string;
  readonly clientId: string;
  readonly identityPoolId: string;
  readonly region: string;
  /** The counting proxy's URL: every client uses it as its endpoint. */
  readonly endpoint: string;
  /** Requests since the last call, and resets the count. */
  take(): RequestCount;
  /** A confirmed user with a permanent password (created without counting). */
  confirmedUser(prefix: string): Promise<{ username: string; password: string }>;
  /** A user who must set a new password at first sign-in. */
  newUser(prefix: string): Promise<{ username: string; temporaryPassword: string; newPassword: string }>;
}

/**
 * Runs `flow`, then takes the count; an exception becomes `n/a` with its message.
 *
 * @example
 * ```ts
 * cells.password = await counted(env, () => signInWithPassword());
 * ```
 */
export async function counted(env: FlowEnvironment, flow: () => Promise<void>): Promise<FlowCell> {
  env.take();
  try {
    await flow();
    return env.take();
  } catch (error) {
    const sent = env.take();
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { na: message.split('\n')[0]?.slice(0, 160) ?? 'failed', sent };
  }
}
