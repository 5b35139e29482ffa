import type { ResultAsync } from 'neverthrow';
import type { CognitoError } from '../errors/types.js';

/** An operation's request and response shapes. */
export interface OperationShape {
  readonly input: unknown;
  readonly output: unknown;
}

/** Options for one call through a {@link Transport}. */
export interface CallOptions {
  /** Sensitive values of this call, redacted from any error message. */
  readonly secrets?: readonly (string | undefined)[];
}

/**
 * The one seam between cognito-flow and Cognito: an operation name and its input in,
 * the operation's output (or a typed error) out. The default implementation sends AWS SDK v3
 * commands; any other (for example a fetch-only one for browsers) can stand in.
 *
 * @example
 * ```ts
 * const result = await transport('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId, AuthParameters });
 * ```
 */
export type Transport<Ops extends { [K in keyof Ops]: OperationShape }> = <K extends keyof Ops & string>(
  operation: K,
  input: Ops[K]['input'],
  options?: CallOptions,
) => ResultAsync<Ops[K]['output'], CognitoError>;
