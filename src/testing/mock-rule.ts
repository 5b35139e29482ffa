import type { CognitoOperation } from './mocked-operations.js';
import type { SigningKey } from './signing-key.js';

/**
 * One answer a mock gives: for calls of `operation` whose input `matches`, `answer` returns Cognito's
 * output (or throws the SDK error). The newest matching rule answers.
 */
export interface MockRule {
  readonly operation: CognitoOperation;
  // biome-ignore lint/suspicious/noExplicitAny: inputs are the SDK's input types, checked by each rule.
  matches(input: any): boolean;
  // biome-ignore lint/suspicious/noExplicitAny: as above.
  answer(input: any): unknown;
}

/** What scenarios need from their mock: the pool tokens are minted for, and the signing key. */
export interface ScenarioContext {
  /** The user pool id (learnt from the AuthClient, given as an option, or the test default). */
  readonly userPoolId: () => Promise<string>;
  readonly key: SigningKey;
}

/** A string field of an SDK input map, or undefined. */
export function field(map: unknown, name: string): string | undefined {
  if (typeof map !== 'object' || map === null) return undefined;
  const value = (map as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
}

/** The user name a call is about, wherever the operation puts it. */
export function usernameOf(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const i = input as Record<string, unknown>;
  return (
    field(i.AuthParameters, 'USERNAME') ?? field(i.ChallengeResponses, 'USERNAME') ?? field(i, 'Username')
  );
}
