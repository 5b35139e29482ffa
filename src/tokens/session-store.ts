import { err, ok, type Result } from 'neverthrow';
import { redact } from '../errors/redact.js';
import type { TokenStoreError } from '../errors/types.js';
import { isTokenStoreError, tokenStoreError } from './stores/token-store.js';

/**
 * Runs one call to a {@link TokenStore}, turning a throw or rejection into a `TokenStore` error (a thrown
 * `TokenStore` error is passed on). The thrown error's message is kept, with `secrets` redacted.
 *
 * @example
 * ```ts
 * const loaded = await storeCall(() => store.get('tokens'), [tokens.refreshToken]);
 * ```
 */
export async function storeCall<T>(
  call: () => T | Promise<T>,
  secrets: readonly (string | undefined)[] = [],
): Promise<Result<Awaited<T>, TokenStoreError>> {
  try {
    return ok(await call());
  } catch (thrown) {
    if (isTokenStoreError(thrown)) return err(thrown);
    const detail = thrown instanceof Error && thrown.message ? `: ${redact(thrown.message, secrets)}` : '';
    return err(tokenStoreError(`The token store failed${detail}`, thrown));
  }
}
