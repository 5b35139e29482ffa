import type { Result } from 'neverthrow';

/** The Ok value, or an Error naming the Err's type and message (neverthrow's own helper hides them). */
export function unwrap<T, E extends { readonly type: string; readonly message: string }>(
  result: Result<T, E>,
): T {
  if (result.isErr()) throw new Error(`Expected Ok, got ${result.error.type}: ${result.error.message}`);
  return result.value;
}
