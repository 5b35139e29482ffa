import { err, ok, type Result, ResultAsync } from 'neverthrow';
import { makeError } from '../errors/make-error.js';
import type { UnexpectedError } from '../errors/types.js';

/**
 * Every item of a paged Cognito listing, fetched page by page as you iterate. Each item is a
 * `Result`: a failed page is one `Err` and ends the iteration (nothing is thrown).
 *
 * @example
 * ```ts
 * for await (const user of admin.listUsers()) {
 *   if (user.isErr()) { console.error(user.error.message); break; }
 *   console.log(user.value.username);
 * }
 * const all = await admin.listUsers().toArray();
 * ```
 */
export interface Listing<T, E> extends AsyncIterable<Result<T, E>> {
  /** Every item of every page, or the first error. */
  toArray(): ResultAsync<T[], E>;
}

/**
 * One page of a listing.
 *
 * @example
 * ```ts
 * const page: Page<string> = { items: ['a', 'b'], next: 'token' };
 * ```
 */
export interface Page<T> {
  readonly items: readonly T[];
  readonly next: string | undefined;
}

/**
 * Builds a {@link Listing} from a page fetcher. `failure` (a validation error) ends it before any
 * request. A pagination token seen before ends it with an `Unexpected` error instead of looping.
 *
 * @example
 * ```ts
 * const groups = listing((token) => fetchGroupsPage(token));
 * ```
 */
export function listing<T, E>(
  fetchPage: (token: string | undefined) => ResultAsync<Page<T>, E>,
  failure?: E,
): Listing<T, E | UnexpectedError> {
  async function* items(): AsyncGenerator<Result<T, E | UnexpectedError>> {
    if (failure !== undefined) {
      yield err(failure);
      return;
    }
    const seen = new Set<string>();
    let token: string | undefined;
    do {
      const page = await fetchPage(token);
      if (page.isErr()) {
        yield err(page.error);
        return;
      }
      for (const item of page.value.items) yield ok(item);
      token = page.value.next || undefined;
      if (token !== undefined) {
        if (seen.has(token)) {
          yield err(makeError('Unexpected', 'Cognito repeated a pagination token; the listing stopped'));
          return;
        }
        seen.add(token);
      }
    } while (token !== undefined);
  }
  return {
    [Symbol.asyncIterator]: () => items(),
    toArray: () =>
      new ResultAsync(
        (async () => {
          const all: T[] = [];
          for await (const item of items()) {
            if (item.isErr()) return err(item.error);
            all.push(item.value);
          }
          return ok(all);
        })(),
      ),
  };
}

/**
 * A listing that yields `error` and ends, without a request (for input rejected up front).
 *
 * @example
 * ```ts
 * return failedListing(makeError('InvalidParameter', 'pageSize must be 1-60'));
 * ```
 */
export function failedListing<T, E>(error: E): Listing<T, E | UnexpectedError> {
  return listing<T, E>(() => {
    throw new Error('a failed listing never fetches');
  }, error);
}
